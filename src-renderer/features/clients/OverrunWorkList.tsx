import { useState } from 'react';
import { applyTierChangesWithNotices, useDataLayer, useOverrunWorkList, type BulkTierChangeResult, type OverrunItem } from '../../data';
import { useSay, useSayError, useT, useFormat } from '../../i18n';
import { currentActor } from '../../components/actor';
import { parisToday } from '../../components/today';
import { PageHeader } from '../../components/PageHeader';
import { href } from '../../components/router';

/**
 * `#/clients/depassements`: every contract over its limits in the portfolio's
 * last measured month, with its covering tier, supplement and proposed switch;
 * "apply and draft the letters" applies every proposed change with its notice
 * (a past date only when the retroactive box is ticked), with progress.
 */
export function OverrunWorkList() {
  const sayError = useSayError();
  const fmt = useFormat();
  const t = useT();
  const { ctx } = useDataLayer();
  const today = parisToday();
  const list = useOverrunWorkList(today);
  const [retroactive, setRetroactive] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<BulkTierChangeResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!list) return <PageHeader title={t('life.workList.title')} subtitle={t('clients.loading')} />;
  const month = list.month ? fmt.month(list.month) : null;
  // A past date only when chosen; otherwise the same change from the 1st of next month.
  const requests = list.items.flatMap((i) => {
    const request = i.request && (retroactive || !i.request.retroactive) ? i.request : i.nextRequest;
    return request ? [request] : [];
  });

  const applyAll = async () => {
    setError(null);
    setResult(null);
    setProgress({ done: 0, total: requests.length });
    try {
      setResult(await applyTierChangesWithNotices(ctx, requests, currentActor(), { onProgress: setProgress }));
    } catch (e) {
      setError(sayError(e));
    } finally {
      setProgress(null);
    }
  };

  return (
    <>
      <PageHeader
        title={t('life.workList.title')}
        subtitle={month ? t('life.workList.subtitle', { month, count: list.items.length }) : t('life.workList.noMeasure')}
        actions={<a className="button" href={href('/clients', { over: '1' })}>{t('clients.page.backToList')}</a>}
      />
      {list.items.length === 0 ? (
        <p className="muted">{t('life.workList.empty')}</p>
      ) : (
        <>
          <div className="list-toolbar">
            <label className="checkbox-field">
              <input type="checkbox" checked={retroactive} onChange={(e) => setRetroactive(e.target.checked)} /> {t('life.workList.retroactive')}
            </label>
            <button type="button" className="button primary" disabled={progress !== null || requests.length === 0} onClick={() => void applyAll()}>
              {t('life.workList.applyAll', { count: requests.length })}
            </button>
          </div>
          {progress ? (
            <p role="status">
              <progress value={progress.done} max={progress.total} /> {t('life.workList.progress', { done: progress.done, total: progress.total })}
            </p>
          ) : null}
          {result ? (
            <p role="status" className="alert ok">
              {t('life.workList.done', { applied: result.applied.length, refused: result.refused.length })} <a href={href('/courriers')}>{t('life.workList.letters')}</a>
            </p>
          ) : null}
          {error ? <p role="alert" className="alert error">{error}</p> : null}
          <table className="data" data-testid="overrun-work-list">
            <thead>
              <tr>
                <th scope="col">{t('clients.col.name')}</th>
                <th scope="col">{t('life.workList.contract')}</th>
                <th scope="col">{t('life.workList.covering')}</th>
                <th scope="col" className="num">{t('life.workList.supplement')}</th>
                <th scope="col">{t('life.workList.switch')}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((item) => <WorkRow key={item.contract.id} item={item} />)}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}

function WorkRow({ item }: { item: OverrunItem }) {
  const fmt = useFormat();
  const t = useT();
  const say = useSay();
  const { over, plan } = item;
  return (
    <tr>
      <td><a href={href(`/clients/${encodeURIComponent(item.clientId)}`)}>{item.clientName}</a></td>
      <td>{item.contract.reference}</td>
      <td>{over.coveringTierId ?? t('life.workList.horsGrille')}</td>
      <td className="num">
        {over.supplementCents !== null ? fmt.money(over.supplementCents) : '—'}
        {item.regularised ? <span className="badge ok" title={t('life.workList.regularisedTitle')}> {t('life.workList.regularised')}</span> : null}
      </td>
      <td>
        {plan ? (
          <>
            {plan.fromTier} → {plan.toTier}, {fmt.date(plan.from)} ({plan.differenceCents >= 0 ? '+' : '−'}{fmt.money(Math.abs(plan.differenceCents))} {t('life.tierChange.perMonth')})
            {plan.retroactive ? <span className="badge warning"> {t('life.workList.past')}</span> : null}
            {item.nextPlan ? <span className="muted"> — {t('life.workList.otherwise', { date: fmt.date(item.nextPlan.from) })}</span> : null}
          </>
        ) : (
          <span className="muted">{over.coveringTierId === null ? t('life.workList.horsGrilleRefusal') : item.refusalSaid ? say(item.refusalSaid) : <span lang="fr">{item.refusal}</span>}</span>
        )}
      </td>
    </tr>
  );
}
