import { z } from 'zod';
import { deviceIdSchema, isoDateSchema, wireRecordIdSchema, wireRecordSchema } from './common';

/** Invoices `F-…`, credit notes `AV-…` (DOMAIN.md, billing: numbering). */
export const documentKindSchema = z.enum(['invoice', 'credit_note']);
export type DocumentKind = z.infer<typeof documentKindSchema>;

const yearSchema = z.number().int().min(2000).max(2999);

/** A laptop asks for its own series to issue offline: `F-YYYY-<device code>-NNNN`. */
export const deviceGrantRequestSchema = z.strictObject({
  deviceId: deviceIdSchema,
  year: yearSchema,
  kind: documentKindSchema,
});
export type DeviceGrantRequest = z.infer<typeof deviceGrantRequestSchema>;

export const deviceGrantResponseSchema = z.object({
  deviceId: deviceIdSchema,
  year: yearSchema,
  kind: documentKindSchema,
  /** Stable per device, distinct between devices. */
  deviceCode: z.string().regex(/^[A-Z0-9]+$/),
  /** e.g. `F-2026-D01-`; the laptop appends its own continuous 4-digit counter. */
  prefix: z.string(),
  /** Last number of this series the server has received (0 = none): the laptop continues from it. */
  lastNumber: z.number().int().min(0),
});
export type DeviceGrantResponse = z.infer<typeof deviceGrantResponseSchema>;

/**
 * Issue a draft already pushed to the server with the next number of the
 * central series: `F-YYYY-NNNNNN`, or `AV-YYYY-NNNNNN` for a credit note (its
 * `kind`). Numbers are continuous and chronological: an issue date before the
 * series' last one is refused (409).
 */
export const invoiceIssueRequestSchema = z.strictObject({
  invoiceId: wireRecordIdSchema,
  /** Replaces the draft's issue date; the draft's own when absent. */
  issueDate: isoDateSchema.optional(),
  /**
   * The laptop's id for this issuing intent (UUID): the same request sent
   * again — its answer lost on a cut connection — answers the document as
   * that request issued it instead of refusing it as already issued, so a
   * retry never leaves the laptop without the number the server gave.
   */
  requestId: z.uuid({ error: 'Identifiant de demande invalide (UUID attendu).' }).optional(),
  /** The laptop asking, named in the server's audit. */
  deviceId: deviceIdSchema.optional(),
});
export type InvoiceIssueRequest = z.infer<typeof invoiceIssueRequestSchema>;

export const invoiceIssueResponseSchema = z.object({
  invoiceId: z.string(),
  number: z.string(),
  version: z.number().int().min(1),
  record: wireRecordSchema,
});
export type InvoiceIssueResponse = z.infer<typeof invoiceIssueResponseSchema>;
