import { toParisWallClock } from '../../src-core/calendar';
import { contractDateIssues, referenceClash, type ReferencedContract } from '../../src-core/model';
import type { WireRecord } from '../../src-core/sync';
import { message, type Message } from '../../src-core/messages';
import type { Queryable } from '../storage/db';

/**
 * The central API's side of "contract references are unique" (DOMAIN.md):
 * two laptops that gave the same reference offline both push it; the first
 * one stored wins, the second is refused with src-core's own words, as are
 * dates the laptop itself refuses (a notice received in the future…).
 * Called inside the mutation's transaction, after `lockWrites`, so two pushes
 * cannot both find the reference free. Only a new or changed reference is
 * compared: a duplicate kept from before the rule stays editable.
 */
export async function contractIdentityRefusal(tx: Queryable, id: string, contract: WireRecord, referenceChanged: boolean): Promise<Message | undefined> {
  const dates = contractDateIssues(contract as { startDate: string }, toParisWallClock(Date.now()).date);
  if (dates.length > 0) return message('sync.refusal.contractRefused', { details: { clauses: dates.map((i) => i.said!) } });
  if (!referenceChanged) return undefined;
  const reference = String(contract.reference);
  // records_contract_reference_idx (migration 0003) serves this lookup.
  const sameReference = await tx.query<ReferencedContract>(
    `select id, data->>'reference' as reference from records
     where entity = 'contracts' and not deleted and upper(btrim(data->>'reference')) = upper(btrim($1)) and id <> $2`,
    [reference, id],
  );
  return referenceClash({ id, reference }, sameReference);
}
