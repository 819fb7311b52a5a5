import { useEffect, useMemo, useRef, useState } from 'react';
import {
  formatMonthFr, overwrittenMonths, USAGE_CSV_COLUMNS, USAGE_CSV_MAX_BYTES, usageCsvSizeProblem,
  type OverwrittenMonth, type UsageImportContract, type UsageImportReport,
} from '../../../src-core';
import { useClients, useContracts, useRepositories } from '../../data';
import { useT } from '../../i18n';
import { PageHeader } from '../../shell/PageHeader';
import { href } from '../../shell/router';
import { currentActor } from '../../components/actor';
import { TextField } from '../../components/FormField';
import { parisToday } from '../../components/today';
import type { UsageParseMessage, UsageParseRequest } from './usage-import-protocol';

const PREVIEW_ROWS = 50;

/** The contracts a file may name, with their client's SIREN (src-core resolves the identifiers). */
function useImportContracts(): UsageImportContract[] | undefined {
  const clients = useClients();
  const contracts = useContracts();
  return useMemo(() => {
    if (!clients || !contracts) return undefined;
    const siren = new Map(clients.map((c) => [c.id, c.siren]));
    return contracts.map((c) => ({
      id: c.id, reference: c.reference, clientId: c.clientId, clientSiren: siren.get(c.clientId), startDate: c.startDate,
      terminationEffectiveDate: c.terminationEffectiveDate,
    }));
  }, [clients, contracts]);
}

type Outcome = { kind: 'done'; rows: number; contracts: number } | { kind: 'failed'; message: string } | { kind: 'cancelled' };

/** Where the chosen file is: being read (with progress), read (with its report and the months it replaces), or refused unread. */
type Reading =
  | { stage: 'reading'; name: string; done: number; total: number }
  | { stage: 'read'; name: string; report: UsageImportReport; overwritten: { months: OverwrittenMonth[]; total: number } | null }
  | { stage: 'refused'; name: string; message: string };

/**
 * Usage CSV import: choose the platform's monthly export, read the preview and
 * the row-by-row report, then import. The file is read and checked by a Web
 * Worker (progress, cancel), refused unread above the size limit; the months
 * already stored that it would replace are shown before anything is written.
 * All or nothing: "Importer" stays disabled while any row is refused, and the
 * rows are written by one transaction (`usage.importMonths`).
 */
