import { z } from 'zod';
import { instantSchema, recordIdSchema, yearMonthSchema } from './common';
import { TEXT_LIMITS, text } from './text';
import { frenchOf } from '../messages';

/**
 * What the approved platform (plateforme agréée) said about an issued
 * document (DOMAIN.md, E-invoicing). Written by the central API only, from the
 * lifecycle flows it follows, and pulled by the laptops like any other field:
 * a laptop never sets it (src-server/sync/entity-fields refuses it in a push).
 */
export const PLATFORM_STATUSES = ['deposited', 'rejected', 'refused', 'approved', 'disputed', 'collected'] as const;
export type PlatformStatus = (typeof PLATFORM_STATUSES)[number];

export const platformEventSchema = z.strictObject({
  status: z.enum(PLATFORM_STATUSES, { error: frenchOf('validation.platform.status') }),
  /** When the platform recorded it (its clock, as it says). */
  at: instantSchema,
  /** Why it was rejected, refused or disputed, in the platform's words. */
  reason: text({ max: TEXT_LIMITS.address }).optional(),
});
export type PlatformEvent = z.infer<typeof platformEventSchema>;

export const platformStateSchema = z.strictObject({
  /** The flow the platform gave the document (AFNOR XP Z12-013 flowId). */
  flowId: text({ max: 64 }).optional(),
  /** The latest status, with its reason. */
  status: z.enum(PLATFORM_STATUSES, { error: frenchOf('validation.platform.status') }).optional(),
  reason: text({ max: TEXT_LIMITS.address }).optional(),
  /** Every status received, oldest first. */
  history: z.array(platformEventSchema).max(50),
  /** A document to a client outside France is e-reported, not e-invoiced: the month's report that carried it. */
  reportedIn: yearMonthSchema.optional(),
  reportedAt: instantSchema.optional(),
  /** The payments of this document an accepted e-reporting carried (ids): a payment recorded late goes in the next report. */
  reportedPayments: z.array(recordIdSchema).max(500).optional(),
  /**
   * The central API did not send the document: the EN 16931 rules it fails
   * there (its seller profile or records differ from the laptop's), each in
   * French ("[BR-CO-26] …"), and when it found out. It is never sent: a
   * credit note cancels it and a new invoice replaces it.
   */
  notSent: z.strictObject({ at: instantSchema, reasons: z.array(text({ max: TEXT_LIMITS.address })).min(1).max(50) }).optional(),
});
export type PlatformState = z.infer<typeof platformStateSchema>;
