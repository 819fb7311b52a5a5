import { useState } from 'react';
import { useDataLayer } from '../../data';
import { resolveConflict, type StoredConflict } from '../../data/sync-state';
import { useSayError, useT } from '../../i18n';
import { currentActor } from '../../components/actor';
import { ServerReason } from './ServerReason';

const show = (value: unknown) => (value === null || value === undefined ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value));

/** One conflict, the laptop's values beside the server's, for a person to choose. */
export function ConflictCard({ conflict }: { conflict: StoredConflict }) {
  const sayError = useSayError();
  const t = useT();
  const { ctx } = useDataLayer();
  const [error, setError] = useState<string | null>(null);
  const { mutation } = conflict;
  const resolve = (choice: 'mine' | 'server') =>
    resolveConflict(ctx, mutation.mutationId, choice, currentActor()).catch((e: unknown) => setError(sayError(e)));
  const name = show(conflict.serverRecord?.legalName ?? conflict.localRecord?.legalName ?? conflict.serverRecord?.reference ?? mutation.recordId);
  return (
    <article className="sync-conflict card" aria-label={`${t(`code.entity.${mutation.entity}`)} ${name}`}>
      <h3>
        {t(`code.entity.${mutation.entity}`)} — {name}
      </h3>
      <ServerReason reason={conflict.reason} said={conflict.said} />
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{t('sync.conflicts.field')}</th>
            <th scope="col">{t('sync.conflicts.mine')}</th>
            <th scope="col">{t('sync.conflicts.server')}</th>
          </tr>
        </thead>
        <tbody>
          {conflict.conflicts.map((c) => (
            <tr key={c.field}>
              <th scope="row">{c.field === '_deleted' ? t('sync.conflicts.deleted') : c.field}</th>
              <td>{mutation.op === 'delete' ? t('sync.conflicts.deleted') : show(c.clientValue)}</td>
              <td>{conflict.serverRecord ? show(c.serverValue) : t('sync.conflicts.deleted')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {error ? <p role="alert" className="sync-error">{error}</p> : null}
      <div className="form-actions">
        <button type="button" className="button" onClick={() => void resolve('mine')}>{t('sync.conflicts.keepMine')}</button>
        <button type="button" className="button" onClick={() => void resolve('server')}>{t('sync.conflicts.keepServer')}</button>
      </div>
    </article>
  );
}
