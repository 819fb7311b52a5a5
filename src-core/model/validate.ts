import { z } from 'zod';
import { DomainError } from '../errors';
import { standsTest } from './as-it-stands';
import { frenchOf, isMessageCode, message, messageFr, messageOfFrench, MESSAGES_FR, type Message, type MessageCode, type MessageParam } from '../messages';

/** One refused field: its path ("billingAddress.postalCode") and the French reason. */
export interface FieldIssue {
  path: string;
  message: string;
  /** The reason as a code and its values (issue 19), for a form in the interface's language. */
  said?: Message;
}

/** The validation texts with values ("Texte trop long (200 caractères au plus).") as patterns giving their values back. */
const VALIDATION_PATTERNS: { code: MessageCode; pattern: RegExp; names: string[] }[] = [];
for (const [code, text] of Object.entries(MESSAGES_FR) as [MessageCode, string][]) {
  if (code.startsWith('validation.') && text.includes('{') && /^[^|]*$/.test(text) && code !== 'validation.other') {
    const names: string[] = [];
    const source = text.split(/\{(\w+)\}/).map((part, i) => (i % 2 ? (names.push(part), '(.+?)') : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
    VALIDATION_PATTERNS.push({ code, pattern: new RegExp(`^${source}$`), names });
  }
}

/** The message whose French is `text`, when src-core wrote it (a schema's own words); undefined for zod's. */
export function saidOfText(text: string): Message | undefined {
  const exact = messageOfFrench(text);
  if (exact) return exact;
  for (const { code, pattern, names } of VALIDATION_PATTERNS) {
    const found = pattern.exec(text);
    if (found) return message(code, Object.fromEntries(names.map((name, i) => [name, found[i + 1]!])));
  }
  return undefined;
}

/**
 * The name of a path's field, for the one-line message (the last named
 * segment wins): its word `code.field.<name>` (French in MESSAGES_FR, said in
 * the interface's language), or the key itself for a field without one.
 */
function fieldName(path: string): MessageParam {
  const named = path.split('.').filter((segment) => !/^\d+$/.test(segment));
  const last = named[named.length - 1];
  if (!last) return '';
  const code = `code.field.${last}`;
  return isMessageCode(code) ? { word: code } : last;
}

/** What a refused input is ("Client", "Règlement"), as a word when src-core names it (code.entity.*, code.inputWhat.*). */
let whatCodes: Map<string, string> | undefined;
function inputWhat(what: string): MessageParam {
  whatCodes ??= new Map(Object.entries(MESSAGES_FR).filter(([code]) => code.startsWith('code.entity.') || code.startsWith('code.inputWhat.')).map(([code, text]) => [text, code]));
  const code = whatCodes.get(what);
  return code ? { word: code } : what;
}

/** A field's problem in the refusal: its name and reason, both said in the interface's language when they are codes. */
function issueSaid(issue: FieldIssue): Message {
  const reason = issue.said ? { message: issue.said } : issue.message;
  return issue.path ? message('refusal.input.field', { field: fieldName(issue.path), reason }) : issue.said ?? message('validation.other', { fr: issue.message, en: issue.message });
}

/**
 * The one-line message stays short whatever the input: a record with 20,000
 * unknown keys is refused with a message a person can read (and a server can
 * store as its answer), not one listing them all.
 */
const MAX_ISSUES_SHOWN = 10;
const MAX_DETAIL_LENGTH = 300;
function clip(detail: string): string {
  if (detail.length <= MAX_DETAIL_LENGTH) return detail;
  // Never between the two halves of a character: the message must stay well-formed text.
  const end = /[\uD800-\uDBFF]/.test(detail[MAX_DETAIL_LENGTH - 2]!) ? MAX_DETAIL_LENGTH - 2 : MAX_DETAIL_LENGTH - 1;
  return `${detail.slice(0, end)}…`;
}

/**
 * A refused input: the message lists the fields (the first ten) by name and
 * reason; `issues` lets a form place them all; `said` is the same list as
 * codes (issue 19), so a screen or the server's answer names each field and
 * its reason in the interface's language. The French is written clipped
 * (a field's text beyond 300 characters), `said` carries the values whole.
 */
export class ValidationError extends DomainError {
  constructor(
    what: string,
    readonly issues: FieldIssue[],
  ) {
    const shown = issues.slice(0, MAX_ISSUES_SHOWN);
    const hidden = issues.length - MAX_ISSUES_SHOWN;
    // "Saisie refusée (Client)": one wording whatever the gender of the thing named, no "refusé(e)".
    const said = message('refusal.input', {
      what: inputWhat(what),
      details: { clauses: shown.map(issueSaid) },
      more: hidden > 0 ? { message: message('refusal.input.more', { count: hidden }) } : '',
    });
    const clipped = shown.map((i) => clip(messageFr(issueSaid(i)))).join(MESSAGES_FR['join.clauses']);
    super('INVALID_INPUT', messageFr(message('refusal.input', { ...said.params, details: clipped })), said);
  }
}

/** Zod's own French messages for the cases our schemas do not word themselves (wrong type, unknown key…). */
const frenchLocale = z.locales.fr();

/**
 * Zod's French, except where it speaks to programmers: an empty or non-numeric number field
 * reaches a schema as NaN, and "nombre attendu, NaN reçu" means nothing to an account manager.
 */
export function frenchError(issue: Parameters<typeof frenchLocale.localeError>[0]) {
  if (issue.code === 'invalid_type' && issue.expected === 'number' && typeof issue.input === 'number' && Number.isNaN(issue.input)) {
    return frenchOf('validation.number');
  }
  // "chaîne de caractères attendu, indéfini reçu" says that nothing was given.
  if (issue.code === 'invalid_type' && issue.input === undefined) return frenchOf('validation.required');
  return frenchLocale.localeError(issue);
}

const englishLocale = z.locales.en();

/**
 * The issues of a refused input, each with its message code: a schema's own
 * words by their code, zod's generic ones (a wrong type, an unknown key) with
 * zod's English beside its French, from the same input parsed in English
 * (`english`, issue for issue).
 */
export function fieldIssues(error: z.ZodError, english?: z.ZodError): FieldIssue[] {
  return error.issues.map((issue, i) => {
    const path = issue.path.map(String).join('.');
    const inEnglish = english?.issues[i]?.message;
    const said = saidOfText(issue.message) ?? (inEnglish ? message('validation.other', { fr: issue.message, en: inEnglish }) : undefined);
    return said ? { path, message: issue.message, said } : { path, message: issue.message };
  });
}

/**
 * Parses `input` with `schema`, in French. `what` names the thing for the
 * message ("Client", "Contrat"). Throws a ValidationError listing every field.
 */
export function parseEntity<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const checked = checkInput(schema, input);
  if (!checked.success) throw new ValidationError(what, checked.issues);
  return checked.data;
}

/**
 * `input` itself when `schema` would accept it unchanged (as-it-stands.ts:
 * most records of a bulk load or of a first sync's pages), else parsed as
 * `parseEntity` does: the same answer, without zod's machinery for the
 * records that need none.
 */
export function acceptEntity<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  return standsTest(schema)(input) ? (input as z.output<S>) : parseEntity(schema, input, what);
}

/**
 * Parses `input` with `schema` (zod's words in French by `french`): its data,
 * or every issue with its message code — refused, it is parsed again in
 * English for zod's own words (the schemas' words are codes already).
 */
export function checkInput<S extends z.ZodType>(schema: S, input: unknown, french: typeof frenchError = frenchError): { success: true; data: z.output<S> } | { success: false; issues: FieldIssue[] } {
  const result = schema.safeParse(input, { error: french });
  if (result.success) return { success: true, data: result.data };
  const english = schema.safeParse(input, { error: (issue) => englishLocale.localeError(issue) });
  return { success: false, issues: fieldIssues(result.error, english.success ? undefined : english.error) };
}
