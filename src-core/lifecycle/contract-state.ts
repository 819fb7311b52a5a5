import { addDays, compareDates, yearMonthOf, type IsoDate, type YearMonth } from '../dates';
import { explainedMessage, type Explained } from '../explain';
import { message, messageFr, messageOfFrench, type Message } from '../messages';
import type { Cents } from '../money';
import { tierForMonth, type Contract, type ContractHistoryEntry, type ContractStatus } from '../model/contract';
import type { TierCode } from '../model/priceList';
import { getTier, type PriceLists } from '../pricing/price-lists';
import type { TerminationCause } from './contract-status';
import { terminationEffectiveDateExplained } from './termination-notice';

/**
 * A contract's state read from its events, at a date (DOMAIN.md, The contract's
 * life acts on everything else): the end date and its cause, the status of
 * that day, and the tier and price in force for any month. The stored status
 * is only trusted for what no date decides (a draft, a suspension): a
 * termination that took effect makes the contract "Résilié" the day after,
 * whatever was stored when its notice was recorded.
 */

export type TierChange = Extract<ContractHistoryEntry, { kind: 'tier_change' }>;

/** The last day of the contract, why, and by which rule. */
export interface ContractEnd extends Explained<IsoDate> {
  /** Null for an end date stored without the event that set it (imported data). */
  cause: TerminationCause | null;
  /** The notice, objection or letter receipt the date was computed from. */
  noticeDate: IsoDate | null;
  letterId?: string;
}

/** A price from a received price change notice (§5.2), for one tier, from the 1st of a month. */
export interface PriceVersion extends Explained<Cents> {
  from: IsoDate;
  tier: TierCode;
  receivedOn: IsoDate;
  objectionDeadline: IsoDate;
  letterId?: string;
}

/** What the state of a contract is computed from: small and plain, so the read model can keep it per contract. */
export interface ContractTerms {
  /** As stored: only `draft` and `suspended` are read from it. */
  status: ContractStatus;
  startDate: IsoDate;
  /** The latest tier (see `tierForMonth`). */
  tier: TierCode;
  priceListId: string;
  /** Tier changes only: the rest of the history does not price a month. */
  history: TierChange[];
  /** Price versions, oldest effective first. */
  prices: PriceVersion[];
  end: ContractEnd | null;
}

/** History optional: a contract being created has none yet. */
type Events = Pick<Contract, 'terminationNotice' | 'terminationEffectiveDate'> & { history?: readonly ContractHistoryEntry[] };

/** Latest entry per letter: a receipt recorded later replaces the dates set from the presumed one. */
function latestPerLetter<T extends { letterId?: string | undefined; at: string }>(entries: readonly T[], key: (e: T) => string): T[] {
  const by = new Map<string, T>();
  for (const e of entries) {
    const k = e.letterId ?? key(e);
    const seen = by.get(k);
    if (!seen || seen.at <= e.at) by.set(k, e);
  }
  return [...by.values()];
}

/**
 * The contract's end: the earliest of the terminations its events set (the
 * client's notice by §1, the letters' by their own rules; a later termination
 * is only ever recorded when it ends the contract earlier). An end date stored
 * without any event is kept as it is.
 */
export function contractEnd(contract: Events): ContractEnd | null {
  const ends: ContractEnd[] = [];
  if (contract.terminationNotice) {
    const rule = terminationEffectiveDateExplained(contract.terminationNotice.receivedOn);
    ends.push({ ...rule, cause: 'client_notice', noticeDate: contract.terminationNotice.receivedOn });
  }
  const letters = latestPerLetter(
    (contract.history ?? []).filter((e): e is Extract<ContractHistoryEntry, { kind: 'termination' }> => e.kind === 'termination'),
    (e) => `${e.cause}-${e.noticeDate}`,
  );
  for (const e of letters) {
    // The rule is stored in French; one of src-core's own sentences is said again by its code.
    const said = messageOfFrench(e.rule);
    ends.push({ value: e.effectiveDate, clause: e.cause === 'force_majeure' ? '§7.4' : e.cause === 'price_change_objection' ? '§5.2' : '§6.6', rule: e.rule, ...(said ? { message: said } : {}), cause: e.cause, noticeDate: e.noticeDate, ...(e.letterId ? { letterId: e.letterId } : {}) });
  }
  if (ends.length === 0 && contract.terminationEffectiveDate) {
    return { ...explainedMessage(contract.terminationEffectiveDate, '§1', message('rule.end.stored')), cause: null, noticeDate: null };
  }
  return ends.reduce<ContractEnd | null>((best, e) => (best && compareDates(best.value, e.value) <= 0 ? best : e), null);
}

/** The price versions of the received price change notices, oldest effective first. */
export function priceVersions(contract: Pick<Contract, 'history'>): PriceVersion[] {
  const entries = latestPerLetter(
    contract.history.filter((e): e is Extract<ContractHistoryEntry, { kind: 'price_change' }> => e.kind === 'price_change'),
    (e) => `${e.tier}-${e.from}`,
  );
  return entries
    .map((e) => ({
      ...explainedMessage(
        e.priceCents,
        '§5.2',
        message('rule.price.version', { tier: e.tier, price: { cents: e.priceCents }, from: { date: e.from }, receivedOn: { date: e.receivedOn }, objectionBy: { date: e.objectionDeadline } }),
      ),
      from: e.from,
      tier: e.tier,
      receivedOn: e.receivedOn,
      objectionDeadline: e.objectionDeadline,
      ...(e.letterId ? { letterId: e.letterId } : {}),
    }))
    .sort((a, b) => compareDates(a.from, b.from));
}

