import { addMonthsToYearMonth, formatDateFr, yearMonthOf, type IsoDate, type YearMonth } from '../dates';
import { explained, explainedMessage, type Explained } from '../explain';
import { message, type MessageCode, type MessageParam } from '../messages';
import { formatEuros, type Cents } from '../money';
import type { PriceLists } from '../pricing/price-lists';
import { recurringCentsAt, type ContractTerms, type PriceVersion } from './contract-state';

/**
 * A price change notice sent whose acknowledgement of receipt is not known
 * yet: DOMAIN.md presumes it received on the sending date + N days (setting),
 * so the forecast takes its new price from the date that presumed receipt
 * gives, saying so; once the real receipt is recorded, the contract carries
 * the price itself and this version is no longer presumed.
 */
export interface PresumedPriceVersion extends PriceVersion {
  sentOn: IsoDate;
}

/** The price version of a notice sent on `sentOn` with a presumed receipt, explained as such (§5.2). */
export function presumedPriceVersion(version: Omit<PriceVersion, 'value' | 'clause' | 'rule'> & { priceCents: Cents }, sentOn: IsoDate): PresumedPriceVersion {
  const { priceCents, ...rest } = version;
  return {
    ...rest,
    sentOn,
    ...explained(
      priceCents,
      '§5.2',
      `Nouveau prix de la formule ${version.tier} : ${formatEuros(priceCents)} HT à compter du ${formatDateFr(version.from)}, avis de modification envoyé le ${formatDateFr(sentOn)}, réception présumée le ${formatDateFr(version.receivedOn)} (envoi + délai de réception présumée, tant que l’avis de réception n’est pas connu), sans opposition au plus tard le ${formatDateFr(version.objectionDeadline)} (§5.2).`,
    ),
  };
}

export interface ForecastOptions {
  /** Notices sent without a known receipt, by contract id: their prices count from the presumed dates. */
  presumedPrices?: ReadonlyMap<string, readonly PresumedPriceVersion[]>;
}

/** The terms with the presumed versions among their prices, oldest effective first (a version the contract already carries is not added twice). */
function withPresumed(terms: ContractTerms, presumed: readonly PresumedPriceVersion[] | undefined): ContractTerms {
  if (!presumed || presumed.length === 0) return terms;
  const carried = new Set(terms.prices.flatMap((p) => (p.letterId ? [p.letterId] : [])));
  const added = presumed.filter((p) => !p.letterId || !carried.has(p.letterId));
  if (added.length === 0) return terms;
  return { ...terms, prices: [...terms.prices, ...added].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0)) };
}

/**
 * The monthly recurring revenue (MRR) month by month (DOMAIN.md, The
 * contract's life acts on everything else): the current month as of today,
 * then each following month as of its first day, every contract at its price
 * in force then. Each month says what moved it since the previous one:
 * terminations taking effect, contracts starting, price changes, tier changes.
 */
export interface ForecastMove {
  count: number;
  /** Change of the MRR they bring, HT (negative for terminations). */
  cents: Cents;
}

export interface ForecastMonth {
  month: YearMonth;
  /** The day the contracts are counted on: today for the current month, the 1st for the next ones. */
  asOf: IsoDate;
  mrr: Explained<Cents>;
  contracts: number;
  ended: ForecastMove;
  started: ForecastMove;
  repriced: ForecastMove;
  /** Of `repriced`, the contracts whose new price comes from a notice with a presumed receipt. */
  presumed: number;
  retiered: ForecastMove;
}

function explain(month: YearMonth, asOf: IsoDate, mrr: Cents, contracts: number, moves: Omit<ForecastMonth, 'month' | 'asOf' | 'mrr' | 'contracts'>, first: boolean): Explained<Cents> {
  const move = (code: MessageCode, { count, cents }: ForecastMove, extra?: Record<string, MessageParam>) => (count ? [message(code, { count, cents: { signedCents: cents }, ...extra })] : []);
  const parts = [
    ...move('rule.mrr.ended', moves.ended),
    ...move('rule.mrr.started', moves.started),
    ...(moves.presumed ? move('rule.mrr.repricedPresumed', moves.repriced, { presumed: moves.presumed }) : move('rule.mrr.repriced', moves.repriced)),
    ...move('rule.mrr.retiered', moves.retiered),
  ];
  const since = first ? '' : { message: parts.length ? message('rule.mrr.since', { moves: { list: parts } }) : message('rule.mrr.noChange') };
  return explainedMessage(mrr, '§1', message('rule.mrr.month', { month: { month }, mrr: { cents: mrr }, contracts, asOf: { date: asOf }, since }));
}

/** The current month as of `today`, then the `months` following ones. */
export function mrrForecast(contracts: readonly (ContractTerms & { id?: string })[], lists: PriceLists, today: IsoDate, months = 12, options: ForecastOptions = {}): ForecastMonth[] {
  const current = yearMonthOf(today); // validates today once
  const presumed = options.presumedPrices;
  const terms = presumed && presumed.size > 0 ? contracts.map((c) => (c.id ? withPresumed(c, presumed.get(c.id)) : c)) : contracts;

  const out: ForecastMonth[] = [];
  let previous: ReturnType<typeof recurringCentsAt>[] | null = null;
  for (let i = 0; i <= months; i++) {
    const month = addMonthsToYearMonth(current, i);
    const asOf = i === 0 ? today : `${month}-01`;
    const now = terms.map((c) => recurringCentsAt(c, asOf, lists));
    const moves = { ended: { count: 0, cents: 0 }, started: { count: 0, cents: 0 }, repriced: { count: 0, cents: 0 }, presumed: 0, retiered: { count: 0, cents: 0 } };
    let mrr = 0;
    let running = 0;
    now.forEach((p, k) => {
      if (p) {
        mrr += p.cents;
        running++;
      }
      const before = previous?.[k];
      if (previous === null) return;
      const move = !before && p ? moves.started : before && !p ? moves.ended : before && p && before.tier !== p.tier ? moves.retiered : before && p && before.cents !== p.cents ? moves.repriced : null;
      if (!move) return;
      move.count++;
      move.cents += (p?.cents ?? 0) - (before?.cents ?? 0);
      if (move === moves.repriced && p?.version && 'sentOn' in p.version) moves.presumed++;
    });
    out.push({ month, asOf, mrr: explain(month, asOf, mrr, running, moves, i === 0), contracts: running, ...moves });
    previous = now;
  }
  return out;
}
