/**
 * Text for the PDF standard fonts. jsPDF's Helvetica is encoded in WinAnsi
 * (Windows-1252): it covers French accents, €, « », œ, – and ’, but a character
 * outside it makes jsPDF emit the whole string as 16-bit codes, which the
 * standard font then draws as garbage (ARCHITECTURE.md). Registering a Unicode
 * TrueType font would cost ≈ 90 ms per document, so text is folded into
 * WinAnsi instead.
 */

/** The 0x80–0x9F block of Windows-1252, where it differs from Latin-1. */
const WINANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Spaces Intl and typographers use that WinAnsi lacks: a no-break space keeps "1 234,56 €" together. */
const SPACES_TO_NBSP = /[\u2007\u2009\u202f]/g;

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WINANSI_EXTRA.has(char);
}

/**
 * Fallback for a character outside WinAnsi: its base letter when it is an
 * accented one ("ő" → "o", "ș" → "s": a name stays readable), else "?" (a "ł",
 * an emoji) so the loss is visible rather than silent.
 */
function fallback(char: string): string {
  const base = char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return base !== char && [...base].every(isWinAnsi) ? base : '?';
}

/** Printable ASCII and Latin-1: the bulk of what is drawn, returned as is without a per-character pass. */
const PLAIN_LATIN1 = /^[\x20-\x7e\xa0-\xff]*$/;

export function toWinAnsi(text: string): string {
  if (PLAIN_LATIN1.test(text)) return text;
  return [...text.replace(SPACES_TO_NBSP, '\u00a0').replace(/[\t\r\n]+/g, ' ')]
    .map((char) => (isWinAnsi(char) ? char : fallback(char)))
    .join('');
}
