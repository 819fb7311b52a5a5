import { addMonthsToYearMonth, formatDateFr, formatMonthFr, yearMonthOf, type IsoDate, type YearMonth } from '../dates';
import { explained, type Explained } from '../explain';
import { formatEuros, type Cents } from '../money';
import { countFr } from '../words';
import { recurringCentsAt, type ContractTerms } from './contract-state';

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
  retiered: ForecastMove;
}

const signed = (cents: Cents) => `${cents > 0 ? '+' : cents < 0 ? '−' : ''}${formatEuros(Math.abs(cents))}`;

function explain(month: YearMonth, asOf: IsoDate, mrr: Cents, contracts: number, moves: Omit<ForecastMonth, 'month' | 'asOf' | 'mrr' | 'contracts'>, first: boolean): Explained<Cents> {
  const parts = [
    moves.ended.count ? `${countFr(moves.ended.count, 'résiliation effective', 'résiliations effectives')} (${signed(moves.ended.cents)})` : '',
    moves.started.count ? `${countFr(moves.started.count, 'contrat commencé', 'contrats commencés')} (${signed(moves.started.cents)})` : '',
    moves.repriced.count ? `${countFr(moves.repriced.count, 'nouveau prix', 'nouveaux prix')} (${signed(moves.repriced.cents)})` : '',
    moves.retiered.count ? `${countFr(moves.retiered.count, 'changement de formule', 'changements de formule')} (${signed(moves.retiered.cents)})` : '',
  ].filter(Boolean);
  const since = first ? '' : parts.length ? ` Depuis le mois précédent : ${parts.join(', ')}.` : ' Aucun changement depuis le mois précédent.';
  return explained(
    mrr,
    '§1',
    `${formatMonthFr(month)} : ${formatEuros(mrr)} HT, somme des prix en vigueur des ${countFr(contracts, 'contrat en cours', 'contrats en cours')} au ${formatDateFr(asOf)} (un contrat résilié n'est plus compté après sa date d'effet, §1, §5.2).${since}`,
  );
}

/** The current month as of `today`, then the `months` following ones. */
export function mrrForecast(contracts: readonly ContractTerms[], today: IsoDate, months = 12): ForecastMonth[] {
  const current = yearMonthOf(today); // validates today once

  const out: ForecastMonth[] = [];
  let previous: ReturnType<typeof recurringCentsAt>[] | null = null;
  for (let i = 0; i <= months; i++) {
    const month = addMonthsToYearMonth(current, i);
    const asOf = i === 0 ? today : `${month}-01`;
    const now = contracts.map((c) => recurringCentsAt(c, asOf));
    const moves = { ended: { count: 0, cents: 0 }, started: { count: 0, cents: 0 }, repriced: { count: 0, cents: 0 }, retiered: { count: 0, cents: 0 } };
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
    });
    out.push({ month, asOf, mrr: explain(month, asOf, mrr, running, moves, i === 0), contracts: running, ...moves });
    previous = now;
  }
  return out;
}
