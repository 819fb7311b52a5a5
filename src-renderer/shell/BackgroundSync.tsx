import { useBackgroundSync } from '../sync/session';

/** The window's sync session, as a component the shell loads apart: its engine is not needed to show the first screen. */
export function BackgroundSync() {
  useBackgroundSync();
  return null;
}
