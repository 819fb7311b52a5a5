import { message, refusalError, applyLetterStep, receiptCorrectionDue, receiptCorrectionParams, repeatsLetterStep, letterSchema, parseEntity, type Letter, type LetterStep, type RuleSettings, type Message } from '../../../src-core';
import { changeTransaction, writeChange } from '../change';
import type { DataContext } from '../context';
import { parisToday } from '../context';
import { ruleSettings } from '../settings-in-force';
import { actOnContract } from './contract-effects';
import { draftRecord, type LetterDraft } from './records';

/**
 * A letter's life as one-call actions (ARCHITECTURE.md, data flow 4): each
 * writes the letter, its audit entry and its outbox mutation in one
 * transaction, and a step the letter's status does not allow is refused by
 * src-core before anything is written.
 */

/**
 * Creates a draft letter for a contract of the client. A second submit of the
 * same intent (`commandId`, made when the form opened) returns the letter the
 * first one wrote.
 */
export async function createDraftLetter(ctx: DataContext, draft: LetterDraft, actor: string, commandId?: string): Promise<Letter> {
  const letter = draftRecord(ctx, draft, await ruleSettings(ctx), ctx.now(), commandId);
  const { db } = ctx;
  return changeTransaction(ctx, ['letters', 'contracts'], async () => {
    const done = commandId ? (await db.letters.where('contractId').equals(letter.contractId).toArray()).find((l) => l.commandId === commandId) : undefined;
    if (done) return done;
    const contract = await db.contracts.get(letter.contractId);
    if (contract?.clientId !== letter.clientId) throw refusalError('INVALID_INPUT', message('refusal.letter.otherClient'));
    await writeChange(ctx, { entity: 'letters', before: undefined, after: letter, actor, action: 'create', summary: message('audit.letter.create', { kind: kindWord(letter), reference: contract.reference }), clientId: letter.clientId });
    return letter;
  });
}

/**
 * The corrective letter of a received letter whose acknowledged receipt moved
 * dates it printed (DOMAIN.md), drafted today: it cites the first letter by
 * its own date and states each corrected date with its rule. Refused when
 * nothing moved or the correction is already written; a second submit of the
 * same intent (`commandId`) returns the first draft.
 */
export async function draftReceiptCorrection(ctx: DataContext, letterId: string, actor: string, commandId?: string): Promise<Letter> {
  const settings = await ruleSettings(ctx);
  const letter = await ctx.db.letters.get(letterId);
  if (!letter) throw refusalError('INVALID_INPUT', message('refusal.notFound.letter', { id: letterId }));
  const done = commandId ? (await ctx.db.letters.where('contractId').equals(letter.contractId).toArray()).find((l) => l.commandId === commandId) : undefined;
  if (done) return done;
  const others = await ctx.db.letters.where('contractId').equals(letter.contractId).toArray();
  if (!receiptCorrectionDue(letter, others, settings)) {
    throw refusalError('INVALID_TRANSITION', message('refusal.letter.noCorrection'));
  }
  const draft = { kind: 'receiptCorrection' as const, clientId: letter.clientId, contractId: letter.contractId, params: receiptCorrectionParams(letter, parisToday(ctx)) };
  return createDraftLetter(ctx, draft, actor, commandId);
}

/** A letter's kind inside a history sentence, said in the interface's language. */
const kindWord = (letter: Pick<Letter, 'kind'>) => ({ word: `code.letterKind.${letter.kind}` });

function stepSummary(letter: Letter, step: LetterStep): Message {
  const kind = kindWord(letter);
  switch (step.type) {
    case 'print':
      return message('audit.letter.print', { kind });
    case 'send':
      return message('audit.letter.send', { kind, date: { date: step.sentOn }, number: letter.registeredNumber ?? '' });
    case 'receive':
      return message('audit.letter.receive', { kind, date: { date: step.receivedOn } });
    case 'return':
      return message('audit.letter.return', { kind });
  }
}

/** Applies `step` to a stored letter and its effect to its contract (a repeated step is a no-op); must run inside a transaction over letters, contracts, audit and outbox. */
async function stepInTransaction(ctx: DataContext, id: string, step: LetterStep, today: string, settings: RuleSettings, actor: string): Promise<Letter> {
  const before = await ctx.db.letters.get(id);
  if (!before) throw refusalError('INVALID_INPUT', message('refusal.notFound.letter', { id }));
  const track = { ...before, letterDate: String(before.params.letterDate) };
  // The same step submitted again (two clicks, a retried command) writes nothing: the first one did it.
  if (repeatsLetterStep(track, step)) return before;
  const contract = await ctx.db.contracts.get(before.contractId);
  const { letterDate: _letterDate, ...next } = applyLetterStep(track, step, today);
  const after = parseEntity(letterSchema, { ...before, ...next, updatedAt: ctx.now() }, 'Lettre');
  await writeChange(ctx, { entity: 'letters', before, after, actor, action: `letter_${step.type}`, summary: stepSummary(after, step), clientId: after.clientId });
  if (step.type !== 'print' && contract) await actOnContract(ctx, after, contract, settings, today, actor);
  return after;
}

/** Print, send, receive or return one letter (a sent or received letter acts on its contract, contract-effects.ts). */
export async function advanceLetter(ctx: DataContext, id: string, step: LetterStep, actor: string): Promise<Letter> {
  const today = parisToday(ctx);
  const settings = await ruleSettings(ctx);
  return changeTransaction(ctx, ['letters', 'contracts'], async () => stepInTransaction(ctx, id, step, today, settings, actor));
}

/** The same step for many letters (a printed batch), all or none. */
export async function advanceLetters(ctx: DataContext, ids: readonly string[], step: LetterStep, actor: string): Promise<Letter[]> {
  const today = parisToday(ctx);
  const settings = await ruleSettings(ctx);
  return changeTransaction(ctx, ['letters', 'contracts'], async () => {
    const done: Letter[] = [];
    for (const id of ids) done.push(await stepInTransaction(ctx, id, step, today, settings, actor));
    return done;
  });
}
