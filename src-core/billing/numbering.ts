import { compareDates, parseIsoDate, type IsoDate } from '../dates';
import { message, refusalError, type Message } from '../messages';

/**
 * Gapless numbering (CGI art. 242 nonies A: "numérotation continue et
 * chronologique", no gap, no reuse). Drafts have no number; issuing takes the
 * next number of a series. A series is one prefix and one year, reset each
 * year: central `F-2026-000123`, or a laptop's own series granted by the
 * central API `F-2026-L01-0042`; credit notes `AV-…` alike. The state is plain
 * data so that the server and the laptops apply the same rules to it.
 */
export type SeriesPrefix = 'F' | 'AV';

export interface NumberingSeries {
  prefix: SeriesPrefix;
  year: number;
  /** Absent for the central series. */
  deviceCode?: string;
  /** 0 before the first document. */
  lastNumber: number;
  /** Date of the last document: numbers must also follow the dates. */
  lastIssueDate?: IsoDate;
}

export interface DocumentNumber {
  prefix: SeriesPrefix;
  year: number;
  deviceCode?: string;
  number: number;
}

/** Upper-case letter then 1–9 letters or digits ("L01", "PORTABLE2"): a letter first tells it from a number. */
const DEVICE_CODE = /^[A-Z][A-Z0-9]{1,9}$/;
const DOCUMENT_NUMBER = /^(F|AV)-(\d{4})-(?:([A-Z][A-Z0-9]{1,9})-(\d{4})|(\d{6}))$/;

const violation = (said: Message) => refusalError('NUMBERING_VIOLATION', said);

/** Last number a series can hold: 6 digits centrally, 4 on a device. */
export function seriesCapacity(series: { deviceCode?: string }): number {
  return series.deviceCode === undefined ? 999_999 : 9_999;
}

/** "F-2026" or "F-2026-L01": the name of a series in messages and as a key. */
export function seriesName(series: { prefix: SeriesPrefix; year: number; deviceCode?: string }): string {
  return [series.prefix, String(series.year), ...(series.deviceCode === undefined ? [] : [series.deviceCode])].join('-');
}

function assertSeriesIdentity(series: { prefix: string; year: number; deviceCode?: string }): void {
  if (series.prefix !== 'F' && series.prefix !== 'AV') {
    throw refusalError('INVALID_SERIES', message('refusal.series.prefix', { prefix: String(series.prefix) }));
  }
  if (!Number.isInteger(series.year) || series.year < 1000 || series.year > 9999) {
    throw refusalError('INVALID_SERIES', message('refusal.series.year', { year: String(series.year) }));
  }
  if (series.deviceCode !== undefined && !DEVICE_CODE.test(series.deviceCode)) {
    throw refusalError('INVALID_SERIES', message('refusal.series.deviceCode', { code: series.deviceCode }));
  }
}

/** A new, empty series. */
export function startSeries(prefix: SeriesPrefix, year: number, deviceCode?: string): NumberingSeries {
  const series = deviceCode === undefined ? { prefix, year, lastNumber: 0 } : { prefix, year, deviceCode, lastNumber: 0 };
  assertSeriesIdentity(series);
  return series;
}

export function formatDocumentNumber(doc: DocumentNumber): string {
  assertSeriesIdentity(doc);
  const capacity = seriesCapacity(doc);
  if (!Number.isInteger(doc.number) || doc.number < 1 || doc.number > capacity) {
    throw refusalError('INVALID_SERIES', message('refusal.series.outOfRange', { series: seriesName(doc), number: String(doc.number), capacity: String(capacity) }));
  }
  return `${seriesName(doc)}-${String(doc.number).padStart(String(capacity).length, '0')}`;
}

export function parseDocumentNumber(text: string): DocumentNumber {
  const m = typeof text === 'string' ? DOCUMENT_NUMBER.exec(text) : null;
  const number = Number(m?.[4] ?? m?.[5]);
  if (!m || number === 0) {
    throw refusalError('INVALID_SERIES', message('refusal.series.numberFormat', { text: String(text) }));
  }
  const base = { prefix: m[1] as SeriesPrefix, year: Number(m[2]), number };
  return m[3] === undefined ? base : { ...base, deviceCode: m[3] };
}

export function isValidDocumentNumber(text: string): boolean {
  try {
    parseDocumentNumber(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Records `number`, issued on `issueDate`, as the next document of the series
 * (a number made here, or one a laptop issued offline and now syncs). Refuses
 * another series or year, a reused or skipped number, a date before the last.
 */
export function acceptIssuedNumber(series: NumberingSeries, number: string, issueDate: IsoDate): NumberingSeries {
  assertSeriesIdentity(series);
  const doc = parseDocumentNumber(number);
  const name = seriesName(series);
  const { year } = parseIsoDate(issueDate);
  if (seriesName(doc) !== name) throw violation(message('refusal.numbering.otherSeries', { number, series: name }));
  if (year !== series.year) {
    throw violation(message('refusal.numbering.otherYear', { series: name, year: String(series.year), date: { date: issueDate } }));
  }
  if (doc.number <= series.lastNumber) throw violation(message('refusal.numbering.reused', { number }));
  if (doc.number > series.lastNumber + 1) {
    throw violation(message('refusal.numbering.gap', { number, count: doc.number - series.lastNumber - 1, series: name }));
  }
  if (series.lastIssueDate !== undefined && compareDates(issueDate, series.lastIssueDate) < 0) {
    throw violation(message('refusal.numbering.beforeLast', { date: { date: issueDate }, series: name, last: { date: series.lastIssueDate } }));
  }
  return { ...series, lastNumber: doc.number, lastIssueDate: issueDate };
}

/** Issues the next number of the series for a document dated `issueDate`. */
export function allocateNumber(series: NumberingSeries, issueDate: IsoDate): { number: string; series: NumberingSeries } {
  assertSeriesIdentity(series);
  if (series.lastNumber >= seriesCapacity(series)) {
    throw violation(message('refusal.numbering.exhausted', { series: seriesName(series), count: series.lastNumber }));
  }
  const number = formatDocumentNumber({ ...series, number: series.lastNumber + 1 });
  return { number, series: acceptIssuedNumber(series, number, issueDate) };
}

/**
 * Checks that the issued numbers of one series run 1, 2, 3… without gap or
 * duplicate, in any order. Returns the problems as messages; none means continuous.
 */
export function checkContinuity(numbers: readonly string[]): Message[] {
  const errors: Message[] = [];
  const docs = numbers.flatMap((text) => {
    if (isValidDocumentNumber(text)) return [parseDocumentNumber(text)];
    errors.push(message('refusal.continuity.invalid', { text }));
    return [];
  });
  const first = docs[0];
  if (!first) return errors;
  const name = seriesName(first);
  const inSeries = docs.filter((d) => {
    if (seriesName(d) === name) return true;
    errors.push(message('refusal.continuity.otherSeries', { number: formatDocumentNumber(d), series: name }));
    return false;
  });
  const sorted = inSeries.map((d) => d.number).sort((a, b) => a - b);
  let previous = 0;
  for (const n of sorted) {
    const label = (k: number) => formatDocumentNumber({ ...first, number: k });
    if (n === previous) errors.push(message('refusal.continuity.duplicate', { number: label(n) }));
    else if (n === previous + 2) errors.push(message('refusal.continuity.gap', { number: label(previous + 1) }));
    else if (n > previous + 2) errors.push(message('refusal.continuity.gapRange', { from: label(previous + 1), to: label(n - 1) }));
    previous = n;
  }
  return errors;
}
