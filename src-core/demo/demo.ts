import { addDays, addMonthsToYearMonth, compareDates, firstDayOfMonth, fromDayNumber, toDayNumber, yearMonthOf, type IsoDate } from '../dates';
import { message, refusalError } from '../messages';
import { terminationEffectiveDate } from '../lifecycle/termination-notice';
import { frenchVatNumberFromSiren, sirenCheckDigit } from '../model/identifiers';
import type { Client } from '../model/client';
import type { Contract, ContractHistoryEntry, ContractStatus, NoticeChannel } from '../model/contract';
import type { PriceListRecord, TierCode } from '../model/priceList';
import type { UsageDocument } from '../model/usage';
import { PRICE_LIST_2024_09_01 } from '../pricing/price-lists';
import { ACTIVITIES, BRANDS, FIRST_NAMES, FOREIGN_SUFFIXES, LEGAL_FORMS, PARTNERS, slugify, SURNAMES } from './names';
import { EU_COUNTRIES, FRENCH_CITIES, NON_EU_COUNTRIES, SECOND_LINES, STREET_NAMES, STREET_TYPES, type ForeignCountry } from './places';
import { SeededRandom } from './prng';
import { usageSeries, type LoadProfile } from './usage-series';

/**
 * A deterministic demo portfolio: the same seed and size always give the same
 * clients, contracts and usage, generated as of `today` (never the machine's
 * clock). Records are plain objects valid against src-core/model schemas.
 */
export interface DemoPortfolioOptions {
  seed: number;
  /** Number of clients, 1 to 100,000 (the demo uses 10 to 10,000). */
  clients: number;
  /** The day the portfolio is seen from; default DEMO_TODAY. */
  today?: IsoDate;
}

export interface DemoPortfolio {
  clients: Client[];
  contracts: Contract[];
  usage: UsageDocument[];
  priceLists: PriceListRecord[];
}

export const DEMO_TODAY: IsoDate = '2026-11-27';
/** First month of the offer: the price list of 1 September 2024. */
const FIRST_START: IsoDate = PRICE_LIST_2024_09_01.effectiveFrom;
/** Usage history kept on a contract. */
const USAGE_MONTHS = 36;
const DEMO_ACTOR = 'Démonstration';

type Region = 'FR' | 'EU' | 'EU_NO_VAT' | 'NON_EU';
type Fate = 'active' | 'notice' | 'terminated' | 'suspended';

/** What a client and its first contract are meant to show. */
interface Profile {
  region: Region;
  tier: TierCode;
  fate: Fate;
  load: LoadProfile;
}

/**
 * The first ten clients cover every case, so even the smallest portfolio shows
 * each tier, an overrun, a hors grille case, a notice, a termination, EU and
 * non-EU clients and an EU client without VAT number.
 */
const SHOWCASE: readonly Profile[] = [
  { region: 'FR', tier: 'T19', fate: 'active', load: 'normal' },
  { region: 'FR', tier: 'T49', fate: 'active', load: 'over' },
  { region: 'FR', tier: 'T99', fate: 'active', load: 'normal' },
  { region: 'EU', tier: 'T199', fate: 'active', load: 'normal' },
  { region: 'FR', tier: 'T499', fate: 'notice', load: 'normal' },
  { region: 'NON_EU', tier: 'T999', fate: 'terminated', load: 'normal' },
  { region: 'FR', tier: 'T99', fate: 'active', load: 'hors_grille' },
  { region: 'NON_EU', tier: 'T49', fate: 'active', load: 'over' },
  { region: 'FR', tier: 'T199', fate: 'active', load: 'normal' },
  { region: 'EU_NO_VAT', tier: 'T19', fate: 'active', load: 'normal' },
];

