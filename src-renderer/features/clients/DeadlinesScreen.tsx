import { useMemo, useState } from 'react';
import { addDays, deadlinesCsv, type ContractDeadlineKind } from '../../../src-core';
import { deadlinesBetween, usePortfolio } from '../../data';
import { useT, useFormat, useSavedLocation, useSay } from '../../i18n';
import { platform } from '../../platform';
import { PageHeader } from '../../components/PageHeader';
import { href, navigate, useLocation } from '../../components/router';
import { useRuleWithClause } from '../../components/ExplainedDate';
import { SelectField } from '../../components/FormField';
import { parisToday } from '../../components/today';

/** The periods offered; the dashboard lists the next 30 days and links here for the rest. */
export const DEADLINE_PERIODS = [30, 60, 90, 180, 365] as const;

/**
 * Every contract deadline of the next N days (`#/clients/echeances?jours=90&type=…`):
 * filters by kind, each line links to its client and says its rule; the
 * filtered list exports as CSV.
 */
export function DeadlinesScreen() {
  const withClause = useRuleWithClause();
  const fmt = useFormat();
  const t = useT();
  const savedLocation = useSavedLocation();
  const say = useSay();
  const { query } = useLocation();
  const summaries = usePortfolio();
  const [message, setMessage] = useState<string | null>(null);
  const days = DEADLINE_PERIODS.find((d) => String(d) === query.get('jours')) ?? DEADLINE_PERIODS[0];
  const kind = query.get('type') ?? '';
  const today = parisToday();
  const to = addDays(today, days);
  const all = useMemo(() => (summaries ? deadlinesBetween(summaries, today, to) : undefined), [summaries, today, to]);
  const kinds = useMemo(() => [...new Map((all ?? []).map((d) => [d.deadline.kind, say(d.deadline.labelMessage ?? d.deadline.label)])).entries()].sort((a, b) => a[1].localeCompare(b[1], 'fr')), [all, say]);
  const shown = useMemo(() => (all ?? []).filter((d) => !kind || d.deadline.kind === (kind as ContractDeadlineKind)), [all, kind]);
  const setQuery = (patch: { jours?: string; type?: string }) => navigate('/clients/echeances', { jours: String(days), type: kind, ...patch });

  const exportCsv = async () => {
    const file = deadlinesCsv(shown, today, to);
    const result = await platform.saveDocument({ suggestedName: file.name, mimeType: file.mimeType, bytes: new TextEncoder().encode(file.content) as Uint8Array<ArrayBuffer> });
    setMessage(result.saved ? t('deadlines.exported', { location: savedLocation(result) || file.name }) : t('clients.page.exportCancelled'));
  };

  return (
    <>
      <PageHeader
        title={t('deadlines.title')}
        subtitle={<a href={href('/')}>{t('deadlines.backToDashboard')}</a>}
        actions={<button type="button" className="button" disabled={shown.length === 0} onClick={() => void exportCsv()}>{t('deadlines.export')}</button>}
      />
      <div className="list-toolbar" role="search" aria-label={t('deadlines.filters')}>
        <SelectField label={t('deadlines.period')} value={String(days)} onChange={(e) => setQuery({ jours: e.target.value })}>
          {DEADLINE_PERIODS.map((d) => <option key={d} value={d}>{t('deadlines.nextDays', { days: d })}</option>)}
        </SelectField>
        <SelectField label={t('deadlines.kind')} value={kind} onChange={(e) => setQuery({ type: e.target.value })}>
          <option value="">{t('clients.filter.all')}</option>
          {kinds.map(([k, label]) => <option key={k} value={k}>{label}</option>)}
        </SelectField>
      </div>
      {message ? <p className="alert success" role="status">{message}</p> : null}
      <p className="result-count" role="status" aria-live="polite">
        {all ? t('deadlines.count', { count: shown.length, from: fmt.date(today), to: fmt.date(to) }) : t('clients.loading')}
      </p>
      {all && shown.length === 0 ? <p className="empty-state">{t('deadlines.none')}</p> : null}
      {shown.length > 0 ? (
        <table className="data">
          <caption className="visually-hidden">{t('deadlines.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('deadlines.col.date')}</th>
              <th scope="col">{t('deadlines.col.kind')}</th>
              <th scope="col">{t('deadlines.col.client')}</th>
              <th scope="col">{t('deadlines.col.contract')}</th>
              <th scope="col">{t('deadlines.col.rule')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map(({ clientId, clientName, contractId, contractReference, deadline }) => (
              <tr key={`${contractId}-${deadline.kind}-${deadline.value}`}>
                <td>{fmt.date(deadline.value)}</td>
                <td>{say(deadline.labelMessage ?? deadline.label)}</td>
                <td><a href={href(`/clients/${encodeURIComponent(clientId)}`)}>{clientName}</a></td>
                <td>{contractReference}</td>
                <td className="explained-rule">{withClause(deadline)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
