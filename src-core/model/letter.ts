import { z } from 'zod';
import { compareDates } from '../dates';
import { LETTER_KINDS } from '../letters/types';
import { commandIdSchema, isoDateSchema, recordIdSchema, recordMetaShape } from './common';
import { crossChecked } from './as-it-stands';
import { TEXT_LIMITS, text } from './text';
import { frenchOf } from '../messages';

/** Registered letters with acknowledgement of receipt (DOMAIN.md, Letters); kinds are src-core/letters'. */


export const LETTER_STATUSES = ['draft', 'printed', 'sent', 'received', 'returned'] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];

/** The values the letter's text is built from (dates, amounts, tiers, invoice numbers). */
export const letterParamsSchema = z.record(text({ max: TEXT_LIMITS.code, required: frenchOf('validation.letter.paramName') }), z.union([text({ max: TEXT_LIMITS.freeText, multiline: true }), z.number(), z.boolean(), z.null()]));

const letterFields = {
  kind: z.enum(LETTER_KINDS, { error: frenchOf('validation.letter.kind') }),
  status: z.enum(LETTER_STATUSES, { error: frenchOf('validation.letter.status') }),
  clientId: recordIdSchema,
  contractId: recordIdSchema,
  sentOn: isoDateSchema.optional(),
  /** "Lettre recommandée avec accusé de réception n° …" */
  registeredNumber: text({ max: TEXT_LIMITS.code })
    .regex(/^[0-9A-Z][0-9A-Z ]{5,24}$/, frenchOf('validation.letter.registeredNumber'))
    .optional(),
  /** From the acknowledgement of receipt; deadlines are recomputed when it is entered. */
  receivedOn: isoDateSchema.optional(),
  params: letterParamsSchema,
  /** The user intent that created it: a second submit of the same intent is a no-op. */
  commandId: commandIdSchema,
};

type LetterFields = z.infer<z.ZodObject<typeof letterFields>>;

function checkLetter(l: LetterFields, ctx: z.RefinementCtx): void {
  if (['sent', 'received', 'returned'].includes(l.status) && !l.sentOn) {
    ctx.addIssue({ code: 'custom', path: ['sentOn'], message: frenchOf('validation.letter.sentOnRequired') });
  }
  if (l.status === 'received' && !l.receivedOn) {
    ctx.addIssue({ code: 'custom', path: ['receivedOn'], message: frenchOf('validation.letter.receivedOnRequired') });
  }
  if (l.sentOn && l.receivedOn && compareDates(l.receivedOn, l.sentOn) < 0) {
    ctx.addIssue({ code: 'custom', path: ['receivedOn'], message: frenchOf('validation.letter.receivedBeforeSent') });
  }
}

export const letterInputSchema = crossChecked(z.strictObject(letterFields), checkLetter);
export type LetterInput = z.input<typeof letterInputSchema>;

export const letterSchema = crossChecked(z.strictObject({ ...recordMetaShape, ...letterFields }), checkLetter);
export type Letter = z.infer<typeof letterSchema>;
