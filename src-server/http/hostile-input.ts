import { controlCharacterIn, isWellFormedText } from '../../src-core/model/text';

/** Keys that could reach an object's prototype if some code later spreads or merges the value. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Deeper than any record of the domain; bounds the recursion of everyone who reads the data. */
const MAX_DEPTH = 32;
/**
 * Longer than any text of the domain (the shared schemas bound each field far
 * below): a multi-megabyte string is refused here, before any schema or
 * database sees it.
 */
export const MAX_STRING_LENGTH = 64 * 1024;
export type CleanedJson = { ok: true; value: unknown } | { ok: false; reason: string };

/**
 * Checks a parsed JSON body wherever its strings are, keys included, and
 * returns it with every string in Unicode NFC (one spelling per text: "é"
 * typed or composed compare and sort alike). Refused, with a French reason:
 * prototype keys, lone surrogates (half an emoji: not valid UTF-8, PostgreSQL
 * refuses them), control characters, strings over MAX_STRING_LENGTH, absurd
 * nesting.
 */
export function cleanJson(value: unknown, path = '', depth = 0): CleanedJson {
  if (depth > MAX_DEPTH) return refuse(`structure trop imbriquée (plus de ${MAX_DEPTH} niveaux)`, path);
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem ? refuse(problem, path) : { ok: true, value: value.normalize('NFC') };
  }
  if (typeof value !== 'object' || value === null) return { ok: true, value };
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (const [index, item] of value.entries()) {
      const cleaned = cleanJson(item, join(path, String(index)), depth + 1);
      if (!cleaned.ok) return cleaned;
      items.push(cleaned.value);
    }
    return { ok: true, value: items };
  }
  const entries: [string, unknown][] = [];
  for (const [key, item] of Object.entries(value)) {
    if (FORBIDDEN_KEYS.has(key)) return refuse(`clé interdite « ${key} »`, path);
    const keyProblem = textProblem(key);
    if (keyProblem) return refuse(`${keyProblem} dans un nom de champ`, path);
    const cleaned = cleanJson(item, join(path, key), depth + 1);
    if (!cleaned.ok) return cleaned;
    entries.push([key.normalize('NFC'), cleaned.value]);
  }
  return { ok: true, value: Object.fromEntries(entries) };
}

function textProblem(text: string): string | undefined {
  if (text.length > MAX_STRING_LENGTH) return `texte trop long (${text.length} caractères, ${MAX_STRING_LENGTH} au plus)`;
  if (!isWellFormedText(text)) return 'caractère invalide (moitié de caractère Unicode isolée, « surrogate »)';
  // Tabulation and line breaks pass here: free text keeps them, and each field's schema says where they may stand.
  const control = controlCharacterIn(text, true);
  if (control !== undefined) return `caractère de contrôle interdit (U+${control.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')})`;
  return undefined;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function refuse(problem: string, path: string): CleanedJson {
  // The path is the sender's keys: bounded in the message.
  return { ok: false, reason: path ? `${problem} (champ ${path.slice(0, 200)}).` : `${problem}.` };
}
