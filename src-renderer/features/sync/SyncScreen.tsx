import { useEffect, useState, type FormEvent } from 'react';
import { ENTITY_TYPES } from '../../../src-core';
import { useDataLayer, usePendingOutboxCount } from '../../data';
import { useDeviceCode } from '../../data/invoicing';
import { SYNC_KEYS, useConflicts, useOldestPendingAt, useSetAside, useSyncValue, type GrantProblem, type ReconcileReport, type SyncServer } from '../../data/sync-state';
import { useSay, useSayError, useFormat, useNumber, useT, type Formats } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { TextField } from '../../components/FormField';
import { actorLabel, usePersonStore } from '../../sync/person';
import { useSayActor } from '../../components/actor';
import { tokenStorageStatus } from '../../sync/token-store';
import { ConflictCard } from './ConflictCard';
import { RecordDifferences } from './RecordDifferences';
import { JoinCard } from './JoinCard';
import { SetAsideList } from './SetAsideList';
import { SignOutDialog } from './SignOutDialog';
import { currentEngine, signIn, signInWithPassword, signOut } from '../../sync/session';
import { useSyncUi } from '../../sync/session-store';

/** "il y a 3 heures", "3 hours ago": the age of the oldest pending change, so a stalled sync cannot hide. */
function age(iso: string, nowMs: number, fmt: Formats): string {
  const minutes = Math.round((nowMs - Date.parse(iso)) / 60_000);
  if (Math.abs(minutes) < 60) return fmt.relative(-minutes, 'minute');
  if (Math.abs(minutes) < 48 * 60) return fmt.relative(-Math.round(minutes / 60), 'hour');
  return fmt.relative(-Math.round(minutes / 1440), 'day');
}

function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

