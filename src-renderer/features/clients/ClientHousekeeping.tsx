import { useState } from 'react';
import { type Client } from '../../../src-core';
import { useCommands } from '../../data';
import { useSayError, useT, useFormat } from '../../i18n';
import { navigate } from '../../components/router';
import { currentActor } from '../../components/actor';

/**
 * Archive, restore or delete a client (src-core client-identity rules, checked
 * again by the repository): archiving hides a client with nothing running from the list,
 * deleting removes one created by mistake after a confirmation. A refusal is
 * shown in French and changes nothing.
 */
export function ClientHousekeeping({ client }: { client: Client }) {
  const sayError = useSayError();
  const fmt = useFormat();
  const t = useT();
  const commands = useCommands();
  const [confirming, setConfirming] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const act = async (action: () => Promise<unknown>) => {
    setRefusal(null);
    try {
      await action();
    } catch (e) {
      setRefusal(sayError(e));
    }
  };
  const remove = () =>
    act(async () => {
      await commands.clients.remove(client.id, currentActor());
      navigate('/clients', { supprime: client.legalName });
    });

  return (
    <section className="client-housekeeping" aria-label={t('clients.housekeeping.title')}>
      {client.archivedAt ? <p className="alert" role="status">{t('clients.housekeeping.archived', { date: fmt.date(client.archivedAt.slice(0, 10)) })}</p> : null}
      <div className="form-actions">
        {client.archivedAt ? (
          <button type="button" className="button" onClick={() => void act(() => commands.clients.restore(client.id, currentActor()))}>{t('clients.housekeeping.restore')}</button>
        ) : (
          <button type="button" className="button" onClick={() => void act(() => commands.clients.archive(client.id, currentActor()))}>{t('clients.housekeeping.archive')}</button>
        )}
        <button type="button" className="button danger" aria-expanded={confirming} onClick={() => setConfirming(true)}>{t('clients.housekeeping.delete')}</button>
      </div>
      {confirming ? (
        <div className="alert warning" role="alertdialog" aria-labelledby="delete-title" aria-describedby="delete-body">
          <h2 id="delete-title">{t('clients.housekeeping.confirmTitle', { name: client.legalName })}</h2>
          <p id="delete-body">{t('clients.housekeeping.confirmBody')}</p>
          <div className="form-actions">
            <button type="button" className="button danger" onClick={() => void remove()}>{t('clients.housekeeping.confirm')}</button>
            <button type="button" className="button" autoFocus onClick={() => setConfirming(false)}>{t('clients.housekeeping.cancel')}</button>
          </div>
        </div>
      ) : null}
      {refusal ? <p className="alert error" role="alert">{refusal}</p> : null}
    </section>
  );
}
