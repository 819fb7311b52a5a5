import { Suspense, useMemo } from 'react';
import { TIER_CODES, type PriceLists } from '../../../src-core';
import { usePortfolio, usePriceLists, type ClientSummary } from '../../data';
import { useNumber, useT, useFormat, useSay } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { href } from '../../components/router';
import { useRuleWithClause } from '../../components/ExplainedDate';
import { parisToday } from '../../components/today';
import { useSlots } from '../../components/slots';
import { EmptyPortfolio } from './EmptyPortfolio';
import { MrrForecast } from './MrrForecast';
import { PlatformCard } from './PlatformCard';
import { useDemoLoad } from './demo-load';
import { DEADLINE_WINDOW_DAYS, summarizePortfolio } from './portfolio-summary';

/** The nearest deadlines are listed; a 10,000-client portfolio has hundreds a month. */
const DEADLINES_SHOWN = 20;

export function DashboardScreen() {
  const t = useT();
  const clients = usePortfolio();
  const lists = usePriceLists();
  const demoLoading = useDemoLoad((s) => s.progress !== null);
  if (!clients || !lists) return <PageHeader title={t('nav.dashboard')} subtitle={t('clients.loading')} />;
  if (clients.length === 0 || demoLoading) {
    return (
      <>
        <PageHeader title={t('nav.dashboard')} />
        <EmptyPortfolio />
      </>
    );
  }
  return <PortfolioDashboard clients={clients} lists={lists} />;
}

function PortfolioDashboard({ clients, lists }: { clients: ClientSummary[]; lists: PriceLists }) {
  const withClause = useRuleWithClause();
  const fmt = useFormat();
  const t = useT();
  const say = useSay();
  const { UpcomingDeadlines } = useSlots();
  const number = useNumber();
  const today = parisToday();
  const summary = useMemo(() => summarizePortfolio(clients, today, lists), [clients, today, lists]);
  return (
    <>
      <PageHeader title={t('nav.dashboard')} subtitle={t('dashboard.asOf', { date: fmt.date(today) })} />
      <div className="cards">
        <section className="card stat" aria-labelledby="mrr-title">
          <h2 id="mrr-title" className="stat-label">{t('dashboard.mrr')}</h2>
          <p className="stat-value" data-testid="mrr">{fmt.money(summary.mrrCents)}</p>
          <p className="stat-note">{t('dashboard.mrrNote', { count: summary.runningContracts })}</p>
        </section>
        <section className="card stat" aria-labelledby="over-title">
          <h2 id="over-title" className="stat-label">{summary.overMonth ? t('life.over.title', { month: fmt.month(summary.overMonth) }) : t('dashboard.over')}</h2>
          <p className="stat-value">
            <a
              href={href('/clients', { over: '1' })}
              aria-label={summary.overMonth ? t('life.over.link', { count: summary.overClients, month: fmt.month(summary.overMonth) }) : t('dashboard.overLink', { count: summary.overClients })}
            >
              {summary.overClients}
            </a>
          </p>
          <p className="stat-note">
            {t('dashboard.overNote')} — <a href={href('/clients/depassements')}>{t('life.over.workList')}</a>
          </p>
        </section>
        <section className="card stat" aria-labelledby="clients-title">
          <h2 id="clients-title" className="stat-label">{t('nav.clients')}</h2>
          <p className="stat-value"><a href={href('/clients')} aria-label={t('dashboard.allClientsLink', { count: clients.length })}>{number(clients.length)}</a></p>
        </section>
        <PlatformCard />
      </div>
      {summary.unpriced.contracts > 0 ? (
        <p className="alert warning" role="note" data-testid="unpriced">{t('prices.unpriced.dashboard', { count: summary.unpriced.contracts, lists: summary.unpriced.lists.join(', ') })}</p>
      ) : null}
      <div className="dashboard-grid">
        <section className="card" aria-labelledby="tiers-title">
          <h2 id="tiers-title">{t('dashboard.perTier')}</h2>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('clients.col.tier')}</th>
                <th scope="col" className="num">{t('dashboard.clientCount')}</th>
              </tr>
            </thead>
            <tbody>
              {TIER_CODES.map((tier) => (
                <tr key={tier}>
                  <th scope="row">{tier}</th>
                  <td className="num">
                    <a href={href('/clients', { tier })} aria-label={t('dashboard.tierLink', { count: summary.clientsPerTier[tier], tier })}>{number(summary.clientsPerTier[tier])}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="card" aria-labelledby="deadlines-title">
          <h2 id="deadlines-title">{t('dashboard.deadlines', { days: DEADLINE_WINDOW_DAYS })}</h2>
          {summary.deadlines.length === 0 ? (
            <p className="muted">{t('dashboard.noDeadline')}</p>
          ) : (
            <ul className="deadline-list">
              {summary.deadlines.slice(0, DEADLINES_SHOWN).map(({ clientId, clientName, contractReference, deadline }) => (
                <li key={`${contractReference}-${deadline.kind}-${deadline.value}`}>
                  <strong>{fmt.date(deadline.value)}</strong> — {say(deadline.labelMessage ?? deadline.label)}{' '}
                  (<a href={href(`/clients/${encodeURIComponent(clientId)}`)}>{clientName}</a>, {contractReference})
                  <span className="explained-rule"> — {withClause(deadline)}</span>
                </li>
              ))}
            </ul>
          )}
          {summary.deadlines.length > DEADLINES_SHOWN ? (
            <p><a href={href('/clients/echeances', { jours: String(DEADLINE_WINDOW_DAYS) })}>{t('dashboard.moreDeadlines', { count: summary.deadlines.length - DEADLINES_SHOWN })}</a></p>
          ) : null}
          {summary.deadlines.length > 0 ? <p><a href={href('/clients/echeances', { jours: '90' })}>{t('deadlines.later')}</a></p> : null}
        </section>
      </div>
      <MrrForecast summaries={clients} lists={lists} today={today} />
      <Suspense fallback={null}>
        <UpcomingDeadlines days={DEADLINE_WINDOW_DAYS} />
      </Suspense>
    </>
  );
}
