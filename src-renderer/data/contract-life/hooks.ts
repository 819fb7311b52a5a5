import { useLiveQuery } from 'dexie-react-hooks';
import type { IsoDate } from '../../../src-core';
import { useDataLayer } from '../provider';
import { readOverrunWorkList } from './overruns';
import { readPresumedPriceChanges } from './presumed-prices';

/** The overrun work list, live. `undefined` while loading. */
export function useOverrunWorkList(today: IsoDate) {
  const { db } = useDataLayer();
  return useLiveQuery(() => readOverrunWorkList(db, today), [db, today]);
}

/** The tier-change notices of a contract (a draft one lets its change be undone). */
export function useTierChangeLetters(contractId: string) {
  const { db } = useDataLayer();
  return useLiveQuery(async () => (await db.letters.where('contractId').equals(contractId).toArray()).filter((l) => l.kind === 'tierChange'), [db, contractId]);
}

/** Price change notices sent without a known receipt, as presumed price versions by contract (the MRR forecast counts them), live. */
export function usePresumedPriceChanges() {
  const { ctx } = useDataLayer();
  return useLiveQuery(() => readPresumedPriceChanges(ctx), [ctx]);
}
