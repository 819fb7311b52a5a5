import { useState, type FormEvent } from 'react';
import { useDataLayer } from '../../data';
import { discardSetAside, retrySetAside, type SetAsideMutation } from '../../data/sync-state';
import { useSayError, useT, useFormat } from '../../i18n';
import { currentActor } from '../../components/actor';
import { recordHref } from './record-link';
import { currentEngine } from '../../sync/session';
import { ServerReason } from './ServerReason';


/**
 * Changes the server refused for good: the person corrects the record and
 * sends again (the change leaves with the laptop's current values), or
 * abandons it with a reason the audit keeps.
 */
export function SetAsideList({ items }: { items: readonly SetAsideMutation[] }) {
  const t = useT();
  return (
    <section className="card" aria-labelledby="sync-setaside-title">
      <h2 id="sync-setaside-title">{t('sync.setAside.title')} ({items.length})</h2>
      <p className="muted">{t('sync.setAside.hint')}</p>
      <ul className="sync-set-aside">
        {items.map((s) => <SetAsideItem key={s.mutation.mutationId} item={s} />)}
      </ul>
    </section>
  );
}

function SetAsideItem({ item }: { item: SetAsideMutation }) {
  const sayError = useSayError();
  const fmt = useFormat();
  const t = useT();
  const { ctx } = useDataLayer();
  const { mutation } = item;
  const [discarding, setDiscarding] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const link = recordHref(mutation.entity, mutation.recordId, mutation.changes);
  const retry = async () => {
    setError(null);
    if (await retrySetAside(ctx, mutation.mutationId)) currentEngine()?.nudge(0);
    else setError(t('sync.setAside.gone'));
  };
  const discard = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return setError(t('sync.setAside.reasonRequired'));
    await discardSetAside(ctx, mutation.mutationId, reason, currentActor()).catch((failure: unknown) => setError(sayError(failure)));
  };
  const reasonId = `discard-${mutation.mutationId}`;
  return (
    <li>
      <strong>{t(`code.entity.${mutation.entity}`)} {mutation.recordId}</strong> — {fmt.dateTime(mutation.madeAt)}
      <ServerReason reason={item.reason} said={item.said} />
      {discarding ? (
        <form className="form" onSubmit={(e) => void discard(e)} noValidate>
          <div className="field">
            <label htmlFor={reasonId}>{t('sync.setAside.discardReason')}</label>
            <input id={reasonId} value={reason} maxLength={500} autoFocus onChange={(e) => setReason(e.target.value)} aria-invalid={!!error} />
          </div>
          {error ? <p role="alert" className="sync-error">{error}</p> : null}
          <div className="form-actions">
            <button type="submit" className="button danger">{t('sync.setAside.discardConfirm')}</button>
            <button type="button" className="button" onClick={() => (setDiscarding(false), setError(null))}>{t('sync.setAside.cancel')}</button>
          </div>
        </form>
      ) : (
        <>
          {error ? <p role="alert" className="sync-error">{error}</p> : null}
          <div className="form-actions">
            {link ? <a className="button" href={link}>{t('sync.setAside.edit')}</a> : null}
            <button type="button" className="button primary" onClick={() => void retry()}>{t('sync.setAside.retry')}</button>
            <button type="button" className="button" onClick={() => setDiscarding(true)}>{t('sync.setAside.discard')}</button>
          </div>
        </>
      )}
    </li>
  );
}
