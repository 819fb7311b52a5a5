/**
 * CSV for Excel as French account managers open it: `;` separator (Excel in a
 * French locale splits on it), CRLF line ends, and a UTF-8 BOM — without it
 * Excel reads the file as Windows-1252 and "Société" comes out as "SociÃ©tÃ©".
 */
export const CSV_BOM = '\ufeff';

/** A cell: text is quoted when needed; numbers are written by the caller already formatted. */
export type CsvCell = string | number | null | undefined;

/**
 * A text cell that starts like a formula (=, +, -, @, tab, CR) is prefixed with
 * an apostrophe: a spreadsheet would otherwise run it (CSV injection, OWASP).
 * A negative number ("-12,50") is data, not a formula, and stays as it is. The
 * XML export keeps the exact text.
 */
function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !/^-\d+(,\d+)?$/.test(text) ? `'${text}` : text;
}

function formatCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  const text = typeof cell === 'number' ? String(cell).replace('.', ',') : neutralizeFormula(cell);
  return /[;"\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV document with its header row, BOM first. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(formatCell).join(';'));
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}

/** Cents as a decimal number of euros with a comma ("1234,56"), which French Excel reads as a number. */
export function eurosCell(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '';
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}
