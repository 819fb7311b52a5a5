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

/** Reads every record; blank lines are dropped (a trailing newline is not a record). */
export function readCsv(text: string, separator: CsvSeparator = detectSeparator(text)): CsvDocument {
  const src = stripBom(text);
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 0;

  const endRecord = () => {
    cells.push(field);
    if (cells.length > 1 || cells[0]!.trim() !== '') records.push({ line: recordLine, cells });
    cells = [];
    field = '';
  };

  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
      quoteLine = line;
    } else if (ch === separator) {
      cells.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += ch;
    }
  }
  if (field !== '' || cells.length > 0) endRecord();
  return { separator, records, unterminatedQuoteLine: quoted ? quoteLine : null };
}