export function UsageImportScreen() {
  const t = useT();
  const repos = useRepositories();
  const contracts = useImportContracts();
  const [reading, setReading] = useState<Reading | null>(null);
  const [importing, setImporting] = useState(false);
  const [written, setWritten] = useState<{ written: number; total: number } | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const worker = useRef<Worker | null>(null);
  const referenceOf = useMemo(() => new Map((contracts ?? []).map((c) => [c.id, c.reference])), [contracts]);
  const report = reading?.stage === 'read' ? reading.report : null;

  const stopWorker = () => {
    worker.current?.terminate();
    worker.current = null;
  };
  useEffect(() => stopWorker, []);

  const choose = (selected: File | undefined) => {
    stopWorker();
    setOutcome(null);
    if (!selected || !contracts) return setReading(null);
    const tooLarge = usageCsvSizeProblem(selected.size);
    if (tooLarge) return setReading({ stage: 'refused', name: selected.name, message: tooLarge });
    setReading({ stage: 'reading', name: selected.name, done: 0, total: 0 });
    const parser = new Worker(new URL('./usage-import.worker.ts', import.meta.url), { type: 'module' });
    worker.current = parser;
    const rows: UsageImportReport['rows'] = [];
    parser.onmessage = (event: MessageEvent<UsageParseMessage>) => {
      const message = event.data;
      if (message.kind === 'progress') setReading({ stage: 'reading', name: selected.name, done: message.done, total: message.total });
      else if (message.kind === 'rows') {
        for (const row of message.rows) rows.push(row);
      } else if (message.kind === 'failed') {
        stopWorker();
        setReading({ stage: 'refused', name: selected.name, message: message.message });
      } else {
        stopWorker();
        const report = { ...message.report, rows };
        setReading({ stage: 'read', name: selected.name, report, overwritten: null });
        if (report.errorCount === 0) void showOverwritten(selected.name, report);
      }
    };
    parser.onerror = (event) => {
      stopWorker();
      setReading({ stage: 'refused', name: selected.name, message: event.message || t('clients.import.workerFailed') });
    };
    const request: UsageParseRequest = { file: selected, contracts, today: parisToday() };
    parser.postMessage(request);
  };

  /** Reads which of the file's months are already stored, to say what the import replaces. */
  const showOverwritten = async (name: string, parsed: UsageImportReport) => {
    const stored = await repos.usage.storedMonths([...new Set(parsed.rows.map((r) => r.contractId))]);
    setReading((current) => (current?.stage === 'read' && current.report === parsed ? { stage: 'read', name, report: parsed, overwritten: overwrittenMonths(parsed.rows, stored) } : current));
  };

  const cancel = () => {
    stopWorker();
    setReading(null);
    setOutcome({ kind: 'cancelled' });
  };

  const importRows = async () => {
    if (!report || report.errorCount > 0) return;
    setImporting(true);
    try {
      const rows = report.rows.map(({ contractId, clientId, month, cpuHours, databaseGB, storageGB }) => ({ contractId, clientId, month, cpuHours, databaseGB, storageGB }));
      await repos.usage.importMonths(rows, currentActor(), setWritten);
      setOutcome({ kind: 'done', rows: rows.length, contracts: new Set(rows.map((r) => r.contractId)).size });
      setReading(null);
    } catch (e) {
      setOutcome({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
    } finally {
      setImporting(false);
      setWritten(null);
    }
  };

  const overwritten = reading?.stage === 'read' ? reading.overwritten : null;
  const blocked = !report || report.errorCount > 0 || report.rows.length === 0 || !overwritten || importing;
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
        <p className="hint">{t('clients.import.sizeLimit', { size: formatMegabytes(USAGE_CSV_MAX_BYTES) })}</p>
      </section>
      <div className="form">
        <TextField label={t('clients.import.chooseFile')} type="file" accept=".csv,text/csv" disabled={!contracts || importing} onChange={(e) => choose(e.target.files?.[0])} />
      </div>
      {outcome?.kind === 'done' ? <p className="alert success" role="status">{t('clients.import.done', { rows: outcome.rows, contracts: outcome.contracts })}</p> : null}
      {outcome?.kind === 'failed' ? <p className="alert error" role="alert">{t('clients.import.failed', { message: outcome.message })}</p> : null}
      {outcome?.kind === 'cancelled' ? <p className="alert" role="status">{t('clients.import.cancelled')}</p> : null}
      {reading?.stage === 'refused' ? <p className="alert error" role="alert">{t('clients.import.unread', { name: reading.name, message: reading.message })}</p> : null}
      {reading?.stage === 'reading' ? (
        <div className="import-progress" role="status">
          <label htmlFor="import-progress">{reading.total ? t('clients.import.reading', { name: reading.name, done: reading.done.toLocaleString('fr-FR'), total: reading.total.toLocaleString('fr-FR') }) : t('clients.import.opening', { name: reading.name })}</label>
          <progress id="import-progress" max={reading.total || 1} value={reading.done} />
          <button type="button" className="button" onClick={cancel}>{t('clients.import.cancel')}</button>
        </div>
      ) : null}
      {report ? (
        <>
          <p className="result-count" role="status">
            {t('clients.import.summary', { name: reading?.name ?? '', lines: report.lineCount, valid: report.rows.length, errors: report.errorCount })}
          </p>
          {report.errorCount > 0 ? (
            <section className="alert error import-errors" aria-labelledby="errors-title">
              <h2 id="errors-title">{t('clients.import.errorsTitle', { count: report.errorCount })}</h2>
              <p>{t('clients.import.nothingWritten')}</p>
              {report.errorCount > report.errors.length ? <p>{t('clients.import.errorsCapped', { shown: report.errors.length.toLocaleString('fr-FR'), count: report.errorCount.toLocaleString('fr-FR') })}</p> : null}
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
                      <td>{err.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ) : null}
          {report.rows.length > 0 ? (
            <table className="data import-preview">
              <caption>{t('clients.import.previewTitle', { shown: Math.min(PREVIEW_ROWS, report.rows.length), total: report.rows.length })}</caption>
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
                {report.rows.slice(0, PREVIEW_ROWS).map((r) => (
                  <tr key={r.line}>
                    <td className="num">{r.line}</td>
                    <td>{referenceOf.get(r.contractId)}</td>
                    <td>{formatMonthFr(r.month)}</td>
                    <td className="num">{String(r.cpuHours).replace('.', ',')}</td>
                    <td className="num">{String(r.databaseGB).replace('.', ',')}</td>
                    <td className="num">{String(r.storageGB).replace('.', ',')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {report.errorCount === 0 && report.rows.length > 0 ? <OverwrittenMonths overwritten={overwritten} /> : null}
          {written ? (
            <div className="import-progress" role="status">
              <label htmlFor="write-progress">{t('clients.import.writing', { done: written.written.toLocaleString('fr-FR'), total: written.total.toLocaleString('fr-FR') })}</label>
              <progress id="write-progress" max={written.total || 1} value={written.written} />
            </div>
          ) : null}
          <div className="form-actions">
            <button type="button" className="button primary" disabled={blocked} onClick={() => void importRows()}>
              {importing ? t('clients.import.importing', { total: report.rows.length }) : t('clients.import.import')}
            </button>
          </div>
        </>
      ) : null}
    </>
  );
}

const formatMegabytes = (bytes: number) => (bytes / (1024 * 1024)).toLocaleString('fr-FR', { maximumFractionDigits: 1 });

/** The stored months the import will replace, per month, before anything is written. */
function OverwrittenMonths({ overwritten }: { overwritten: { months: OverwrittenMonth[]; total: number } | null }) {
  const t = useT();
  if (!overwritten) return <p role="status">{t('clients.import.checkingStored')}</p>;
  if (overwritten.total === 0) return <p className="alert" role="status">{t('clients.import.noneOverwritten')}</p>;
  return (
    <section className="alert warning" aria-labelledby="overwritten-title">
      <h2 id="overwritten-title">{t('clients.import.overwrittenTitle', { count: overwritten.total.toLocaleString('fr-FR') })}</h2>
      <ul>
        {overwritten.months.map((m) => (
          <li key={m.month}>{t('clients.import.overwrittenMonth', { month: formatMonthFr(m.month), count: m.contracts.toLocaleString('fr-FR') })}</li>
        ))}
      </ul>
    </section>
  );
}
