import { z } from 'zod';
import { frenchOf } from '../messages';
import { crossChecked, standsWhen } from './as-it-stands';

/**
 * Well-formed text at every boundary (issue 21): forms, CSV import, pushed
 * records and the API's requests all parse with these schemas, so a text
 * refused on one side is refused everywhere, in French. A lone surrogate (half
 * of an emoji, cut by a careless copy or an old version) cannot be stored by
 * PostgreSQL at all; control characters are invisible and break printed
 * letters and CSV exports; two spellings of "é" (NFC and NFD) would make the
 * same name two names.
 */

/** Length limits by kind of field, in characters (UTF-16 code units, as the inputs count them). */
export const TEXT_LIMITS = {
  /** Identifiers, codes, numbers printed on documents. */
  code: 64,
  /** Names of people and companies, labels. */
  name: 200,
  /** An address line, a one-sentence mention. */
  address: 500,
  /** Free text: reasons, explanations, letter parameters. */
  freeText: 5_000,
} as const;

/** C0 and C1 control characters and DEL. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
/** The same, except tabulation and line breaks, which multi-line text keeps. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_MULTILINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

export const MALFORMED_TEXT_MESSAGE = frenchOf('validation.text.malformed');
const CONTROL_MESSAGE = frenchOf('validation.text.control');
const CONTROL_MULTILINE_MESSAGE = frenchOf('validation.text.controlMultiline');

/**
 * Printable characters of French text that are in NFC whatever surrounds
 * them: ASCII, Latin-1 (é, ç, «, the no-break space), the general
 * punctuation from the hyphen U+2010 to U+205E (–, ’, …, ‰, ‹) but
 * U+2028–U+202F (the line and paragraph separators, the bidirectional
 * embeddings, the narrow no-break space: left to the full check), and €.
 * Each is its own NFC form, none is a combining mark nor composes with a
 * neighbour, none is a control character or half of one: a text made only
 * of them is whole, free of control characters and in NFC — most of what
 * is stored, told without normalizing it.
 */
const PLAIN_TEXT = /^[\x20-\x7E\u00A0-\u00FF\u2010-\u2027\u2030-\u205E\u20AC]*$/;

/** True when the text holds only PLAIN_TEXT's characters: whole, free of control characters and in NFC. */
export const isPlainText = (text: string) => PLAIN_TEXT.test(text);

/** True when the text holds no lone surrogate (a high one not followed by a low one, or a low one alone): every character whole. */
export function isWellFormedText(text: string): boolean {
  return text.isWellFormed();
}

/** The first control character of the text (tabulation and line breaks allowed when `multiline`), or undefined. */
export function controlCharacterIn(text: string, multiline: boolean): string | undefined {
  return (multiline ? CONTROL_MULTILINE : CONTROL).exec(text)?.[0];
}

/** Why a text that is not plain text is refused (French), or undefined. */
function unplainTextProblem(text: string, multiline: boolean): string | undefined {
  if (!isWellFormedText(text)) return MALFORMED_TEXT_MESSAGE;
  if (controlCharacterIn(text, multiline) !== undefined) return multiline ? CONTROL_MULTILINE_MESSAGE : CONTROL_MESSAGE;
  return undefined;
}

/** Why a text is refused (French), or undefined. */
const textProblem = (text: string, multiline: boolean) => (isPlainText(text) ? undefined : unplainTextProblem(text, multiline));

export interface TextOptions {
  max: number;
  /** Shown when the text is missing or empty; without it, an empty text is accepted. */
  required?: string;
  /** Tabulations and line breaks allowed (free text). */
  multiline?: boolean;
}

/**
 * A text field: refused when it holds half a character or a control
 * character (line breaks allowed in free text), stored in NFC and trimmed,
 * at most `max` characters.
 */
export function text({ max, required, multiline = false }: TextOptions) {
  // One check and one rewrite: a first sync validates every text of 20,000 records.
  const checked = z
    .string({ error: required ?? frenchOf('validation.text.expected') })
    .check((payload) => {
      // Plain text (most texts) is tested once: it is whole, free of control characters and in NFC.
      if (isPlainText(payload.value)) return void (payload.value = payload.value.trim());
      const problem = unplainTextProblem(payload.value, multiline);
      if (problem) payload.issues.push({ code: 'custom', message: problem, input: payload.value, continue: false });
      else payload.value = payload.value.normalize('NFC').trim();
    });
  // As it stands (as-it-stands.ts): the check above would refuse nothing and rewrite nothing — judged by the same rules.
  const schema = standsWhen(checked, (value) => {
    const s = value as string;
    if (isPlainText(s)) return s.trim() === s;
    return unplainTextProblem(s, multiline) === undefined && s.normalize('NFC').trim() === s;
  });
  return (required ? schema.min(1, required) : schema).max(max, frenchOf('validation.text.tooLong', { max: String(max) }));
}

/**
 * An identifier made by a program (record, device, mutation): opaque, so
 * never rewritten — neither trimmed nor normalised — but whole characters,
 * no control character, and bounded.
 */
export function identifier(max: number, required = frenchOf('validation.id.required')) {
  const schema = z
    .string({ error: required })
    .min(1, required)
    .max(max, frenchOf('validation.id.tooLong', { max: String(max) }));
  return crossChecked(schema, (s, ctx) => {
    const problem = textProblem(s, false);
    if (problem) ctx.addIssue({ code: 'custom', message: problem === MALFORMED_TEXT_MESSAGE ? problem : frenchOf('validation.id.control') });
  });
}

/**
 * Where, in any JSON value (keys included), a text holds half a character;
 * undefined when none does. For the values the wire carries untyped (a
 * mutation's changes): they are checked field by field by their entity's
 * schema after the merge, but even a conflict answer or a refusal naming them
 * must be storable.
 */
export function malformedTextPath(value: unknown, path: (string | number)[] = []): (string | number)[] | undefined {
  const found = malformedTextIn(value);
  return found && [...path, ...found];
}

/**
 * The path below `value` of its first text holding half a character: built on
 * the way back from that text only — a mutation of an imported usage document
 * (36 months of four values) checked 11,000 times allocated a path per value.
 */
function malformedTextIn(value: unknown): (string | number)[] | undefined {
  if (typeof value === 'string') return isWellFormedText(value) ? undefined : [];
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = malformedTextIn(value[i]);
      if (found) return [i, ...found];
    }
    return undefined;
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (!isWellFormedText(key)) return ['(clé)'];
    const found = malformedTextIn((value as Record<string, unknown>)[key]);
    if (found) return [key, ...found];
  }
  return undefined;
}
