import { useLiveQuery } from 'dexie-react-hooks';
import { DEFAULT_ENVELOPE_MODELS, DEFAULT_RULE_SETTINGS, DEMO_SELLER_PROFILE } from '../../../src-core';
import { useDataLayer } from '../provider';
import { readSetting } from '../repositories/settings';

/** One letter, live (its page follows each step). `undefined` while loading, `null` when absent. */
export function useLetter(id: string | undefined) {
  const { db } = useDataLayer();
  return useLiveQuery(async () => (id ? ((await db.letters.get(id)) ?? null) : null), [db, id]);
}

/**
 * The settings letters are composed and printed with: the stored ones, else
 * DOMAIN.md's defaults and the demo seller (to be completed in Paramètres).
 * `undefined` while loading.
 */
export function useLetterSettings() {
  const { db } = useDataLayer();
  return useLiveQuery(async () => {
    const [rules, seller, envelopes] = await Promise.all([readSetting(db, 'ruleSettings'), readSetting(db, 'sellerProfile'), readSetting(db, 'envelopeModels')]);
    return { rules: rules ?? DEFAULT_RULE_SETTINGS, seller: seller ?? DEMO_SELLER_PROFILE, envelopes: envelopes?.length ? envelopes : DEFAULT_ENVELOPE_MODELS };
  }, [db]);
}

/** The clients of a list of letters, by id: names for tables without loading the whole portfolio. */
export function useClientsById(ids: readonly string[]) {
  const { db } = useDataLayer();
  const key = [...new Set(ids)].sort().join(',');
  return useLiveQuery(async () => {
    const unique = key ? key.split(',') : [];
    const clients = await db.clients.bulkGet(unique);
    return new Map(clients.flatMap((c) => (c ? [[c.id, c] as const] : [])));
  }, [db, key]);
}

/** Every letter of the contract (follow-ups are decided against the contract's later letters). */
export function useLettersOfContract(contractId: string | undefined) {
  const { db } = useDataLayer();
  return useLiveQuery(() => (contractId ? db.letters.where('contractId').equals(contractId).toArray() : []), [db, contractId]);
}
