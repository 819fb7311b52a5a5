import { yearMonthOf, type IsoDate, type YearMonth } from '../dates';
import { message, messageFr, type Message } from '../messages';
import { normalizeContractReference } from '../model/contract-identity';
import { normalizeIdentifier, sirenProblemMessage } from '../model/identifiers';
import type { UsageIngestRow } from '../sync/usage-ingest';
import { readCsv, type CsvSeparator } from './csv-reader';

/**
 * Usage CSV import: the hosting platform's monthly export (issue 4).
 *
 * Format — one header row, then one row per contract and month:
 *
 *     contrat;mois;cpu_heures;base_go;stockage_go
 *     CT-2024-00001;2026-10;0,42;0,31;0,8
 *     732829320;2026-10;1.2;0.5;4
 *
 * - `contrat`: the contract reference (CT-2024-00001) or its identifier, or the
 *   client's SIREN when that client has a single contract running that month;
 * - `mois`: the calendar month, AAAA-MM;
 * - `cpu_heures`: CPU hours consumed in the month;
 * - `base_go`: peak database size, GB;
 * - `stockage_go`: peak storage size, GB.
 *
 * Separator `;` or `,` (detected from the header), decimal comma or point, fields
 * may be quoted (a decimal comma in a `,` file must be), UTF-8 with or without
 * BOM. Header names are matched ignoring case, accents and surrounding spaces;
 * columns may come in any order and extra columns are ignored. A month sent
 * again replaces the stored one (src-core/sync usage ingest semantics).
 *
 * The parser never writes: it returns the valid rows and a French report of every
 * refused cell. All-or-nothing is the caller's rule — nothing is written while
 * the report holds an error.
 */
export const USAGE_CSV_COLUMNS = ['contrat', 'mois', 'cpu_heures', 'base_go', 'stockage_go'] as const;
export type UsageCsvColumn = (typeof USAGE_CSV_COLUMNS)[number];

/** A contract the file may refer to, with what is needed to check a month against it. */
export interface UsageImportContract {
  id: string;
  reference: string;
  clientId: string;
  /** The client's SIREN, so a row may name the client instead of the contract. */
  clientSiren?: string;
  startDate: IsoDate;
  terminationEffectiveDate?: IsoDate;
}

