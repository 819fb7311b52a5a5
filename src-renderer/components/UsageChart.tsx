import { usePlotWidth } from './usePlotWidth';
import { Bar, CartesianGrid, ComposedChart, Line, Rectangle, Tooltip, XAxis, YAxis, type BarShapeProps } from 'recharts';

const CHART_HEIGHT = 220;

/** One month of one metric, with the limit of the tier billed that month (it steps when the tier changes). */
export interface UsagePoint {
  /** Month as people read it ("octobre 2026"): tooltip and the list of months over. */
  month: string;
  /** Short axis label, e.g. "oct. 26". */
  label: string;
  value: number;
  limit: number;
  over: boolean;
}

interface UsageChartProps {
  /** Names the metric with its unit ("Stockage (Go)"). */
  title: string;
  points: readonly UsagePoint[];
  /** Localised words for the tooltip and the legend. */
  words: { usage: string; limit: string; over: string };
  formatValue: (value: number) => string;
  /** The metric's unit ("h", "Go"), after each value in the tooltip. */
  unit: string;
}

/**
 * Usage of one metric per month as bars, the tier's limit as a stepped line.
 * Over-limit bars are drawn in the danger colour and, because colour alone is
 * not enough (WCAG 1.4.1), carry a marker above them and are listed in text.
 */
export function UsageChart({ title, points, words, formatValue, unit }: UsageChartProps) {
  const overMonths = points.filter((p) => p.over);
  const [plotRef, plotWidth] = usePlotWidth();
  return (
    <figure className="usage-chart" aria-label={title}>
      <figcaption className="usage-chart-title">{title}</figcaption>
      <div className="usage-chart-plot" data-testid="usage-chart-plot" ref={plotRef} style={{ minHeight: CHART_HEIGHT }}>
        {plotWidth > 0 ? (
          <ComposedChart width={plotWidth} height={CHART_HEIGHT} data={points} margin={{ top: 14, right: 12, bottom: 0, left: 0 }}>
            <CartesianGrid className="usage-chart-grid" vertical={false} />
            <XAxis dataKey="label" interval="preserveStartEnd" tick={{ fontSize: 11 }} minTickGap={8} />
            <YAxis width={44} tick={{ fontSize: 11 }} tickFormatter={formatValue} />
            <Tooltip
              // Never wider than the plot, wrapped rather than cut: recharts then keeps it inside the chart.
              wrapperStyle={{ maxWidth: plotWidth, zIndex: 1 }}
              contentStyle={{ whiteSpace: 'normal' }}
              formatter={(value, name) => [`${formatValue(Number(value))}\u00a0${unit}`, name === 'limit' ? words.limit : words.usage]}
              labelFormatter={(_, payload) => {
                const point = payload?.[0]?.payload as UsagePoint | undefined;
                return point ? `${point.month}${point.over ? ` — ${words.over}` : ''}` : '';
              }}
            />
            <Bar dataKey="value" name="value" isAnimationActive={false} shape={OverAwareBar} />
            <Line dataKey="limit" name="limit" type="stepAfter" className="limit-line" dot={false} isAnimationActive={false} strokeWidth={2} />
          </ComposedChart>
        ) : null}
      </div>
      <p className="usage-chart-legend">
        <span className="legend-item"><span className="legend-swatch usage" aria-hidden="true" /> {words.usage}</span>
        <span className="legend-item"><span className="legend-swatch limit" aria-hidden="true" /> {words.limit}</span>
        <span className="legend-item"><span className="legend-swatch over" aria-hidden="true" /> {words.over}</span>
      </p>
      {overMonths.length > 0 ? (
        <p className="usage-chart-over" data-testid="over-months">
          {words.over} : {overMonths.map((p) => p.month).join(', ')}
        </p>
      ) : null}
    </figure>
  );
}

function OverAwareBar(props: BarShapeProps) {
  const over = (props.payload as UsagePoint | undefined)?.over === true;
  return (
    <g className={over ? 'usage-bar over' : 'usage-bar'} data-over={over ? 'true' : undefined}>
      <Rectangle x={props.x} y={props.y} width={props.width} height={props.height} />
      {over ? <circle className="over-marker" cx={props.x + props.width / 2} cy={props.y - 6} r={3.5} /> : null}
    </g>
  );
}