export function SyncScreen() {
  const sayError = useSayError();
  const fmt = useFormat();
  const t = useT();
  const sayActor = useSayActor();
  const num = useNumber();
  const dataLayer = useDataLayer();
  const now = useNow();
  const server = useSyncValue<SyncServer>(SYNC_KEYS.server);
  const lastSync = useSyncValue<string>(SYNC_KEYS.lastSync);
  const reconcile = useSyncValue<ReconcileReport>(SYNC_KEYS.reconcile);
  const grantProblem = useSyncValue<GrantProblem | string>(SYNC_KEYS.grantProblem);
  const say = useSay();
  const deviceCode = useDeviceCode();
  const pending = usePendingOutboxCount() ?? 0;
  const oldest = useOldestPendingAt();
  const conflicts = useConflicts() ?? [];
  const setAside = useSetAside() ?? [];
  const { connected, status } = useSyncUi();
  const [url, setUrl] = useState('');
  const [token, setToken] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const person = usePersonStore((s) => s.person);
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [storage, setStorage] = useState<Awaited<ReturnType<typeof tokenStorageStatus>> | null>(null);
  const [signingOut, setSigningOut] = useState(false);
  const [signOutNote, setSignOutNote] = useState<string | null>(null);
  const [browserOnline, setBrowserOnline] = useState(() => navigator.onLine);

  useEffect(() => {
    const update = () => setBrowserOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    void tokenStorageStatus().then(setStorage);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setFormError(null);
    try {
      await action();
    } catch (error) {
      setFormError(sayError(error));
    } finally {
      setBusy(false);
    }
  };
  const serverUrl = url || server?.url || '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The password is not kept once it has been sent, whether the sign-in worked or not.
    void run(() => signInWithPassword(dataLayer, serverUrl, user, password).finally(() => setPassword('')));
  };
  const submitToken = (event: FormEvent) => {
    event.preventDefault();
    void run(() => signIn(dataLayer, serverUrl, token));
  };

  const online = connected && browserOnline && (status?.online ?? true);
  const lastError = status?.lastError ? sayError(status.lastError) : formError;

  return (
    <>
      <PageHeader title={t('nav.sync')} subtitle={t('sync.subtitle')} />
      <section className="card sync-state" aria-labelledby="sync-state-title">
        <h2 id="sync-state-title">{t('sync.state.title')}</h2>
        {!connected ? <p>{t('sync.state.notConnected')}</p> : null}
        <dl className="sync-facts">
          <dt>{t('sync.state.connection')}</dt>
          <dd>
            <span className={online ? 'sync-badge online' : 'sync-badge offline'}>{online ? t('sync.state.online') : t('sync.state.offline')}</span>
            {connected && server ? ` — ${t('sync.server.connectedTo', { url: server.url })}` : null}
          </dd>
          <dt>{t('sync.state.person')}</dt>
          <dd data-testid="sync-person">{connected && person.kind === 'signedIn' ? actorLabel(person) : t('sync.state.personStandalone', { person: sayActor(actorLabel(person)) })}</dd>
          <dt>{t('sync.state.lastSync')}</dt>
          <dd>{lastSync ? fmt.dateTime(lastSync) : t('sync.state.never')}</dd>
          <dt>{t('sync.state.pending')}</dt>
          <dd data-testid="sync-pending">{num(pending)}</dd>
          <dt>{t('sync.state.oldest')}</dt>
          <dd>{oldest ? `${age(oldest, now, fmt)} (${fmt.dateTime(oldest)})` : t('sync.state.none')}</dd>
          <dt>{t('numbering.sync.series')}</dt>
          <dd data-testid="sync-series">{deviceCode ? t('numbering.sync.deviceSeries', { code: deviceCode }) : t('numbering.sync.standalone')}</dd>
          {status ? (
            <>
              <dt>{t('sync.state.activity')}</dt>
              <dd aria-live="polite">
                {t(`sync.phase.${status.phase}`)}
                {status.nextAttemptAt && status.lastError ? ` — ${t('sync.state.nextAttempt', { time: fmt.dateTime(status.nextAttemptAt) })}` : null}
              </dd>
            </>
          ) : null}
        </dl>
        {lastError ? <p role="alert" className="sync-error">{lastError}</p> : null}
        {grantProblem ? (
          <p role="alert" className="sync-error">
            {t('numbering.grantProblem', { reason: '' })}
            {typeof grantProblem === 'string' || !grantProblem.said ? <span lang="fr">{typeof grantProblem === 'string' ? grantProblem : grantProblem.reason}</span> : say(grantProblem.said)}
          </p>
        ) : null}
        {!connected && signOutNote ? <p role="status" className="sync-error">{signOutNote}</p> : null}
        {connected ? (
          <div className="form-actions">
            <button type="button" className="button primary" disabled={busy} onClick={() => void run(() => currentEngine()!.syncNow())}>{t('sync.actions.syncNow')}</button>
            <button type="button" className="button" disabled={busy} onClick={() => void run(() => currentEngine()!.check())}>{t('sync.actions.check')}</button>
            <button type="button" className="button danger" onClick={() => setSigningOut(true)}>{t('sync.signOut.button')}</button>
          </div>
        ) : null}
      </section>

      {!connected ? (
        <section className="card" aria-labelledby="sync-server-title">
          <h2 id="sync-server-title">{t('sync.server.title')}</h2>
          <form className="form sync-signin" onSubmit={submit}>
            <TextField label={t('sync.server.url')} type="url" required value={serverUrl} placeholder="https://contrats.dokos.fr" onChange={(e) => setUrl(e.target.value)} />
            <TextField label={t('sync.server.user')} type="text" required autoComplete="username" value={user} onChange={(e) => setUser(e.target.value)} />
            <TextField label={t('sync.server.password')} type="password" required autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
            {storage && !storage.persistent ? <p className="field-hint">{t('sync.server.sessionOnly', { reason: storage.reasonCode ? t(`sync.server.storage.${storage.reasonCode}`) : storage.reason || t('sync.server.browserSession') })}</p> : null}
            <div className="form-actions">
              <button type="submit" className="button primary" disabled={busy}>{busy ? t('sync.server.signingIn') : t('sync.server.signIn')}</button>
            </div>
          </form>
          <details>
            <summary>{t('sync.server.advanced')}</summary>
            <form className="form sync-signin" onSubmit={submitToken}>
              <TextField label={t('sync.server.token')} type="password" required autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} />
              <div className="form-actions">
                <button type="submit" className="button" disabled={busy}>{t('sync.server.tokenSignIn')}</button>
              </div>
            </form>
          </details>
        </section>
      ) : null}

      {reconcile ? (
        <section className="card" aria-labelledby="sync-reconcile-title">
          <h2 id="sync-reconcile-title">{t('sync.reconcile.title')}</h2>
          {reconcile.same ? (
            <p>{t('sync.reconcile.same', { at: fmt.dateTime(reconcile.at) })}</p>
          ) : (
            <>
              <p role="alert" className="sync-error">{t('sync.reconcile.diverged', { at: fmt.dateTime(reconcile.at) })}</p>
              <ul>
                {ENTITY_TYPES.filter((e) => !reconcile.tables[e].same).map((e) => (
                  <li key={e}>
                    {t('sync.reconcile.table', { table: t(`code.entity.${e}`), local: reconcile.tables[e].local.count, server: reconcile.tables[e].server.count })}
                    <RecordDifferences comparison={reconcile.tables[e]} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      ) : null}

      {conflicts.length > 0 ? (
        <section aria-labelledby="sync-conflicts-title">
          <h2 id="sync-conflicts-title">{t('sync.conflicts.title')} ({conflicts.length})</h2>
          {conflicts.map((c) => <ConflictCard key={c.mutation.mutationId} conflict={c} />)}
        </section>
      ) : null}

      <JoinCard />

      {setAside.length > 0 ? <SetAsideList items={setAside} /> : null}

      <SignOutDialog
        open={signingOut}
        pending={pending}
        onClose={() => setSigningOut(false)}
        onConfirm={(wipe) => {
          setSigningOut(false);
          void run(async () => setSignOutNote((await signOut(dataLayer, wipe)) ? null : t('sync.signOut.notRevoked')));
        }}
      />
    </>
  );
}
