import { useEffect, useRef, useState } from 'react';
import { USAGE_CSV_COLUMNS, USAGE_CSV_MAX_BYTES, usageCsvSizeProblem, type Message, type OverwrittenMonth } from '../../../src-core';
import { startUsageImport, useDataLayer, type UsageFileCheck, type UsageImportMessage, type UsageImportSession } from '../../data';
import { useFormat, useNumber, useSay, useT } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { href } from '../../components/router';
import { currentActor } from '../../components/actor';
import { TextField } from '../../components/FormField';
import { parisToday } from '../../components/today';

type Outcome = { kind: 'done'; rows: number; contracts: number } | { kind: 'failed'; message: Message | string } | { kind: 'cancelled' } | { kind: 'writeCancelled' };

/** Where the chosen file is: being read (with progress), read (with its report and the months it replaces), or refused unread. */
type Reading =
  | { stage: 'reading'; name: string; done: number; total: number }
  | { stage: 'read'; name: string; check: UsageFileCheck }
  | { stage: 'refused'; name: string; message: Message | string };

/**
 * Usage CSV import: choose the platform's monthly export, read the preview and
 * the row-by-row report, then import. Reading, checking and writing run in a
 * worker on the app's database (data/usage-import): the rows never reach this
 * thread, which only shows the progress, so the screen stays responsive at
 * 145,000 rows. A file above the size limit is refused unread; the months
 * already stored that it would replace are shown before anything is written.
 * All or nothing: "Importer" stays disabled while any row is refused, the rows
 * are written by one transaction (data/usage-import/write.ts), and cancelling the
 * write abandons that transaction.
 */
