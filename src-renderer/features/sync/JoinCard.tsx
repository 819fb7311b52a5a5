import { useState } from 'react';
import { useDataLayer } from '../../data';
import { confirmJoin, recordKey, useJoinReview } from '../../data/sync-state';
import { useT } from '../../i18n';
import { currentActor } from '../../components/actor';
import { recordTitle } from './record-link';
import { currentEngine } from '../../sync/session';

const SHOWN = 20;
const show = (value: unknown) => (value === null || value === undefined ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value));

/**
 * A laptop with its own data joined a non-empty server: what the server
 * lacks is listed, what differs is shown side by side (the server's version
 * in place until the person chooses "send mine"), and nothing leaves before
 * the person confirms.
 */
export function JoinCard() {
  const t = useT();
  const { ctx } = useDataLayer();
  const review = useJoinReview();
  const [keepMine, setKeepMine] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  if (done) return <p role="status" className="card">{done}</p>;
  if (!review) return null;
  const confirm = async () => {
    setBusy(true);
    try {
      const count = await confirmJoin(ctx, keepMine, currentActor());
      setDone(t('sync.join.done', { count }));
      void currentEngine()?.syncNow().catch(() => undefined);
    } finally {
      setBusy(false);
    }
  };
  const toggle = (key: string, mine: boolean) => setKeepMine((previous) => {
    const next = new Set(previous);
    if (mine) next.add(key);
    else next.delete(key);
    return next;
  });
  return (
    <section className="card" aria-labelledby="sync-join-title">
      <h2 id="sync-join-title">{t('sync.join.title')}</h2>
      <p>{t('sync.join.body')}</p>
      {review.missing.length > 0 ? (
        <>
          <h3>{t('sync.join.missing', { count: review.missing.length })}</h3>
          <ul data-testid="join-missing">
            {review.missing.slice(0, SHOWN).map((m) => (
              <li key={recordKey(m.entity, m.id)}>{t(`code.entity.${m.entity}`)} — {recordTitle(m.record, m.id)}</li>
            ))}
            {review.missing.length > SHOWN ? <li>{t('sync.join.more', { count: review.missing.length - SHOWN })}</li> : null}
          </ul>
        </>
      ) : null}
      {review.conflicts.length > 0 ? (
        <>
          <h3>{t('sync.join.conflicts', { count: review.conflicts.length })}</h3>
          {review.conflicts.map((c) => {
            const key = recordKey(c.entity, c.id);
            const name = `join-${key}`;
            return (
              <article key={key} className="sync-conflict card" aria-label={`${t(`code.entity.${c.entity}`)} ${recordTitle(c.server ?? c.local, c.id)}`}>
                <h4>{t(`code.entity.${c.entity}`)} — {recordTitle(c.server ?? c.local, c.id)}</h4>
                <table className="data">
                  <thead>
                    <tr>
                      <th scope="col">{t('sync.join.field')}</th>
                      <th scope="col">{t('sync.join.mine')}</th>
                      <th scope="col">{t('sync.join.server')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {c.fields.map((field) => (
                      <tr key={field}>
                        <th scope="row">{field}</th>
                        <td>{show(c.local[field])}</td>
                        <td>{c.server ? show(c.server[field]) : t('sync.conflicts.deleted')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <fieldset className="form-actions" aria-label={t('sync.join.field')}>
                  <label><input type="radio" name={name} checked={!keepMine.has(key)} onChange={() => toggle(key, false)} /> {t('sync.join.keepServer')}</label>
                  {c.server ? <label><input type="radio" name={name} checked={keepMine.has(key)} onChange={() => toggle(key, true)} /> {t('sync.join.keepMine')}</label> : null}
                </fieldset>
              </article>
            );
          })}
        </>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button primary" disabled={busy} onClick={() => void confirm()}>{t('sync.join.confirm')}</button>
      </div>
    </section>
  );
}
