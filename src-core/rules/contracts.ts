import { parseInstant, toParisWallClock } from '../calendar/paris-time';
import { compareDates, formatDateFr, type IsoDate } from '../dates';
import type { LetterKind } from '../letters/types';
import { contractEnd } from '../lifecycle/contract-state';
import { planTierChange, type TierChangePlan } from '../lifecycle/tier-change';
import type { Contract, ContractHistoryEntry, LetterTerminationCause } from '../model/contract';
import type { LetterStatus } from '../model/letter';
import { contractPriceListProblem, type PriceLists } from '../pricing/price-lists';
import { message } from '../messages';
import { firstRefusal, refusal, verdictOf, type Verdict } from './verdict';

/**
 * The contract's life (DOMAIN.md, The contract's life acts on everything
 * else), as far as records show it: a tier change is one history entry the
 * tier follows, planned by `planTierChange` and never retroactive without the
 * explicit flag; the stored end date is the one the contract's notice and
 * letters set (`contractEnd`), and a termination set by a letter names a
 * letter of that contract, of that kind, that went out. The laptop's
 * contract actions and the central API check the same.
 */

type TierChange = Extract<ContractHistoryEntry, { kind: 'tier_change' }>;

/** Refuses a first day already past unless the account manager confirmed it knowingly. */
export function silentRetroactivityRefusal(plan: Pick<TierChangePlan, 'from' | 'retroactive'>, confirmed: boolean, today: IsoDate): Verdict {
  if (!plan.retroactive || confirmed) return null;
  return refusal(
    'INVALID_DATE',
    `Le ${formatDateFr(plan.from)} est antérieur à aujourd’hui (${formatDateFr(today)}) : confirmez explicitement un changement rétroactif, ou choisissez le 1er d’un mois à venir.`,
  );
}

const sameEntry = (a: ContractHistoryEntry, b: ContractHistoryEntry) => JSON.stringify(a) === JSON.stringify(b);
const tierChanges = (history: readonly ContractHistoryEntry[]) => history.filter((e): e is TierChange => e.kind === 'tier_change');

/** The day a history entry was written, on the Paris calendar, at the latest `today` (a laptop's clock is not trusted beyond it). */
function dayOf(at: string, today: IsoDate): IsoDate {
  const day = toParisWallClock(parseInstant(at)).date;
  return compareDates(day, today) > 0 ? today : day;
}

const TIER_ACTION = message('refusal.tierChange.byAction');

/** Tier changes added by `after` are each planned on the contract as it stood; the tier is the latest change's. */
function tierRefusal(before: Contract | undefined, after: Contract, today: IsoDate, lists: PriceLists): Verdict {
  const changes = tierChanges(after.history);
  const latest = [...changes].sort((a, b) => (a.fromMonth < b.fromMonth ? -1 : a.fromMonth > b.fromMonth ? 1 : 0)).at(-1);
  if (latest && after.tier !== latest.toTier) return refusal('INVALID_INPUT', message('refusal.tierChange.byActionLatest', { action: { message: TIER_ACTION }, tier: after.tier, latest: latest.toTier }));
  if (!before) return null;
  const undone = tierChanges(before.history).filter((e) => !changes.some((c) => sameEntry(c, e)));
  if (!latest && undone.length === 0 && after.tier !== before.tier) return refusal('INVALID_INPUT', TIER_ACTION);
  let contract: Contract = { ...before, history: before.history.filter((e) => !undone.some((u) => sameEntry(u, e))) };
  for (const entry of changes.filter((c) => !before.history.some((e) => sameEntry(c, e)))) {
    const day = dayOf(entry.at, today);
    let plan: TierChangePlan | undefined;
    const verdict = firstRefusal(
      () => verdictOf(() => (plan = planTierChange(contract, entry.toTier, entry.fromMonth, day, lists))),
      () => silentRetroactivityRefusal(plan!, entry.retroactive === true, day),
    );
    if (verdict) return verdict;
    contract = { ...contract, tier: entry.toTier, history: [...contract.history, entry] };
  }
  return null;
}

/** A new contract, or a changed list or start, names a stored list and starts on or after the first one (§5.1). */
function priceListRefusal(before: Contract | undefined, after: Contract, lists: PriceLists): Verdict {
  if (before && before.priceListId === after.priceListId && before.startDate === after.startDate) return null;
  const problem = contractPriceListProblem(after, lists);
  return problem ? refusal('INVALID_INPUT', problem) : null;
}

/** The end date stored on the contract is the one its events set. */
function endRefusal(after: Contract): Verdict {
  const end = contractEnd(after);
  if (!end || end.cause === null || end.value === after.terminationEffectiveDate) return null;
  const stored = after.terminationEffectiveDate ? { date: after.terminationEffectiveDate } : { message: message('refusal.contract.storedEndNone') };
  return refusal('INVALID_DATE', message('refusal.contract.storedEnd', { stored, end: { date: end.value }, rule: end.message ? { message: end.message } : end.rule }));
}

/** What the rule reads of a letter named by a termination entry. */
export interface TerminatingLetter {
  kind: LetterKind;
  status: LetterStatus;
  contractId: string;
  sentOn?: IsoDate | undefined;
}

/** The letter kind that sets each cause of termination (an objection answers the price change notice). */
export const TERMINATION_LETTER_KINDS: Record<LetterTerminationCause, LetterKind> = {
  non_payment: 'nonPaymentTermination',
  uncured_breach: 'breachTermination',
  force_majeure: 'forceMajeureTermination',
  price_change_objection: 'priceChange',
};

/** The letters named by the termination entries `after` adds, for the caller to read. */
export function addedTerminationLetterIds(before: Contract | undefined, after: Contract): string[] {
  return after.history.flatMap((e) => (e.kind === 'termination' && e.letterId && !before?.history.some((b) => sameEntry(b, e)) ? [e.letterId] : []));
}

function terminationLetterRefusal(before: Contract | undefined, after: Contract, letters: ReadonlyMap<string, TerminatingLetter>): Verdict {
  for (const entry of after.history) {
    if (entry.kind !== 'termination' || !entry.letterId || before?.history.some((e) => sameEntry(e, entry))) continue;
    const letter = letters.get(entry.letterId);
    if (!letter || letter.contractId !== after.id || letter.kind !== TERMINATION_LETTER_KINDS[entry.cause]) {
      return refusal('INVALID_INPUT', message('refusal.termination.noLetter', { id: entry.letterId }));
    }
    if (!['sent', 'received'].includes(letter.status) || !letter.sentOn) {
      return refusal('INVALID_TRANSITION', message('refusal.termination.notSent'));
    }
    if (compareDates(entry.effectiveDate, letter.sentOn) < 0) {
      return refusal('INVALID_DATE', message('refusal.termination.beforeSent', { effective: { date: entry.effectiveDate }, sent: { date: letter.sentOn } }));
    }
  }
  return null;
}

/**
 * Why the contract may not go from `before` (undefined: a new one) to
 * `after` on `today` (Paris), or null. `letters` holds at least the letters
 * `addedTerminationLetterIds` names; `lists` are the stored price lists.
 */
export function contractLifeRefusal(
  before: Contract | undefined,
  after: Contract,
  today: IsoDate,
  letters: ReadonlyMap<string, TerminatingLetter>,
  lists: PriceLists,
): Verdict {
  return firstRefusal(
    () => priceListRefusal(before, after, lists),
    () => tierRefusal(before, after, today, lists),
    () => endRefusal(after),
    () => terminationLetterRefusal(before, after, letters),
  );
}
