import {
  composeLetter,
  letterSchema,
  parseEntity,
  storeLetterParams,
  type Letter,
  type LetterKind,
  type LetterParamsByKind,
  type RuleSettings,
} from '../../../src-core';
import type { DataContext } from '../context';

/** A letter to write: its kind, who it goes to, and the values of its text. */
export interface LetterDraft<K extends LetterKind = LetterKind> {
  kind: K;
  clientId: string;
  contractId: string;
  params: LetterParamsByKind[K];
}

/**
 * The stored record of a new draft. The text is composed once here so that an
 * incomplete or unlawful letter (a termination before its date…) is refused
 * with src-core's French reason before anything is written.
 */
export function draftRecord(ctx: DataContext, draft: LetterDraft, settings: RuleSettings, at: string, commandId?: string): Letter {
  composeLetter(draft.kind, draft.params, settings);
  return parseEntity(
    letterSchema,
    {
      kind: draft.kind, status: 'draft', clientId: draft.clientId, contractId: draft.contractId, params: storeLetterParams(draft.params),
      ...(commandId ? { commandId } : {}), id: ctx.newId(), createdAt: at, updatedAt: at, version: 0,
    },
    'Lettre',
  );
}

