import type { z } from 'zod';
import type { DomainError } from '../errors';
import { message, refusalError, type MessageCode } from '../messages';
import { frenchError, saidOfText } from '../model/validate';
import { letterParamsSchemas, type LetterParamsByKind } from './params';
import type { LetterKind } from './types';

/**
 * A stored letter keeps the values its text is built from as a flat record of
 * scalars (src-core/model letter `params`), so that the client-file export and
 * the sync wire list them as name/value pairs. Nested params are flattened to
 * dotted keys: `contract.reference`, `prices.0.newCents`.
 */
export type StoredLetterParams = Record<string, string | number | boolean | null>;

type Scalar = string | number | boolean | null;

export function storeLetterParams(params: object): StoredLetterParams {
  const out: StoredLetterParams = {};
  const walk = (value: unknown, path: string): void => {
    if (value === undefined) return;
    if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) walk(child, path ? `${path}.${key}` : key);
      return;
    }
    out[path] = value as Scalar;
  };
  walk(params, '');
  return out;
}

/** Rebuilds the nested params (numeric segments are array indexes); null values are dropped as absent. */
function unflatten(stored: StoredLetterParams): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(stored)) {
    if (value === null) continue;
    const parts = key.split('.');
    let node: Record<string, unknown> = root;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) {
        node[part] = value;
        return;
      }
      node[part] ??= /^\d+$/.test(parts[i + 1]!) ? [] : {};
      node = node[part] as Record<string, unknown>;
    });
  }
  return root;
}

/** The typed params of a stored letter, validated like a form's (a damaged record is refused in French). */
export function readLetterParams<K extends LetterKind>(kind: K, stored: StoredLetterParams): LetterParamsByKind[K] {
  const parsed = letterParamsSchemas[kind].safeParse(unflatten(stored), { error: frenchError });
  if (!parsed.success) throw letterParamsRefusal('refusal.letter.unreadableParams', parsed.error);
  return parsed.data as LetterParamsByKind[K];
}

/** Letter params refused (a form's, or a stored record's): the first problem's path and reason, its reason by its code when src-core wrote it. */
export function letterParamsRefusal(code: Extract<MessageCode, 'refusal.letter.incomplete' | 'refusal.letter.unreadableParams'>, error: z.ZodError): DomainError {
  const issue = error.issues[0];
  const said = issue && saidOfText(issue.message);
  const reason = said ? { message: said } : (issue?.message ?? { word: 'refusal.letter.invalidValue' });
  return refusalError('INVALID_INPUT', message(code, { path: issue?.path.join('.') ?? '', reason }));
}
