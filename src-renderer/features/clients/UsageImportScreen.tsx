import { useMemo, useState } from 'react';
import { formatMonthFr, parseUsageCsv, USAGE_CSV_COLUMNS, type UsageImportContract, type UsageImportReport } from '../../../src-core';
import { useClients, useContracts, useRepositories } from '../../data';
import { useT } from '../../i18n';
import { PageHeader } from '../../shell/PageHeader';
import { href } from '../../shell/router';
import { LOCAL_ACTOR } from '../../components/actor';
import { TextField } from '../../components/FormField';
import { parisToday } from '../../components/today';

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

type Outcome = { kind: 'done'; rows: number; contracts: number } | { kind: 'failed'; message: string };

/**
 * Usage CSV import: choose the platform's monthly export, read the preview and
 * the row-by-row report, then import. All or nothing: "Importer" stays disabled
 * while any row is refused, and the rows are written by one transaction
 * (`usage.importMonths`), so a row the database refuses writes nothing either.
 */
export function UsageImportScreen() {
  const t = useT();
  const repos = useRepositories();
  const contracts = useImportContracts();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [importing, setImporting] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const report: UsageImportReport | null = useMemo(
    () => (file && contracts ? parseUsageCsv(file.text, { contracts, today: parisToday() }) : null),
    [file, contracts],
  );
  const referenceOf = useMemo(() => new Map((contracts ?? []).map((c) => [c.id, c.reference])), [contracts]);

  const choose = async (selected: File | undefined) => {
    setOutcome(null);
    setFile(selected ? { name: selected.name, text: await selected.text() } : null);
  };

  const importRows = async () => {
    if (!report || report.errors.length > 0) return;
    setImporting(true);
    try {
      const rows = report.rows.map(({ contractId, month, cpuHours, databaseGB, storageGB }) => ({ contractId, month, cpuHours, databaseGB, storageGB }));
      await repos.usage.importMonths(rows, LOCAL_ACTOR);
      setOutcome({ kind: 'done', rows: rows.length, contracts: new Set(rows.map((r) => r.contractId)).size });
      setFile(null);
    } catch (e) {
      setOutcome({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
    } finally {
      setImporting(false);
    }
  };

  const blocked = !report || report.errors.length > 0 || report.rows.length === 0 || importing;
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
      </section>
      <div className="form">
        <TextField label={t('clients.import.chooseFile')} type="file" accept=".csv,text/csv" onChange={(e) => void choose(e.target.files?.[0])} />
      </div>
      {outcome?.kind === 'done' ? <p className="alert success" role="status">{t('clients.import.done', { rows: outcome.rows, contracts: outcome.contracts })}</p> : null}
      {outcome?.kind === 'failed' ? <p className="alert error" role="alert">{t('clients.import.failed', { message: outcome.message })}</p> : null}
      {report ? (
        <>
          <p className="result-count" role="status">
            {t('clients.import.summary', { name: file?.name ?? '', lines: report.lineCount, valid: report.rows.length, errors: report.errors.length })}
          </p>
          {report.errors.length > 0 ? (
            <section className="alert error import-errors" aria-labelledby="errors-title">
              <h2 id="errors-title">{t('clients.import.errorsTitle', { count: report.errors.length })}</h2>
              <p>{t('clients.import.nothingWritten')}</p>
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
