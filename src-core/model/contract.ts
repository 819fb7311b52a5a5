import { z } from 'zod';
import { compareDates } from '../dates';
import { centsSchema, instantSchema, isoDateSchema, recordIdSchema, recordMetaShape, requiredText, yearMonthSchema } from './common';
import { crossChecked } from './as-it-stands';
import { tierCodeSchema, type TierCode } from './priceList';
import { text } from './text';
import { frenchOf } from '../messages';

/** Hosting contracts (CGV §1, §5, §6.6, §7.4). The status rules themselves live in src-core/lifecycle. */

export const CONTRACT_STATUSES = ['draft', 'active', 'notice_received', 'terminated', 'suspended'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/** How the client's termination notice arrived (§1: registered letter or e-mail to the support address). */
export const NOTICE_CHANNELS = ['registered_letter', 'email'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

export const terminationNoticeSchema = z.strictObject({
  receivedOn: isoDateSchema,
  channel: z.enum(NOTICE_CHANNELS, { error: frenchOf('validation.notice.channel') }),
});
export type TerminationNotice = z.infer<typeof terminationNoticeSchema>;

/**
 * Terminations other than the client's notice (which is `terminationNotice`),
 * each set by a letter of the company or an objection of the client
 * (DOMAIN.md, The contract's life acts on everything else).
 */
export const LETTER_TERMINATION_CAUSES = ['price_change_objection', 'non_payment', 'uncured_breach', 'force_majeure'] as const;
export type LetterTerminationCause = (typeof LETTER_TERMINATION_CAUSES)[number];

/**
 * The contract's history, kept on the contract because it is read with it
 * (ARCHITECTURE.md): tier changes are needed to bill a past month at the tier
 * that applied then.
 */
const eventBase = { at: instantSchema, actor: requiredText(frenchOf('validation.event.actorRequired'), 120) };
export const contractHistoryEntrySchema = z.discriminatedUnion('kind', [
  // letterId: the tier-change notice drafted with it (undone together while that letter is a draft).
  // retroactive: the account manager confirmed a first day already past (DOMAIN.md: never retroactive without saying so).
  z.strictObject({ ...eventBase, kind: z.literal('tier_change'), fromMonth: yearMonthSchema, fromTier: tierCodeSchema, toTier: tierCodeSchema, letterId: recordIdSchema.optional(), retroactive: z.literal(true).optional() }),
  z.strictObject({ ...eventBase, kind: z.literal('termination_notice'), receivedOn: isoDateSchema, channel: z.enum(NOTICE_CHANNELS), effectiveDate: isoDateSchema }),
  // A termination set by a letter; a later entry of the same letter (its receipt known) replaces the earlier one.
  z.strictObject({
    ...eventBase,
    kind: z.literal('termination'),
    cause: z.enum(LETTER_TERMINATION_CAUSES),
    noticeDate: isoDateSchema,
    effectiveDate: isoDateSchema,
    rule: text({ max: 500 }),
    letterId: recordIdSchema.optional(),
  }),
  // A price change notice received (§5.2): the contract's price for `tier` from `from` (1st of a month), unless an objection terminates it first.
  z.strictObject({
    ...eventBase,
    kind: z.literal('price_change'),
    from: isoDateSchema,
    tier: tierCodeSchema,
    priceCents: centsSchema,
    receivedOn: isoDateSchema,
    objectionDeadline: isoDateSchema,
    letterId: recordIdSchema.optional(),
  }),
  z.strictObject({ ...eventBase, kind: z.literal('status_change'), from: z.enum(CONTRACT_STATUSES), to: z.enum(CONTRACT_STATUSES), reason: text({ max: 500, multiline: true }).optional() }),
]);
export type ContractHistoryEntry = z.infer<typeof contractHistoryEntrySchema>;

const contractFields = {
  clientId: recordIdSchema,
  /** Human reference printed on letters and invoices ("CT-2024-0001"). */
  reference: requiredText(frenchOf('validation.contract.referenceRequired'), 40),
  /** The latest tier: the one in force now, or from the month of a pending change (see tierForMonth). */
  tier: tierCodeSchema,
  priceListId: recordIdSchema,
  startDate: isoDateSchema,
  status: z.enum(CONTRACT_STATUSES, { error: frenchOf('validation.contract.status') }),
  /** Overrides the default payment term of the rule settings (§5.3). */
  paymentTermDays: z.number().int(frenchOf('validation.contract.paymentTerm')).min(0).max(120, frenchOf('validation.contract.paymentTermLong')).optional(),
  terminationNotice: terminationNoticeSchema.optional(),
  terminationEffectiveDate: isoDateSchema.optional(),
  history: z.array(contractHistoryEntrySchema),
};

type ContractFields = z.infer<z.ZodObject<typeof contractFields>>;

function checkContract(c: ContractFields, ctx: z.RefinementCtx): void {
  // The start against the first stored price list is src-core/pricing `contractPriceListProblem`: the lists are records, not schema constants.
  const letterTermination = c.history.some((e) => e.kind === 'termination');
  if (c.status === 'notice_received' && !((c.terminationNotice || letterTermination) && c.terminationEffectiveDate)) {
    ctx.addIssue({ code: 'custom', path: ['terminationNotice'], message: frenchOf('validation.contract.noticeIncomplete') });
  }
  if (c.status === 'terminated' && !c.terminationEffectiveDate) {
    ctx.addIssue({ code: 'custom', path: ['terminationEffectiveDate'], message: frenchOf('validation.contract.endRequired') });
  }
  if (c.terminationEffectiveDate && compareDates(c.terminationEffectiveDate, c.startDate) < 0) {
    ctx.addIssue({ code: 'custom', path: ['terminationEffectiveDate'], message: frenchOf('validation.contract.endBeforeStart') });
  }
  if (c.terminationNotice && compareDates(c.terminationNotice.receivedOn, c.startDate) < 0) {
    ctx.addIssue({ code: 'custom', path: ['terminationNotice', 'receivedOn'], message: frenchOf('validation.contract.noticeBeforeStart') });
  }
}

export const contractInputSchema = crossChecked(z.strictObject(contractFields), checkContract);
export type ContractInput = z.input<typeof contractInputSchema>;

export const contractSchema = crossChecked(z.strictObject({ ...recordMetaShape, ...contractFields }), checkContract);
export type Contract = z.infer<typeof contractSchema>;

/**
 * The tier that applies to a billing month: the target of the last tier change
 * starting on or before it; before the first change, that change's origin.
 */
export function tierForMonth(contract: Pick<Contract, 'tier' | 'history'>, month: string): TierCode {
  const changes = contract.history
    .filter((e): e is Extract<ContractHistoryEntry, { kind: 'tier_change' }> => e.kind === 'tier_change')
    .sort((a, b) => (a.fromMonth < b.fromMonth ? -1 : a.fromMonth > b.fromMonth ? 1 : 0));
  let tier: TierCode = changes[0]?.fromTier ?? contract.tier;
  for (const change of changes) {
    if (change.fromMonth <= month) tier = change.toTier;
  }
  return tier;
}