function randomProfile(rng: SeededRandom, index: number): Profile {
  return {
    // "One or two" EU clients without a VAT number in any portfolio (the showcase one, and one in big ones).
    region: index === 4999 ? 'EU_NO_VAT' : rng.weighted({ FR: 82, EU: 10, NON_EU: 8 }),
    tier: rng.weighted({ T19: 25, T49: 25, T99: 20, T199: 15, T499: 10, T999: 5 }),
    fate: rng.weighted({ active: 89, notice: 4, terminated: 6, suspended: 1 }),
    load: rng.weighted({ normal: 86, over: 12, hors_grille: 2 }),
  };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const instantOf = (date: IsoDate) => `${date}T08:00:00Z`;

function fillTemplate(rng: SeededRandom, template: string): string {
  return template.replace(/#/g, () => String(rng.int(0, 9)));
}

function uniqueSiren(rng: SeededRandom, taken: Set<string>): string {
  for (;;) {
    const firstEight = `${rng.int(3, 9)}${rng.digits(7)}`;
    const siren = firstEight + sirenCheckDigit(firstEight);
    if (!taken.has(siren)) {
      taken.add(siren);
      return siren;
    }
  }
}

function companyName(rng: SeededRandom, suffix: string, taken: Set<string>): string {
  const base = rng.chance(0.7) ? `${rng.pick(ACTIVITIES)} ${rng.pick(SURNAMES)}` : rng.chance(0.5) ? `${rng.pick(BRANDS)}` : `${rng.pick(SURNAMES)} & ${rng.pick(SURNAMES)}`;
  let name = `${base} ${suffix}`;
  // Homonyms exist, but a demo list where each name is unique is easier to search.
  for (let n = 2; taken.has(name); n++) name = `${base} ${n} ${suffix}`;
  taken.add(name);
  return name;
}

function frenchPhone(rng: SeededRandom): string {
  const first = rng.chance(0.3) ? rng.pick(['6', '7']) : String(rng.int(1, 5));
  return `0${first} ${rng.digits(2)} ${rng.digits(2)} ${rng.digits(2)} ${rng.digits(2)}`;
}

function makeClient(rng: SeededRandom, index: number, profile: Profile, startDate: IsoDate, taken: { sirens: Set<string>; names: Set<string> }): Client {
  const id = `demo-client-${pad(index + 1, 5)}`;
  const foreign: ForeignCountry | undefined =
    profile.region === 'FR' ? undefined : rng.pick(profile.region === 'NON_EU' ? NON_EU_COUNTRIES : EU_COUNTRIES);
  const country = foreign?.country ?? 'FR';
  const legalName = companyName(rng, foreign ? FOREIGN_SUFFIXES[country]! : rng.pick(LEGAL_FORMS), taken.names);
  const firstName = rng.pick(FIRST_NAMES);
  const lastName = rng.pick(SURNAMES);
  const domain = `${slugify(legalName).split('-').slice(0, 2).join('-')}.${foreign ? country.toLowerCase() : 'fr'}`;
  const place = rng.pick(foreign?.cities ?? FRENCH_CITIES);
  const street = foreign ? `${rng.int(1, 120)} ${rng.pick(foreign.streets)}` : `${rng.int(1, 150)} ${rng.pick(STREET_TYPES)} ${rng.pick(STREET_NAMES)}`;
  const partner = rng.chance(0.15) ? rng.pick(PARTNERS) : undefined;
  const siren = foreign ? undefined : uniqueSiren(rng, taken.sirens);
  const vatNumber = siren ? (rng.chance(0.97) ? frenchVatNumberFromSiren(siren) : undefined) : foreign?.vatTemplate && profile.region !== 'EU_NO_VAT' ? fillTemplate(rng, foreign.vatTemplate) : undefined;
  const createdAt = instantOf(startDate);
  return {
    id,
    createdAt,
    updatedAt: createdAt,
    version: 0,
    legalName,
    ...(siren ? { siren } : {}),
    ...(vatNumber ? { vatNumber } : {}),
    country,
    billingAddress: { lines: rng.chance(0.15) ? [street, rng.pick(SECOND_LINES)] : [street], postalCode: place.postalCode, city: place.city },
    contact: {
      name: `${firstName} ${lastName}`,
      email: `${slugify(firstName)}.${slugify(lastName)}@${domain}`,
      phone: foreign ? `${foreign.phonePrefix} ${rng.digits(3)} ${rng.digits(4)}` : frenchPhone(rng),
    },
    ...(partner ? { partner: { name: partner.name, contactName: `${rng.pick(FIRST_NAMES)} ${rng.pick(SURNAMES)}`, email: `contact@${partner.domain}`, phone: frenchPhone(rng) } } : {}),
    hostingMode: rng.chance(0.8) ? 'cloud' : 'self_hosted',
  };
}

/** A start date between `earliest` and `latest`; most contracts start on the 1st. */
function randomStart(rng: SeededRandom, earliest: IsoDate, latest: IsoDate): IsoDate {
  const day = fromDayNumber(rng.int(toDayNumber(earliest), toDayNumber(latest)));
  if (!rng.chance(0.7)) return day;
  const first = firstDayOfMonth(day);
  return compareDates(first, earliest) >= 0 ? first : day;
}

/** Where a termination notice may fall so that its effective date is before today (terminated) or not (notice). */
function noticeWindow(fate: 'notice' | 'terminated', startDate: IsoDate, today: IsoDate): [IsoDate, IsoDate] | null {
  // Effective = last day of the month after receipt: from the 1st of last month on, it is not yet reached.
  const lastMonthFirst = `${addMonthsToYearMonth(yearMonthOf(today), -1)}-01`;
  const from = fate === 'notice' ? (compareDates(startDate, lastMonthFirst) > 0 ? startDate : lastMonthFirst) : startDate;
  const to = fate === 'notice' ? today : addDays(lastMonthFirst, -1);
  return compareDates(from, to) <= 0 ? [from, to] : null;
}

interface Termination {
  status: ContractStatus;
  notice?: { receivedOn: IsoDate; channel: NoticeChannel };
  effectiveDate?: IsoDate;
  history: ContractHistoryEntry[];
}

function termination(rng: SeededRandom, fate: Fate, startDate: IsoDate, today: IsoDate): Termination {
  if (fate === 'suspended') {
    const on = fromDayNumber(rng.int(toDayNumber(startDate), toDayNumber(today)));
    return { status: 'suspended', history: [{ kind: 'status_change', at: instantOf(on), actor: DEMO_ACTOR, from: 'active', to: 'suspended', reason: 'Impayé' }] };
  }
  const window = fate === 'active' ? null : noticeWindow(fate, startDate, today);
  if (!window) return { status: 'active', history: [] };
  const receivedOn = fromDayNumber(rng.int(toDayNumber(window[0]), toDayNumber(window[1])));
  const channel: NoticeChannel = rng.chance(0.6) ? 'registered_letter' : 'email';
  const effectiveDate = terminationEffectiveDate(receivedOn);
  const history: ContractHistoryEntry[] = [{ kind: 'termination_notice', at: instantOf(receivedOn), actor: DEMO_ACTOR, receivedOn, channel, effectiveDate }];
  const ended = compareDates(effectiveDate, today) < 0;
  if (ended) history.push({ kind: 'status_change', at: instantOf(addDays(effectiveDate, 1)), actor: DEMO_ACTOR, from: 'notice_received', to: 'terminated' });
  return { status: ended ? 'terminated' : 'notice_received', notice: { receivedOn, channel }, effectiveDate, history };
}

/** Months with usage: since the start (at most USAGE_MONTHS back), up to today or the termination. */
function usageMonths(startDate: IsoDate, today: IsoDate, effectiveDate?: IsoDate): string[] {
  // Month arithmetic on integers (year × 12 + month): this runs for every month of every contract.
  const index = (date: IsoDate) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
  const last = index(effectiveDate && compareDates(effectiveDate, today) < 0 ? effectiveDate : today);
  const first = Math.max(index(startDate), index(today) + 1 - USAGE_MONTHS);
  const months: string[] = [];
  for (let i = first; i <= last; i++) months.push(`${Math.floor(i / 12)}-${pad((i % 12) + 1, 2)}`);
  return months;
}

function checkOptions({ seed, clients, today }: Required<DemoPortfolioOptions>): void {
  if (!Number.isInteger(clients) || clients < 1 || clients > 100_000) {
    throw refusalError('INVALID_NUMBER', message('refusal.demo.size', { clients: String(clients) }));
  }
  if (!Number.isFinite(seed)) throw refusalError('INVALID_NUMBER', message('refusal.demo.seed', { seed: String(seed) }));
  if (compareDates(today, FIRST_START) < 0) {
    throw refusalError('INVALID_DATE', message('refusal.demo.date', { today: { date: today }, first: { date: FIRST_START } }));
  }
}

export function generateDemoPortfolio(options: DemoPortfolioOptions): DemoPortfolio {
  const portfolio: DemoPortfolio = { clients: [], contracts: [], usage: [], priceLists: [demoPriceListRecord()] };
  for (const part of demoPortfolioParts(options, options.clients)) {
    portfolio.clients.push(...part.clients);
    portfolio.contracts.push(...part.contracts);
    portfolio.usage.push(...part.usage);
  }
  return portfolio;
}

/** Clients with their contracts and usage: a part of the demo portfolio (its price list apart). */
export type DemoPortfolioPart = Omit<DemoPortfolio, 'priceLists'>;

/**
 * The demo portfolio's clients, contracts and usage, `clientsPerPart` clients
 * at a time: the same records as `generateDemoPortfolio`, in the same order,
 * so that a loader stores one part while it makes the next. Options are
 * checked at once, not at the first part.
 */
export function demoPortfolioParts(options: DemoPortfolioOptions, clientsPerPart: number): Generator<DemoPortfolioPart> {
  const opts = { today: DEMO_TODAY, ...options };
  checkOptions(opts);
  return parts(opts, Math.max(1, clientsPerPart));
}

function* parts(opts: Required<DemoPortfolioOptions>, clientsPerPart: number): Generator<DemoPortfolioPart> {
  const { today } = opts;
  const rng = new SeededRandom(opts.seed);
  const taken = { sirens: new Set<string>(), names: new Set<string>() };
  // A showcase termination needs a contract started before last month.
  const beforeLastMonth = addDays(`${addMonthsToYearMonth(yearMonthOf(today), -1)}-01`, -1);

  const terminatedLatest = compareDates(beforeLastMonth, FIRST_START) >= 0 ? beforeLastMonth : today;
  let part: DemoPortfolioPart = { clients: [], contracts: [], usage: [] };
  let contracts = 0;
  for (let i = 0; i < opts.clients; i++) {
    const profile = SHOWCASE[i] ?? randomProfile(rng, i);
    const startDate = randomStart(rng, FIRST_START, profile.fate === 'terminated' ? terminatedLatest : today);
    const client = makeClient(rng, i, profile, startDate, taken);
    part.clients.push(client);
    // One client in ten has a second contract, signed later on another tier.
    const extra = rng.chance(0.1) ? [{ ...randomProfile(rng, -1), startDate: randomStart(rng, startDate, today) }] : [];
    for (const { startDate: start, ...contractProfile } of [{ ...profile, startDate }, ...extra]) {
      addContract(rng, part, ++contracts, client, contractProfile, start, today);
    }
    if (part.clients.length === clientsPerPart) {
      yield part;
      part = { clients: [], contracts: [], usage: [] };
    }
  }
  if (part.clients.length > 0) yield part;
}

function addContract(rng: SeededRandom, portfolio: DemoPortfolioPart, seq: number, client: Client, profile: Profile, startDate: IsoDate, today: IsoDate): void {
  const id = `demo-contract-${pad(seq, 5)}`;
  const end = termination(rng, profile.fate, startDate, today);
  const createdAt = instantOf(startDate);
  portfolio.contracts.push({
    id,
    createdAt,
    updatedAt: end.history.length ? end.history[end.history.length - 1]!.at : createdAt,
    version: 0,
    clientId: client.id,
    reference: `CT-${startDate.slice(0, 4)}-${pad(seq, 5)}`,
    tier: profile.tier,
    priceListId: PRICE_LIST_2024_09_01.id,
    startDate,
    status: end.status,
    ...(end.notice ? { terminationNotice: end.notice } : {}),
    ...(end.effectiveDate ? { terminationEffectiveDate: end.effectiveDate } : {}),
    history: end.history,
  });
  const tier = PRICE_LIST_2024_09_01.tiers.find((t) => t.id === profile.tier)!;
  portfolio.usage.push({
    id,
    createdAt,
    updatedAt: instantOf(today),
    version: 0,
    contractId: id,
    clientId: client.id,
    months: usageSeries(rng, usageMonths(startDate, today, end.effectiveDate), tier.limits, profile.load),
  });
}

/** The built-in price list of src-core/pricing as a stored record. */
/**
 * The lists in force for a store holding `stored`: those, or the built-in
 * list while the store holds none (a laptop before its first sync, a server
 * never seeded). Read, never written: a seed record written on each laptop
 * would differ from the server's (no list, or another version) and the
 * reconciliation would never see both sides the same.
 */
export function listsOrBuiltIn(stored: readonly PriceListRecord[]): readonly PriceListRecord[] {
  return stored.length > 0 ? stored : [demoPriceListRecord()];
}

export function demoPriceListRecord(): PriceListRecord {
  const at = instantOf(PRICE_LIST_2024_09_01.effectiveFrom);
  return {
    ...PRICE_LIST_2024_09_01,
    tiers: PRICE_LIST_2024_09_01.tiers.map((t) => ({ ...t, id: t.id as TierCode, limits: { ...t.limits } })),
    label: 'Grille tarifaire du 1er septembre 2024 (CGV v2)',
    createdAt: at,
    updatedAt: at,
    version: 0,
  };
}
