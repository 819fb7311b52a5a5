import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { formatEuros, formatMonthFr, mrrForecast, type ForecastMonth, type IsoDate, type PriceLists } from '../../../src-core';
import { usePlotWidth } from '../../components/usePlotWidth';
import { usePresumedPriceChanges, type ClientSummary } from '../../data';
import { useT } from '../../i18n';

const CHART_HEIGHT = 220;

/** "déc. 26" */
const shortMonth = (month: string) => {
  const [name = '', year = ''] = formatMonthFr(month).split(' ');
  return `${name.length > 4 ? `${name.slice(0, 4)}.` : name} ${year.slice(2)}`;
};

/**
 * The MRR of the current month and of the next twelve (src-core
 * `mrrForecast`: terminations, price changes — received, or sent with a
 * presumed receipt — and tier changes taken at their dates), as a bar chart and a table in which each month says what moved it.
 */
export function MrrForecast({ summaries, lists, today }: { summaries: readonly ClientSummary[]; lists: PriceLists; today: IsoDate }) {
  const t = useT();
  // Notices sent without a known receipt count from their presumed receipt (§5.2), said in the months they move.
  const presumedPrices = usePresumedPriceChanges();
  const months = useMemo(() => mrrForecast(summaries.flatMap((s) => s.contracts), lists, today, 12, presumedPrices ? { presumedPrices } : {}), [summaries, lists, today, presumedPrices]);
  const [setBox, width] = usePlotWidth();
  const data = months.map((m) => ({ label: shortMonth(m.month), euros: m.mrr.value / 100, month: m }));
  return (
    <section className="card" aria-labelledby="forecast-title">
      <h2 id="forecast-title">{t('life.forecast.title')}</h2>
      <p className="muted">{t('life.forecast.note')}</p>
      <div ref={setBox} style={{ minHeight: CHART_HEIGHT }} data-testid="mrr-forecast-chart">
        {width > 0 ? (
          <BarChart width={width} height={CHART_HEIGHT} data={data} margin={{ top: 10, right: 12, bottom: 0, left: 8 }}>
            <CartesianGrid vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 11 }} />
            <YAxis width={70} tick={{ fontSize: 11 }} tickFormatter={(v: number) => formatEuros(Math.round(v * 100)).replace(/,00/, '')} />
            <Tooltip formatter={(v) => [formatEuros(Math.round(Number(v) * 100)), t('dashboard.mrr')]} labelFormatter={(_, p) => formatMonthFr((p?.[0]?.payload as { month: ForecastMonth } | undefined)?.month.month ?? '')} />
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
              <th scope="row">{formatMonthFr(m.month)}</th>
              <td className="num">{formatEuros(m.mrr.value)}</td>
              <td className="explained-rule">{m.mrr.rule}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
