import { formatDateFr, formatMonthFr, yearMonthOf, type IsoDate, type YearMonth } from '../dates';
import { normalizeContractReference } from '../model/contract-identity';
import { normalizeIdentifier, sirenProblem } from '../model/identifiers';
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
export function usageCsvSizeProblem(bytes: number): string | null {
  if (bytes <= USAGE_CSV_MAX_BYTES) return null;
  const mb = (n: number) => (n / (1024 * 1024)).toLocaleString('fr-FR', { maximumFractionDigits: 1 });
  return `Fichier trop volumineux : ${mb(bytes)} Mo, pour ${mb(USAGE_CSV_MAX_BYTES)} Mo au plus. Découpez l’export par mois.`;
}

export interface ImportIssue {
  /** 1-based line of the file. */
  line: number;
  /** Header name of the refused cell; null for a problem with the whole line or file. */
  column: string | null;
  message: string;
}

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

type Resolved = { contract: IndexedContract } | { error: string };

function resolveContract(identifier: string, month: YearMonth | null, index: ReturnType<typeof indexContracts>): Resolved {
  const text = identifier.trim();
  if (!text) return { error: 'Contrat manquant : indiquez la référence du contrat ou le SIREN du client.' };
  const named = index.byReference.get(normalizeContractReference(text));
  if (named && named.length > 1) {
    return { error: `La référence ${text} désigne ${named.length} contrats : rendez les références uniques dans l’application avant d’importer.` };
  }
  const direct = named?.[0] ?? index.byId.get(text);
  if (direct) return { contract: direct };
  const siren = normalizeIdentifier(text);
  if (!/^\d{9}$/.test(siren)) return { error: `Contrat inconnu : « ${text} ».` };
  const problem = sirenProblem(siren);
  if (problem) return { error: problem };
  const ofClient = index.bySiren.get(siren) ?? [];
  if (ofClient.length === 0) return { error: `Aucun client de SIREN ${siren}.` };
  if (ofClient.length === 1) return { contract: ofClient[0]! };
  // Several contracts: the month decides, when it is readable and only one runs then.
  const running = month ? ofClient.filter((c) => runsIn(c, month)) : [];
  if (running.length === 1) return { contract: running[0]! };
  const refs = ofClient.map((c) => c.reference).join(', ');
  return { error: `Le client de SIREN ${siren} a plusieurs contrats (${refs}) : indiquez la référence du contrat.` };
}

function parseMonth(text: string): { month: YearMonth } | { error: string } {
  const value = text.trim();
  if (!/^\d{4}-\d{2}$/.test(value)) return { error: `Mois invalide : « ${value} » (format attendu AAAA-MM, par exemple 2026-10).` };
  const month = Number(value.slice(5));
  if (month < 1 || month > 12) return { error: `Mois invalide : « ${value} » (le mois va de 01 à 12).` };
  return { month: value };
}

const PLAIN_QUANTITY = /^\d+(?:[.,]\d+)?$/;

/** A non-negative decimal with a comma or a point; a message when refused. */
function parseQuantity(text: string): number | string {
  // The usual cell (1,5 or 0.42) is read without trimming or rewriting it.
  if (PLAIN_QUANTITY.test(text)) return Number(text.includes(',') ? text.replace(',', '.') : text);
  const value = text.trim().replace(/[\s\u00a0]/g, '');
  if (!value) return 'Valeur manquante.';
  if (/^-\d/.test(value)) return `Valeur négative refusée : « ${text.trim()} ».`;
  if (!PLAIN_QUANTITY.test(value)) return `Nombre illisible : « ${text.trim()} » (exemple : 1,5).`;
  return Number(value.replace(',', '.'));
}

function checkMonthAgainstContract(month: YearMonth, contract: IndexedContract, todayMonth: YearMonth): string | null {
  if (month > todayMonth) return `Mois à venir : ${formatMonthFr(month)} n’est pas encore écoulé.`;
  if (month < contract.startMonth) {
    return `Le contrat ${contract.reference} commence le ${formatDateFr(contract.startDate)} : pas de consommation en ${formatMonthFr(month)}.`;
  }
  // After the month holding the end date, nothing was consumed (the end date is the contract's last day).
  const end = contract.terminationEffectiveDate;
  if (end && contract.endMonth! < month) {
    return `Le contrat ${contract.reference} est résilié depuis le ${formatDateFr(end)} : pas de consommation en ${formatMonthFr(month)}.`;
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
    addError({ line: 1, column: null, message: `Fichier vide : une ligne d’en-tête est attendue (${USAGE_CSV_COLUMNS.join(doc.separator)}).` });
    return report([]);
  }
  const names = header.cells.map(normalizeHeader);
  const position = {} as Record<UsageCsvColumn, number>;
  const missing = USAGE_CSV_COLUMNS.filter((col) => (position[col] = names.indexOf(col)) < 0);
  if (missing.length > 0) {
    addError({
      line: header.line,
      column: null,
      message: `En-tête incomplet : colonne${missing.length > 1 ? 's' : ''} ${missing.join(', ')} manquante${missing.length > 1 ? 's' : ''} (en-tête attendu : ${USAGE_CSV_COLUMNS.join(doc.separator)}).`,
    });
    return report([]);
  }
  if (doc.unterminatedQuoteLine !== null) {
    addError({ line: doc.unterminatedQuoteLine, column: null, message: 'Guillemet ouvert jamais refermé : la fin du fichier est illisible.' });
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
      const hint = doc.separator === ',' && cells.length > width ? ' Avec le séparateur virgule, un nombre décimal à virgule doit être entre guillemets ("1,5").' : '';
      addError({ line, column: null, message: `La ligne compte ${cells.length} colonnes, l’en-tête en compte ${width}.${hint}` });
      continue;
    }
    const before = errorCount;

    const parsedMonth = parseMonth(cells[position.mois]!);
    if ('error' in parsedMonth) addError({ line, column: 'mois', message: parsedMonth.error });
    const validMonth = 'month' in parsedMonth ? parsedMonth.month : null;
    const resolved = resolveContract(cells[position.contrat]!, validMonth, index);
    if ('error' in resolved) addError({ line, column: 'contrat', message: resolved.error });

    let cpuHours = 0;
    let databaseGB = 0;
    let storageGB = 0;
    for (const [column, key] of QUANTITIES) {
      const q = parseQuantity(cells[position[column]]!);
      if (typeof q === 'string') addError({ line, column, message: q });
      else if (key === 'cpuHours') cpuHours = q;
      else if (key === 'databaseGB') databaseGB = q;
      else storageGB = q;
    }
    if ('contract' in resolved && validMonth) {
      const contract = resolved.contract;
      const problem = checkMonthAgainstContract(validMonth, contract, todayMonth);
      if (problem) addError({ line, column: 'mois', message: problem });
      const key = contract.ordinal * 1e6 + Number(validMonth.slice(0, 4)) * 12 + Number(validMonth.slice(5));
      const first = seen.get(key);
      if (first !== undefined) addError({ line, column: 'mois', message: `Doublon : ${formatMonthFr(validMonth)} du contrat ${contract.reference} figure déjà ligne ${first}.` });
      else seen.set(key, line);
      if (errorCount === before) rows.push({ line, contractId: contract.id, clientId: contract.clientId, month: validMonth, cpuHours, databaseGB, storageGB });
    }
  }
  options.onProgress?.(data.length, data.length);
  if (data.length === 0 && errorCount === 0) {
    addError({ line: header.line, column: null, message: 'Le fichier ne contient aucune ligne de consommation après l’en-tête.' });
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
