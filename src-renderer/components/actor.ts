import { actorLabel, usePersonStore } from '../sync/person';

/**
 * Who the audit names for a change made on this laptop, read when the change
 * is made: the signed-in person (display name and sign-in name), or the
 * standalone laptop's chosen name, stated as such (sync/person).
 */
export const currentActor = (): string => actorLabel(usePersonStore.getState().person);
