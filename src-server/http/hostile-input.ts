/** Keys that could reach an object's prototype if some code later spreads or merges the value. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Deeper than any record of the domain; bounds the recursion of everyone who reads the data. */
const MAX_DEPTH = 32;

/**
 * Finds what must never be stored, wherever it is in a request body:
 * prototype keys, NUL characters (PostgreSQL text and jsonb cannot hold them),
 * absurd nesting. Returns a French reason, or undefined when clean.
 */
export function findHostileContent(value: unknown, depth = 0): string | undefined {
  if (depth > MAX_DEPTH) return `Structure trop imbriquée (plus de ${MAX_DEPTH} niveaux).`;
  if (typeof value === 'string') return value.includes('\u0000') ? 'Caractère nul (\\u0000) interdit dans le texte.' : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, item] of Object.entries(value)) {
    if (FORBIDDEN_KEYS.has(key)) return `Clé interdite « ${key} ».`;
    if (key.includes('\u0000')) return 'Caractère nul (\\u0000) interdit dans une clé.';
    const found = findHostileContent(item, depth + 1);
    if (found) return found;
  }
  return undefined;
}
