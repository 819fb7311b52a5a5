import { useMemo, useState } from 'react';
import {
  getTier, METRICS, tierForMonth, type Contract, type Metric,
  type PriceLists, type UsageDocument,
} from '../../../src-core';
import { undoTierChange, useDataLayer, useTierChangeLetters } from '../../data';
import { useSayError, useFormat, useNumber, useT } from '../../i18n';
import { currentActor } from '../../components/actor';
import { ExplainedDate, useRuleWithClause } from '../../components/ExplainedDate';
import { parisToday } from '../../components/today';
import { href } from '../../components/router';
import { UsageChart } from '../../components/UsageChart';
import { latestOverConsumption } from './contract-figures';
import { TierChangeDialog } from './TierChangeDialog';
import { usagePoints } from './usage-points';

const CHART_TITLE_KEYS = { cpuHours: 'clients.usage.chart.cpuHours', databaseGB: 'clients.usage.chart.databaseGB', storageGB: 'clients.usage.chart.storageGB' } as const;
const CHART_UNIT_KEYS = { cpuHours: 'chart.unit.hours', databaseGB: 'chart.unit.gigabytes', storageGB: 'chart.unit.gigabytes' } as const;

/** Usage charts of one contract and, when its latest month is over, the covering tier and the one action to switch. */
export function UsagePanel({ contract, usage, lists }: { contract: Contract; usage: UsageDocument | undefined; lists: PriceLists }) {
  const fmt = useFormat();
  const t = useT();
  const num = useNumber();
  // Points are recomputed when the contract or its usage changes, not on every render of the page.
  const points = useMemo(() => (usage ? METRICS.map((metric) => usagePoints(contract, usage, metric, lists, fmt)) : []), [contract, usage, lists, fmt]);
  if (!usage || usage.months.length === 0) return <p className="muted">{t('clients.usage.none')}</p>;
  const words = { usage: t('clients.usage.legend.usage'), limit: t('clients.usage.legend.limit'), over: t('clients.usage.legend.over') };
  return (
    <section className="usage-panel" aria-label={t('clients.usage.title', { reference: contract.reference })}>
      <h3>{t('clients.usage.title', { reference: contract.reference })}</h3>
      <OverConsumptionBox contract={contract} usage={usage} lists={lists} />
      <div className="usage-charts">
        {METRICS.map((metric: Metric, i) => (
          <UsageChart
            key={metric}
            title={t(CHART_TITLE_KEYS[metric])}
            points={points[i]!}
            words={words}
            unit={t(CHART_UNIT_KEYS[metric])}
            formatValue={(v) => num(Math.round(v * 100) / 100)}
          />
        ))}
      </div>
    </section>
  );
}

function OverConsumptionBox({ contract, usage, lists }: { contract: Contract; usage: UsageDocument; lists: PriceLists }) {
  const sayError = useSayError();
  const withClause = useRuleWithClause();
  const fmt = useFormat();
  const t = useT();
  const { ctx } = useDataLayer();
  const letters = useTierChangeLetters(contract.id);
  const [state, setState] = useState<{ confirming: boolean; error?: string }>({ confirming: false });
  const over = latestOverConsumption(contract, usage, lists);
  if (!over) return null;

  const exceeded = over.metrics
    .filter((m) => m.over)
    .map((m) => {
      const quantity = (n: number) => `${fmt.number(n)}\u00a0${t(`code.unit.${m.metric}`)}`;
      return `${t(`code.metric.${m.metric}`)} ${quantity(m.used)} > ${quantity(m.limit)}`;
    })
    .join(', ');
  const heading = t('clients.usage.over.heading', { month: fmt.month(over.month), details: exceeded });
  if (over.horsGrille) {
    return (
      <div className="alert warning over-box" role="note">
        <p><strong>{heading}</strong></p>
        <p>{t('clients.usage.over.horsGrille', { month: fmt.month(over.month) })}</p>
      </div>
    );
  }
  const current = getTier(tierForMonth(contract, over.month), contract.priceListId, lists);
  const covering = getTier(over.coveringTierId!, contract.priceListId, lists);
  const proposal = over.proposedSwitch;
  // The change made after this overrun (at the proposed date or the next month's), and its notice.
  const change = contract.history.findLast((e) => e.kind === 'tier_change' && e.toTier === proposal?.tierId && e.fromMonth > over.month);
  const notice = change?.kind === 'tier_change' ? letters?.find((l) => l.id === change.letterId) : undefined;

  const undo = async () => {
    if (!notice) return;
    try {
      await undoTierChange(ctx, notice.id, currentActor());
    } catch (e) {
      setState({ confirming: false, error: sayError(e) });
    }
  };

  return (
    <div className="alert error over-box" role="note">
      <p><strong>{heading}</strong></p>
      <p>
        {t('clients.usage.over.covering', {
          tier: covering.id,
          price: fmt.money(covering.priceCents),
          difference: fmt.money(covering.priceCents - current.priceCents),
          current: current.id,
        })}
      </p>
      {over.supplement ? (
        <p>
          {t('clients.usage.over.supplement', { label: t('rule.over.regularisation', { month: { month: over.month } }) })} <strong>{fmt.money(over.supplement.amount.value)}</strong> {t('clients.usage.over.ht')}
          <span className="explained-rule"> — {withClause(over.supplement.amount)}</span>
        </p>
      ) : null}
      {proposal ? (
        <p>
          {t('clients.usage.over.switchFrom')} <ExplainedDate date={proposal.from} />
        </p>
      ) : null}
      {proposal && !change ? (
        <button type="button" className="button primary" onClick={() => setState({ confirming: true })}>
          {t('life.tierChange.open')}
        </button>
      ) : null}
      {change?.kind === 'tier_change' ? (
        <p>
          <span className="badge ok">{t('clients.usage.over.applied', { tier: change.toTier, month: fmt.month(change.fromMonth) })}</span>{' '}
          {notice ? <a href={href(`/courriers/${encodeURIComponent(notice.id)}`)}>{t('life.tierChange.noticeLink')}</a> : null}{' '}
          {notice?.status === 'draft' ? <button type="button" className="button" onClick={() => void undo()}>{t('life.tierChange.undo')}</button> : null}
        </p>
      ) : null}
      {state.confirming ? <TierChangeDialog contract={contract} over={over} lists={lists} today={parisToday()} onClose={() => setState({ confirming: false })} /> : null}
      {state.error ? <p className="field-error" role="alert">{state.error}</p> : null}
    </div>
  );
}