export interface UsageImportOptions {
  contracts: readonly UsageImportContract[];
  /** Months after today's month are refused (the platform cannot have measured them yet). */
  today: IsoDate;
  /** Called every PROGRESS_EVERY data lines with the lines checked so far (a worker reports it to the screen). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * The largest file read: stated on the screen before a file is chosen, and
 * checked on its size before reading it. The platform's export of a
 * 10,000-client portfolio over 14 months (145,000 lines) is about 5 MB.
 */
export const USAGE_CSV_MAX_BYTES = 20 * 1024 * 1024;

/** The report lists this many errors at most; `errorCount` counts them all. */
export const MAX_REPORTED_ERRORS = 1000;

export const PROGRESS_EVERY = 5000;

/** Why a file is not read at all (too large), or null. */
export function usageCsvSizeProblem(bytes: number): Message | null {
  if (bytes <= USAGE_CSV_MAX_BYTES) return null;
  const mb = (n: number) => Math.round((n / (1024 * 1024)) * 10) / 10;
  return message('usageCsv.tooLarge', { size: mb(bytes), max: mb(USAGE_CSV_MAX_BYTES) });
}

export interface ImportIssue {
  /** 1-based line of the file. */
  line: number;
  /** Header name of the refused cell; null for a problem with the whole line or file. */
  column: string | null;
  /** The French of `said`. */
  message: string;
  /** The problem as a code and its values, for the screen's language (issue 19). */
  said: Message;
}

/** An issue of the report, from its message. */
const issueOf = (line: number, column: string | null, said: Message): ImportIssue => ({ line, column, message: messageFr(said), said });

export interface UsageImportRow extends UsageIngestRow {
  clientId: string;
  line: number;
}

export interface UsageImportReport {
  separator: CsvSeparator;
  /** Data lines read (the header excluded). */
  lineCount: number;
  rows: UsageImportRow[];
  /** The first MAX_REPORTED_ERRORS errors, by line. */
  errors: ImportIssue[];
  /** Every error found, listed or not. */
  errorCount: number;
}

const normalizeHeader = (name: string) =>
  name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim().toLowerCase().replace(/[\s-]+/g, '_');

/** A contract of the file's index: its start and end months computed once, an ordinal for the duplicate check. */
interface IndexedContract extends UsageImportContract {
  ordinal: number;
  startMonth: YearMonth;
  endMonth: YearMonth | null;
}

/**
 * Contracts by id, by normalized reference and by client SIREN. A reference
 * two contracts share (kept from before references were unique) names no
 * contract: the file could not say whose usage a line is.
 */
function indexContracts(contracts: readonly UsageImportContract[]) {
  const byId = new Map<string, IndexedContract>();
  const byReference = new Map<string, IndexedContract[]>();
  const bySiren = new Map<string, IndexedContract[]>();
  const add = (map: Map<string, IndexedContract[]>, key: string, c: IndexedContract) => {
    const list = map.get(key);
    if (list) list.push(c);
    else map.set(key, [c]);
  };
  contracts.forEach((contract, ordinal) => {
    const c = { ...contract, ordinal, startMonth: yearMonthOf(contract.startDate), endMonth: contract.terminationEffectiveDate ? yearMonthOf(contract.terminationEffectiveDate) : null };
    byId.set(c.id, c);
    add(byReference, normalizeContractReference(c.reference), c);
    if (c.clientSiren) add(bySiren, c.clientSiren, c);
  });
  return { byId, byReference, bySiren };
}

const runsIn = (c: IndexedContract, month: YearMonth) => c.startMonth <= month && (!c.endMonth || c.endMonth >= month);

type Resolved = { contract: IndexedContract } | { error: Message };

function resolveContract(identifier: string, month: YearMonth | null, index: ReturnType<typeof indexContracts>): Resolved {
  const text = identifier.trim();
  if (!text) return { error: message('usageCsv.contractMissing') };
  const named = index.byReference.get(normalizeContractReference(text));
  if (named && named.length > 1) {
    return { error: message('usageCsv.referenceShared', { reference: text, count: named.length }) };
  }
  const direct = named?.[0] ?? index.byId.get(text);
  if (direct) return { contract: direct };
  const siren = normalizeIdentifier(text);
  if (!/^\d{9}$/.test(siren)) return { error: message('usageCsv.contractUnknown', { text }) };
  const problem = sirenProblemMessage(siren);
  if (problem) return { error: problem };
  const ofClient = index.bySiren.get(siren) ?? [];
  if (ofClient.length === 0) return { error: message('usageCsv.sirenUnknown', { siren }) };
  if (ofClient.length === 1) return { contract: ofClient[0]! };
  // Several contracts: the month decides, when it is readable and only one runs then.
  const running = month ? ofClient.filter((c) => runsIn(c, month)) : [];
  if (running.length === 1) return { contract: running[0]! };
  const refs = ofClient.map((c) => c.reference).join(', ');
  return { error: message('usageCsv.sirenSeveral', { siren, references: refs }) };
}

function parseMonth(text: string): { month: YearMonth } | { error: Message } {
  const value = text.trim();
  if (!/^\d{4}-\d{2}$/.test(value)) return { error: message('usageCsv.monthFormat', { value }) };
  const month = Number(value.slice(5));
  if (month < 1 || month > 12) return { error: message('usageCsv.monthRange', { value }) };
  return { month: value };
}

const PLAIN_QUANTITY = /^\d+(?:[.,]\d+)?$/;

/** A non-negative decimal with a comma or a point; a message when refused. */
function parseQuantity(text: string): number | Message {
  // The usual cell (1,5 or 0.42) is read without trimming or rewriting it.
  if (PLAIN_QUANTITY.test(text)) return Number(text.includes(',') ? text.replace(',', '.') : text);
  const value = text.trim().replace(/[\s\u00a0]/g, '');
  if (!value) return message('usageCsv.valueMissing');
  if (/^-\d/.test(value)) return message('usageCsv.negative', { value: text.trim() });
  if (!PLAIN_QUANTITY.test(value)) return message('usageCsv.unreadable', { value: text.trim() });
  return Number(value.replace(',', '.'));
}

function checkMonthAgainstContract(month: YearMonth, contract: IndexedContract, todayMonth: YearMonth): Message | null {
  if (month > todayMonth) return message('usageCsv.futureMonth', { month: { month } });
  if (month < contract.startMonth) {
    return message('usageCsv.beforeStart', { reference: contract.reference, start: { date: contract.startDate }, month: { month } });
  }
  // After the month holding the end date, nothing was consumed (the end date is the contract's last day).
  const end = contract.terminationEffectiveDate;
  if (end && contract.endMonth! < month) {
    return message('usageCsv.afterEnd', { reference: contract.reference, end: { date: end }, month: { month } });
  }
  return null;
}

/** The quantity columns and the fields they fill. */
const QUANTITIES = [['cpu_heures', 'cpuHours'], ['base_go', 'databaseGB'], ['stockage_go', 'storageGB']] as const;

export function parseUsageCsv(text: string, options: UsageImportOptions): UsageImportReport {
  const doc = readCsv(text);
  const errors: ImportIssue[] = [];
  let errorCount = 0;
  const [header, ...data] = doc.records;
  const report = (rows: UsageImportRow[]): UsageImportReport => ({
    separator: doc.separator,
    lineCount: data.length,
    rows,
    errors: errors.sort((a, b) => a.line - b.line).slice(0, MAX_REPORTED_ERRORS),
    errorCount,
  });
  /** Keeps the first errors only (one more than listed, for the unterminated quote's line order); counts them all. */
  const addError = (issue: ImportIssue) => {
    errorCount++;
    if (errors.length <= MAX_REPORTED_ERRORS) errors.push(issue);
  };
  if (!header) {
    addError(issueOf(1, null, message('usageCsv.empty', { header: USAGE_CSV_COLUMNS.join(doc.separator) })));
    return report([]);
  }
  const names = header.cells.map(normalizeHeader);
  const position = {} as Record<UsageCsvColumn, number>;
  const missing = USAGE_CSV_COLUMNS.filter((col) => (position[col] = names.indexOf(col)) < 0);
  if (missing.length > 0) {
    addError(issueOf(header.line, null, message('usageCsv.headerMissing', { count: missing.length, columns: missing.join(', '), header: USAGE_CSV_COLUMNS.join(doc.separator) })));
    return report([]);
  }
  if (doc.unterminatedQuoteLine !== null) {
    addError(issueOf(doc.unterminatedQuoteLine, null, message('usageCsv.quote')));
  }

  const index = indexContracts(options.contracts);
  const todayMonth = yearMonthOf(options.today);
  // Contract and month of each valid line, as one number (ordinal × 10⁶ + year × 12 + month): no key string per line.
  const seen = new Map<number, number>();
  const rows: UsageImportRow[] = [];
  const width = header.cells.length;
  for (let i = 0; i < data.length; i++) {
    if (options.onProgress && i % PROGRESS_EVERY === 0) options.onProgress(i, data.length);
    const { line, cells } = data[i]!;
    if (cells.length !== width) {
      const hint = doc.separator === ',' && cells.length > width ? { message: message('usageCsv.widthHint') } : '';
      addError(issueOf(line, null, message('usageCsv.width', { cells: cells.length, width, hint })));
      continue;
    }
    const before = errorCount;

    const parsedMonth = parseMonth(cells[position.mois]!);
    if ('error' in parsedMonth) addError(issueOf(line, 'mois', parsedMonth.error));
    const validMonth = 'month' in parsedMonth ? parsedMonth.month : null;
    const resolved = resolveContract(cells[position.contrat]!, validMonth, index);
    if ('error' in resolved) addError(issueOf(line, 'contrat', resolved.error));

    let cpuHours = 0;
    let databaseGB = 0;
    let storageGB = 0;
    for (const [column, key] of QUANTITIES) {
      const q = parseQuantity(cells[position[column]]!);
      if (typeof q !== 'number') addError(issueOf(line, column, q));
      else if (key === 'cpuHours') cpuHours = q;
      else if (key === 'databaseGB') databaseGB = q;
      else storageGB = q;
    }
    if ('contract' in resolved && validMonth) {
      const contract = resolved.contract;
      const problem = checkMonthAgainstContract(validMonth, contract, todayMonth);
      if (problem) addError(issueOf(line, 'mois', problem));
      const key = contract.ordinal * 1e6 + Number(validMonth.slice(0, 4)) * 12 + Number(validMonth.slice(5));
      const first = seen.get(key);
      if (first !== undefined) addError(issueOf(line, 'mois', message('usageCsv.duplicate', { month: { month: validMonth }, reference: contract.reference, first: String(first) })));
      else seen.set(key, line);
      if (errorCount === before) rows.push({ line, contractId: contract.id, clientId: contract.clientId, month: validMonth, cpuHours, databaseGB, storageGB });
    }
  }
  options.onProgress?.(data.length, data.length);
  if (data.length === 0 && errorCount === 0) {
    addError(issueOf(header.line, null, message('usageCsv.noLine')));
  }
  return report(rows);
}

/** A month the import replaces: how many contracts already have it stored. */
export interface OverwrittenMonth {
  month: YearMonth;
  contracts: number;
}

/**
 * The stored months an import will replace (a month sent again replaces the
 * stored one), per month, newest first — shown before anything is written.
 * `stored` gives the months a contract already has.
 */
export function overwrittenMonths(rows: readonly { contractId: string; month: YearMonth }[], stored: ReadonlyMap<string, ReadonlySet<YearMonth>>): { months: OverwrittenMonth[]; total: number } {
  const perMonth = new Map<YearMonth, number>();
  let total = 0;
  for (const row of rows) {
    if (!stored.get(row.contractId)?.has(row.month)) continue;
    perMonth.set(row.month, (perMonth.get(row.month) ?? 0) + 1);
    total++;
  }
  const months = [...perMonth].map(([month, contracts]) => ({ month, contracts })).sort((a, b) => (a.month < b.month ? 1 : -1));
  return { months, total };
}
