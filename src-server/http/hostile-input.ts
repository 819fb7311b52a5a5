import { message, type Message } from '../../src-core/messages';
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
/** Refused: `reason` as a message code (French in MESSAGES_FR, said in the laptop's language). */
export type CleanedJson = { ok: true; value: unknown } | { ok: false; reason: Message };

/**
 * Checks a parsed JSON body wherever its strings are, keys included, and
 * returns it with every string in Unicode NFC (one spelling per text: "é"
 * typed or composed compare and sort alike). Refused, with a French reason:
 * prototype keys, lone surrogates (half an emoji: not valid UTF-8, PostgreSQL
 * refuses them), control characters, strings over MAX_STRING_LENGTH, absurd
 * nesting.
 */
export function cleanJson(value: unknown, path = '', depth = 0): CleanedJson {
  if (depth > MAX_DEPTH) return refuse(message('http.hostile.depth', { max: String(MAX_DEPTH) }), path);
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
    if (FORBIDDEN_KEYS.has(key)) return refuse(message('http.hostile.key', { key }), path);
    const keyProblem = textProblem(key);
    if (keyProblem) return refuse(message('http.hostile.inKey', { problem: { message: keyProblem } }), path);
    const cleaned = cleanJson(item, join(path, key), depth + 1);
    if (!cleaned.ok) return cleaned;
    entries.push([key.normalize('NFC'), cleaned.value]);
  }
  return { ok: true, value: Object.fromEntries(entries) };
}

// Sizes as strings: the French keeps them as the server always wrote them, without a thousands separator.
function textProblem(text: string): Message | undefined {
  if (text.length > MAX_STRING_LENGTH) return message('http.hostile.tooLong', { length: String(text.length), max: String(MAX_STRING_LENGTH) });
  if (!isWellFormedText(text)) return message('http.hostile.surrogate');
  // Tabulation and line breaks pass here: free text keeps them, and each field's schema says where they may stand.
  const control = controlCharacterIn(text, true);
  if (control !== undefined) return message('http.hostile.control', { code: control.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0') });
  return undefined;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function refuse(problem: Message, path: string): CleanedJson {
  // The path is the sender's keys: bounded in the message.
  return { ok: false, reason: path ? message('http.hostile.at', { problem: { message: problem }, path: path.slice(0, 200) }) : message('http.hostile.plain', { problem: { message: problem } }) };
}