export function contractTerms(contract: Contract): ContractTerms {
  return {
    status: contract.status,
    startDate: contract.startDate,
    tier: contract.tier,
    priceListId: contract.priceListId,
    history: contract.history.filter((e): e is TierChange => e.kind === 'tier_change'),
    prices: priceVersions(contract),
    end: contractEnd(contract),
  };
}

export interface ContractStateAt {
  status: ContractStatus;
  end: ContractEnd | null;
  /** Why this status on that day, in French. */
  rule: string;
  /** The same, as a code and its values for the interface's language. */
  message: Message;
}

/**
 * The status on `date`: "Résilié" from the day after the end date, "Préavis en
 * cours" until it (the end date is the contract's last day), "Suspendu" or
 * "Actif" otherwise; a draft stays a draft.
 */
export function contractStateAt(terms: Pick<ContractTerms, 'status' | 'startDate' | 'end'>, date: IsoDate): ContractStateAt {
  const { end } = terms;
  const status = contractStatusOn(terms, date);
  const state = (said: Message): ContractStateAt => ({ status, end, rule: messageFr(said), message: said });
  if (end && (status === 'terminated' || status === 'notice_received')) {
    const cause = end.cause ? { message: message('rule.state.cause', { cause: { word: `code.terminationCause.${end.cause}` } }) } : '';
    const why = { message: message('rule.withClause', { rule: { rule: end.message ?? end.rule }, clause: end.clause }) };
    if (status === 'terminated') return state(message('rule.state.terminated', { since: { date: addDays(end.value, 1) }, cause, effective: { date: end.value }, why }));
    return state(message('rule.state.notice', { effective: { date: end.value }, cause, why }));
  }
  if (status === 'draft') return state(message('rule.state.draft'));
  if (status === 'suspended') return state(message('rule.state.suspended'));
  return state(message('rule.state.active', { since: { date: terms.startDate } }));
}

/** `contractStateAt`'s status alone, no sentence built: the clients list reads it for every contract of the portfolio. */
export function contractStatusOn(terms: Pick<ContractTerms, 'status' | 'startDate' | 'end'>, date: IsoDate): ContractStatus {
  if (terms.status === 'draft') return 'draft';
  if (terms.end) {
    if (compareDates(date, terms.end.value) > 0) return 'terminated';
    if (terms.status !== 'suspended') return 'notice_received';
  }
  return terms.status === 'suspended' ? 'suspended' : 'active';
}

/** Whether month M is billed: from the start month to the end date's month, both included (§1); never for a draft. */
export function isBilledIn(terms: Pick<ContractTerms, 'status' | 'startDate' | 'end'>, month: YearMonth): boolean {
  return terms.status !== 'draft' && month >= yearMonthOf(terms.startDate) && (!terms.end || month <= yearMonthOf(terms.end.value));
}

export interface PriceInForce {
  tier: TierCode;
  /** Monthly price HT of the month, with its rule. */
  price: Explained<Cents>;
  /** The price change that set it, null for the list price. */
  version: PriceVersion | null;
}

/** The tier of month M and the price version in force for it, if any (no sentence built: the forecast calls this 150,000 times). */
function tierAndVersion(terms: Pick<ContractTerms, 'tier' | 'history' | 'prices'>, month: YearMonth): { tier: TierCode; version: PriceVersion | null } {
  const tier = tierForMonth(terms, month);
  const first = `${month}-01`;
  let version: PriceVersion | null = null;
  // Validated ISO dates compare as strings: no parsing in this hot path.
  for (const v of terms.prices) if (v.tier === tier && v.from <= first) version = v;
  return { tier, version };
}

/**
 * Tier and monthly price HT in force for month M: the tier of the last tier
 * change from M or before, at the last price version effective on M's first
 * day for that tier, else the price list's (§5.1, §5.2).
 */
export function priceInForce(terms: Pick<ContractTerms, 'tier' | 'history' | 'prices' | 'priceListId'>, month: YearMonth, lists: PriceLists): PriceInForce {
  const { tier, version } = tierAndVersion(terms, month);
  if (version) return { tier, price: version, version };
  const listed = getTier(tier, terms.priceListId, lists);
  return { tier, price: explainedMessage(listed.priceCents, '§5.1', message('rule.price.list', { tier, list: terms.priceListId, price: { cents: listed.priceCents } })), version: null };
}

/** Whether the contract runs on `date`: started, not ended, not a draft. */
export function runsOn(terms: Pick<ContractTerms, 'status' | 'startDate' | 'end'>, date: IsoDate): boolean {
  return terms.status !== 'draft' && terms.startDate <= date && !(terms.end && date > terms.end.value);
}

/**
 * The monthly recurring revenue of the contract on `date`: its price in force
 * that month if it runs that day (started, not ended, not a draft), else null.
 */
export function recurringAt(terms: ContractTerms, date: IsoDate, lists: PriceLists): PriceInForce | null {
  return runsOn(terms, date) ? priceInForce(terms, yearMonthOf(date), lists) : null;
}

/** `recurringAt` as figures only (tier, cents and the price version they come from, no sentence), for portfolio-wide sums. */
export function recurringCentsAt(terms: ContractTerms, date: IsoDate, lists: PriceLists): { tier: TierCode; cents: Cents; version: PriceVersion | null } | null {
  if (!runsOn(terms, date)) return null;
  const { tier, version } = tierAndVersion(terms, date.slice(0, 7));
  return { tier, cents: version ? version.value : getTier(tier, terms.priceListId, lists).priceCents, version };
}
