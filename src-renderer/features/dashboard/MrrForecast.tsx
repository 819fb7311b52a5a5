import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { mrrForecast, type ForecastMonth, type IsoDate, type PriceLists } from '../../../src-core';
import { usePlotWidth } from '../../components/usePlotWidth';
import { hasPriceList, usePresumedPriceChanges, type ClientSummary } from '../../data';
import { useT, useFormat, useSay } from '../../i18n';

const CHART_HEIGHT = 220;

/**
 * The MRR of the current month and of the next twelve (src-core
 * `mrrForecast`: terminations, price changes — received, or sent with a
 * presumed receipt — and tier changes taken at their dates), as a bar chart and a table in which each month says what moved it.
 */
export function MrrForecast({ summaries, lists, today }: { summaries: readonly ClientSummary[]; lists: PriceLists; today: IsoDate }) {
  const say = useSay();
  const fmt = useFormat();
  const t = useT();
  // Notices sent without a known receipt count from their presumed receipt (§5.2), said in the months they move.
  const presumedPrices = usePresumedPriceChanges();
  const months = useMemo(() => mrrForecast(summaries.flatMap((s) => s.contracts.filter((c) => hasPriceList(c, lists))), lists, today, 12, presumedPrices ? { presumedPrices } : {}), [summaries, lists, today, presumedPrices]);
  const [setBox, width] = usePlotWidth();
  const data = months.map((m) => ({ label: fmt.shortMonth(m.month), euros: m.mrr.value / 100, month: m }));
  return (
    <section className="card" aria-labelledby="forecast-title">
      <h2 id="forecast-title">{t('life.forecast.title')}</h2>
      <p className="muted">{t('life.forecast.note')}</p>
      <div ref={setBox} style={{ minHeight: CHART_HEIGHT }} data-testid="mrr-forecast-chart">
        {width > 0 ? (
          <BarChart width={width} height={CHART_HEIGHT} data={data} margin={{ top: 10, right: 12, bottom: 0, left: 8 }}>
            <CartesianGrid vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 11 }} />
            <YAxis width={70} tick={{ fontSize: 11 }} tickFormatter={(v: number) => fmt.money(Math.round(v * 100)).replace(/[.,]00(?!\d)/, '')} />
            <Tooltip formatter={(v) => [fmt.money(Math.round(Number(v) * 100)), t('dashboard.mrr')]} labelFormatter={(_, p) => fmt.month((p?.[0]?.payload as { month: ForecastMonth } | undefined)?.month.month ?? '')} />
            <Bar dataKey="euros" isAnimationActive={false} fill="var(--accent, #2563eb)" />
          </BarChart>
        ) : null}
      </div>
      <table className="data" data-testid="mrr-forecast">
        <caption className="visually-hidden">{t('life.forecast.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('life.forecast.month')}</th>
            <th scope="col" className="num">{t('dashboard.mrr')}</th>
            <th scope="col">{t('life.forecast.why')}</th>
          </tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr key={m.month}>
              <th scope="row">{fmt.month(m.month)}</th>
              <td className="num">{fmt.money(m.mrr.value)}</td>
              <td className="explained-rule">{say(m.mrr)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
