/**
 * A small RFC 4180 reader for the files account managers receive: separator
 * `;` (French Excel) or `,` detected from the header line, optional UTF-8 BOM,
 * quoted fields with `""` for a quote and line breaks inside quotes, CRLF or
 * LF. Each record keeps the physical line it starts on, so an error report can
 * say "ligne 7" and the user finds it in a text editor.
 */
export type CsvSeparator = ';' | ',';

export interface CsvRecord {
  /** 1-based physical line where the record starts. */
  line: number;
  cells: string[];
}

export interface CsvDocument {
  separator: CsvSeparator;
  records: CsvRecord[];
  /** Set when a quote is still open at the end of the file (the rest is one broken field). */
  unterminatedQuoteLine: number | null;
}

/**
 * The separator is the one that occurs most often outside quotes in the first
 * line. Why the first line: it is the header, which holds no decimal comma, so
 * `1,5` in the data cannot tip the count towards `,`.
 */
export function detectSeparator(text: string): CsvSeparator {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of stripBom(text)) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ';') semicolons++;
    else if (!quoted && ch === ',') commas++;
  }
  return commas > semicolons ? ',' : ';';
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Reads every record; blank lines are dropped (a trailing newline is not a
 * record). A field is cut out of the text with `slice` between two
 * separators, not built character by character: a 145,000-line export is
 * read without millions of intermediate strings.
 */
export function readCsv(text: string, separator: CsvSeparator = detectSeparator(text)): CsvDocument {
  const src = stripBom(text);
  const n = src.length;
  const sep = separator.charCodeAt(0);
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let line = 1;
  let recordLine = 1;
  let unterminatedQuoteLine: number | null = null;
  let i = 0;

  const endRecord = () => {
    if (cells.length > 1 || cells[0]!.trim() !== '') records.push({ line: recordLine, cells });
    cells = [];
  };

  for (;;) {
    // One field: unquoted runs and quoted runs ("" standing for a quote, line breaks kept) up to a separator or a line break.
    let field = '';
    for (;;) {
      const end = fieldEnd(src, i, sep);
      field += src.slice(i, end);
      i = end;
      if (i >= n || src.charCodeAt(i) !== QUOTE) break;
      const quoteLine = line;
      let from = i + 1;
      for (;;) {
        const close = src.indexOf('"', from);
        if (close < 0) {
          field += src.slice(from);
          unterminatedQuoteLine = quoteLine;
          i = n;
          break;
        }
        line += countNewlines(src, from, close);
        field += src.slice(from, close);
        if (src.charCodeAt(close + 1) !== QUOTE) {
          i = close + 1;
          break;
        }
        field += '"';
        from = close + 2;
      }
    }
    cells.push(field);
    if (i >= n) break;
    const c = src.charCodeAt(i);
    if (c === sep) {
      i++;
      if (i >= n) {
        cells.push('');
        break;
      }
      continue;
    }
    i += c === CR && src.charCodeAt(i + 1) === LF ? 2 : 1;
    endRecord();
    line++;
    recordLine = line;
    if (i >= n) break;
  }
  if (cells.length > 0) endRecord();
  return { separator, records, unterminatedQuoteLine };
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Index of the first separator, line break or quote from `from` (or the end). */
function fieldEnd(src: string, from: number, sep: number): number {
  let i = from;
  for (; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (c === sep || c === LF || c === CR || c === QUOTE) break;
  }
  return i;
}

function countNewlines(src: string, from: number, to: number): number {
  let count = 0;
  for (let i = src.indexOf('\n', from); i >= 0 && i < to; i = src.indexOf('\n', i + 1)) count++;
  return count;
}
