import { CONTRACT_STATUSES, type ContractStatus, type HostingMode, type IsoDate, type PriceLists, type TierCode, type YearMonth } from '../../../src-core';
import { byLegalName, frenchCollator as collator, overInMonth, searchable, STATUS_WEIGHT, statusesAt, tiersAt, unpricedAt, type ClientSummary } from '../../data';

/**
 * One line of the clients list: a read-model summary seen on today's date
 * (statuses and tiers of the contracts running that day) and in the
 * portfolio's last measured month (its over-limit flag). Typing in the search box only runs `includes`
 * on the summary's stored lowercase key (10,000 clients: well under a frame).
 */
export interface ClientRow {
  id: string;
  legalName: string;
  siren: string;
  city: string;
  contactName: string;
  /** Tiers in force of the contracts running today, cheapest first. */
  tiers: TierCode[];
  /** The status that matters most: a running contract's over a terminated one's. */
  status: ContractStatus | null;
  statuses: ContractStatus[];
  hostingMode: HostingMode;
  partner: string | null;
  over: boolean;
  searchKey: string;
  archived: boolean;
  /** The price list of each contract running today whose list is not on this laptop yet (its tier is listed, its overruns not judged). */
  unpriced: string[];
}

const TIER_ORDER: Record<TierCode, number> = { T19: 0, T49: 1, T99: 2, T199: 3, T499: 4, T999: 5 };

export function buildClientRows(summaries: readonly ClientSummary[], today: IsoDate, overMonth: YearMonth | null, lists: PriceLists): ClientRow[] {
  return summaries.map((s) => {
    const statuses = statusesAt(s, today);
    const unpriced = unpricedAt(s, today, lists);
    return {
      id: s.id,
      legalName: s.legalName,
      siren: s.siren,
      city: s.city,
      contactName: s.contactName,
      tiers: [...new Set(tiersAt(s, today))].sort((a, b) => TIER_ORDER[a] - TIER_ORDER[b]),
      status: statuses[0] ?? null,
      statuses,
      hostingMode: s.hostingMode,
      partner: s.partner,
      over: overMonth !== null && overInMonth(s, overMonth).length > 0,
      searchKey: s.searchKey,
      archived: s.archived === true,
      unpriced: unpriced.map((u) => u.contract.priceListId),
    };
  });
}

/** The filters of the list, as carried by the URL query (`#/clients?tier=T99&over=1`). */
export interface ClientFilters {
  tier: TierCode | '';
  status: ContractStatus | '';
  mode: HostingMode | '';
  /** A partner's name, NO_PARTNER for clients without one, "" for all. */
  partner: string;
  over: boolean;
  /** Archived clients are listed only when asked for, and then only them. */
  archived: boolean;
}

export const NO_PARTNER = 'aucun';

export function filtersFromQuery(query: URLSearchParams): ClientFilters {
  const tier = query.get('tier') ?? '';
  const status = query.get('status') ?? '';
  const mode = query.get('mode') ?? '';
  return {
    tier: tier in TIER_ORDER ? (tier as TierCode) : '',
    status: (CONTRACT_STATUSES as readonly string[]).includes(status) ? (status as ContractStatus) : '',
    mode: mode === 'cloud' || mode === 'self_hosted' ? mode : '',
    partner: query.get('partner') ?? '',
    over: query.get('over') === '1',
    archived: query.get('archives') === '1',
  };
}

export function filtersToQuery(filters: ClientFilters): Record<string, string | undefined> {
  return { tier: filters.tier, status: filters.status, mode: filters.mode, partner: filters.partner, over: filters.over ? '1' : undefined, archives: filters.archived ? '1' : undefined };
}

/** Search terms: every word must appear; a SIREN typed with spaces ("732 829 320") is one word. */
function terms(search: string): string[] {
  const text = searchable(search.trim()).replace(/(\d)\s+(?=\d)/g, '$1');
  return text ? text.split(/\s+/) : [];
}

export function filterRows(rows: readonly ClientRow[], filters: ClientFilters, search: string): ClientRow[] {
  return filterByWords(rows, filters, terms(search));
}

/** Whether the list's filters are those it opens with (nothing chosen, archived clients hidden). */
export function noFilters(filters: ClientFilters): boolean {
  return !filters.tier && !filters.status && !filters.mode && !filters.partner && !filters.over && !filters.archived;
}

/**
 * `filterRows` remembering its last answer: a letter typed after the others
 * only narrows the list, so the search then runs over the rows the last one
 * kept (a few hundred) instead of the whole portfolio. Narrowing holds when
 * the rows and filters are the same and each word searched before is inside
 * a word searched now: a row holding the new words holds the old ones.
 */
export function narrowingFilter(): (rows: readonly ClientRow[], filters: ClientFilters, search: string) => ClientRow[] {
  let last: { rows: readonly ClientRow[]; filters: string; words: string[]; kept: ClientRow[] } | undefined;
  return (rows, filters, search) => {
    const words = terms(search);
    const key = JSON.stringify(filters);
    const narrows = last !== undefined && last.rows === rows && last.filters === key && last.words.every((old) => words.some((word) => word.includes(old)));
    const kept = filterByWords(narrows ? last!.kept : rows, filters, words);
    last = { rows, filters: key, words, kept };
    return kept;
  };
}

function filterByWords(rows: readonly ClientRow[], filters: ClientFilters, words: readonly string[]): ClientRow[] {
  return rows.filter(
    (r) =>
      (!filters.tier || r.tiers.includes(filters.tier)) &&
      (!filters.status || r.statuses.includes(filters.status)) &&
      (!filters.mode || r.hostingMode === filters.mode) &&
      (!filters.partner || (filters.partner === NO_PARTNER ? r.partner === null : r.partner === filters.partner)) &&
      (!filters.over || r.over) &&
      r.archived === filters.archived &&
      words.every((w) => r.searchKey.includes(w)),
  );
}

export type ClientSortColumn = 'legalName' | 'siren' | 'city' | 'contactName' | 'tiers' | 'status' | 'hostingMode' | 'partner' | 'over';

const SORT_KEYS: Record<ClientSortColumn, (a: ClientRow, b: ClientRow) => number> = {
  legalName: byLegalName,
  siren: (a, b) => a.siren.localeCompare(b.siren),
  city: (a, b) => collator.compare(a.city, b.city),
  contactName: (a, b) => collator.compare(a.contactName, b.contactName),
  tiers: (a, b) => (TIER_ORDER[a.tiers[0]!] ?? -1) - (TIER_ORDER[b.tiers[0]!] ?? -1),
  status: (a, b) => (a.status ? STATUS_WEIGHT[a.status] : 9) - (b.status ? STATUS_WEIGHT[b.status] : 9),
  hostingMode: (a, b) => a.hostingMode.localeCompare(b.hostingMode),
  partner: (a, b) => collator.compare(a.partner ?? '', b.partner ?? ''),
  over: (a, b) => Number(b.over) - Number(a.over),
};

/** Sorted copy; ties keep the legal-name order so the list never jumps. */
export function sortRows(rows: readonly ClientRow[], column: ClientSortColumn, direction: 'asc' | 'desc'): ClientRow[] {
  const compare = SORT_KEYS[column];
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => sign * compare(a, b) || SORT_KEYS.legalName(a, b));
}

/** Partner names present in the portfolio, for the filter's choices. */
export function partnersOf(rows: readonly ClientRow[]): string[] {
  return [...new Set(rows.map((r) => r.partner).filter((p): p is string => p !== null))].sort(collator.compare);
}
