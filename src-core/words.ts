/**
 * Counts as people read them in French (issue 16): "1 jour", "0 contrat",
 * "10 000 contrats" — never "jour(s)", never "10000". Grouped with a plain
 * no-break space (U+00A0), like `formatEuros`, so that screen and paper match.
 */
export function formatCountFr(n: number): string {
  const [whole, fraction] = String(Math.abs(n)).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${n < 0 ? '−' : ''}${grouped}${fraction ? `,${fraction}` : ''}`;
}

/** "1 jour", "12 jours": French takes the singular below 2 (0 and 1). */
export function countFr(n: number, one: string, many: string): string {
  return `${formatCountFr(n)} ${Math.abs(n) < 2 ? one : many}`;
}