export function UsageImportScreen() {
  const fmt = useFormat();
  const t = useT();
  const say = useSay();
  const num = useNumber();
  const layer = useDataLayer();
  const [reading, setReading] = useState<Reading | null>(null);
  const [importing, setImporting] = useState(false);
  const [written, setWritten] = useState<{ written: number; total: number } | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const session = useRef<UsageImportSession | null>(null);
  const check = reading?.stage === 'read' ? reading.check : null;
  const report = check?.report ?? null;

  const stopSession = () => {
    session.current?.dispose();
    session.current = null;
  };
  useEffect(() => stopSession, []);

  const choose = (selected: File | undefined) => {
    stopSession();
    setOutcome(null);
    if (!selected) return setReading(null);
    const tooLarge = usageCsvSizeProblem(selected.size);
    if (tooLarge) return setReading({ stage: 'refused', name: selected.name, message: tooLarge });
    setReading({ stage: 'reading', name: selected.name, done: 0, total: 0 });
    const name = selected.name;
    const onMessage = (message: UsageImportMessage) => {
      switch (message.kind) {
        case 'reading':
          return setReading({ stage: 'reading', name, done: message.done, total: message.total });
        case 'checked':
          return setReading({ stage: 'read', name, check: message.check });
        case 'writing':
          return setWritten({ written: message.written, total: message.total });
        case 'written':
          stopSession();
          setOutcome({ kind: 'done', rows: message.rows, contracts: message.contracts });
          return finishWrite(true);
        case 'cancelled':
          setOutcome({ kind: 'writeCancelled' });
          return finishWrite(false);
        case 'failed':
          if (message.stage === 'check') {
            stopSession();
            return setReading({ stage: 'refused', name, message: message.said ?? message.message });
          }
          setOutcome({ kind: 'failed', message: message.said ?? message.message });
          return finishWrite(false);
      }
    };
    session.current = startUsageImport(layer, selected, parisToday(), onMessage, t('clients.import.workerFailed'));
  };

  const finishWrite = (done: boolean) => {
    setImporting(false);
    setWritten(null);
    if (done) setReading(null);
  };

  const cancelReading = () => {
    stopSession();
    setReading(null);
    setOutcome({ kind: 'cancelled' });
  };

  const importRows = () => {
    if (!check || check.report.errorCount > 0 || !session.current) return;
    setOutcome(null);
    setImporting(true);
    setWritten({ written: 0, total: check.contractCount });
    session.current.write(currentActor());
  };

  const overwritten = check?.overwritten ?? null;
  const blocked = !check || check.report.errorCount > 0 || check.rowCount === 0 || !overwritten || importing;
  return (
    <>
      <PageHeader title={t('clients.import.title')} subtitle={<a href={href('/clients')}>{t('clients.page.backToList')}</a>} />
      <section className="card import-format" aria-labelledby="format-title">
        <h2 id="format-title">{t('clients.import.formatTitle')}</h2>
        <p>{t('clients.import.formatIntro')}</p>
        <pre className="code-sample">{`${USAGE_CSV_COLUMNS.join(';')}\nCT-2024-00001;2026-10;0,42;0,31;0,8\n732829320;2026-10;1,2;0,5;4`}</pre>
        <ul>
          <li><code>contrat</code> — {t('clients.import.col.contract')}</li>
          <li><code>mois</code> — {t('clients.import.col.month')}</li>
          <li><code>cpu_heures</code> — {t('clients.import.col.cpu')}</li>
          <li><code>base_go</code> — {t('clients.import.col.database')}</li>
          <li><code>stockage_go</code> — {t('clients.import.col.storage')}</li>
        </ul>
        <p className="hint">{t('clients.import.formatRules')}</p>
        <p className="hint">{t('clients.import.sizeLimit', { size: fmt.megabytes(USAGE_CSV_MAX_BYTES) })}</p>
      </section>
      <div className="form">
        <TextField label={t('clients.import.chooseFile')} type="file" accept=".csv,text/csv" disabled={importing} onChange={(e) => choose(e.target.files?.[0])} />
      </div>
      {outcome?.kind === 'done' ? <p className="alert success" role="status">{t('clients.import.done', { rows: outcome.rows, contracts: outcome.contracts })}</p> : null}
      {outcome?.kind === 'failed' ? <p className="alert error" role="alert">{t('clients.import.failed', { message: say(outcome.message) })}</p> : null}
      {outcome?.kind === 'cancelled' ? <p className="alert" role="status">{t('clients.import.cancelled')}</p> : null}
      {outcome?.kind === 'writeCancelled' ? <p className="alert" role="status">{t('clients.import.writeCancelled')}</p> : null}
      {reading?.stage === 'refused' ? <p className="alert error" role="alert">{t('clients.import.unread', { name: reading.name, message: say(reading.message) })}</p> : null}
      {reading?.stage === 'reading' ? (
        <div className="import-progress" role="status">
          <label htmlFor="import-progress">{reading.total ? t('clients.import.reading', { name: reading.name, done: reading.done, total: reading.total }) : t('clients.import.opening', { name: reading.name })}</label>
          <progress id="import-progress" max={reading.total || 1} value={reading.done} />
          <button type="button" className="button" onClick={cancelReading}>{t('clients.import.cancel')}</button>
        </div>
      ) : null}
      {report && check ? (
        <>
          <p className="result-count" role="status">
            {t('clients.import.summary', { name: reading?.name ?? '', lines: report.lineCount, valid: check.rowCount, errors: report.errorCount })}
          </p>
          {report.errorCount > 0 ? (
            <section className="alert error import-errors" aria-labelledby="errors-title">
              <h2 id="errors-title">{t('clients.import.errorsTitle', { count: report.errorCount })}</h2>
              <p>{t('clients.import.nothingWritten')}</p>
              {report.errorCount > report.errors.length ? <p>{t('clients.import.errorsCapped', { shown: report.errors.length, count: report.errorCount })}</p> : null}
              <table className="data">
                <caption className="visually-hidden">{t('clients.import.errorsTitle', { count: report.errors.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('clients.import.line')}</th>
                    <th scope="col">{t('clients.import.column')}</th>
                    <th scope="col">{t('clients.import.problem')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.errors.map((err, i) => (
                    <tr key={i}>
                      <td className="num">{err.line}</td>
                      <td>{err.column ?? '—'}</td>
                      <td>{say(err.said)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ) : null}
          {check.rowCount > 0 ? (
            <table className="data import-preview">
              <caption>{t('clients.import.previewTitle', { shown: check.preview.length, total: check.rowCount })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('clients.import.line')}</th>
                  <th scope="col">{t('clients.import.contract')}</th>
                  <th scope="col">{t('clients.import.month')}</th>
                  <th scope="col" className="num">{t('clients.usage.chart.cpuHours')}</th>
                  <th scope="col" className="num">{t('clients.usage.chart.databaseGB')}</th>
                  <th scope="col" className="num">{t('clients.usage.chart.storageGB')}</th>
                </tr>
              </thead>
              <tbody>
                {check.preview.map((r) => (
                  <tr key={r.line}>
                    <td className="num">{num(r.line)}</td>
                    <td>{r.reference}</td>
                    <td>{fmt.month(r.month)}</td>
                    <td className="num">{num(r.cpuHours)}</td>
                    <td className="num">{num(r.databaseGB)}</td>
                    <td className="num">{num(r.storageGB)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {report.errorCount === 0 && check.rowCount > 0 ? <OverwrittenMonths overwritten={overwritten} /> : null}
          {written ? (
            <div className="import-progress" role="status">
              <label htmlFor="write-progress">{t('clients.import.writing', { done: written.written, total: written.total })}</label>
              <progress id="write-progress" max={written.total || 1} value={written.written} />
              <button type="button" className="button" onClick={() => session.current?.cancel()}>{t('clients.import.cancelWrite')}</button>
            </div>
          ) : null}
          <div className="form-actions">
            <button type="button" className="button primary" disabled={blocked} onClick={() => void importRows()}>
              {importing ? t('clients.import.importing', { total: check.rowCount }) : t('clients.import.import')}
            </button>
          </div>
        </>
      ) : null}
    </>
  );
}

/** The stored months the import will replace, per month, before anything is written. */
function OverwrittenMonths({ overwritten }: { overwritten: { months: OverwrittenMonth[]; total: number } | null }) {
  const fmt = useFormat();
  const t = useT();
  if (!overwritten) return <p role="status">{t('clients.import.checkingStored')}</p>;
  if (overwritten.total === 0) return <p className="alert" role="status">{t('clients.import.noneOverwritten')}</p>;
  return (
    <section className="alert warning" aria-labelledby="overwritten-title">
      <h2 id="overwritten-title">{t('clients.import.overwrittenTitle', { count: overwritten.total })}</h2>
      <ul>
        {overwritten.months.map((m) => (
          <li key={m.month}>{t('clients.import.overwrittenMonth', { month: fmt.month(m.month), count: m.contracts })}</li>
        ))}
      </ul>
    </section>
  );
}
