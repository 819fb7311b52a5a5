import { useRef, useState } from 'react';
import { useDataLayer } from '../data';

/**
 * One user intent = one command (issue 16): an id made when the form or
 * dialog opens, passed to the data layer, which treats a second submit of the
 * same id as a no-op; and a guard so that a second click while the first runs
 * does nothing at all (a ref, since two clicks can land before React renders
 * the disabled button). A successful run starts a new intent; a failed one
 * keeps its id, since nothing was written and trying again is the same intent.
 */
export function useCommand() {
  const { ctx } = useDataLayer();
  const [commandId, setCommandId] = useState(() => ctx.newId());
  const running = useRef(false);
  const [busy, setBusy] = useState(false);

  /** Runs `work` unless a run is in progress (then resolves to undefined without calling it). */
  async function run<T>(work: (commandId: string) => Promise<T>): Promise<T | undefined> {
    if (running.current) return undefined;
    running.current = true;
    setBusy(true);
    try {
      const result = await work(commandId);
      setCommandId(ctx.newId());
      return result;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }
  return { commandId, busy, run };
}
