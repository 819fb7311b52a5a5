import { z } from 'zod';
import { monthSchema, wireRecordIdSchema } from './common';

export const MAX_INGEST_ROWS = 20_000;

const quantity = z.number().finite().min(0);

/** One month of a contract as measured by the hosting platform (DOMAIN.md, usage against limits). */
export const usageMonthSchema = z.strictObject({
  month: monthSchema,
  cpuHours: quantity,
  /** Peak of the month. */
  databaseGB: quantity,
  /** Peak of the month. */
  storageGB: quantity,
});
export type UsageMonth = z.infer<typeof usageMonthSchema>;

export const usageIngestRowSchema = usageMonthSchema.extend({
  contractId: wireRecordIdSchema,
  /** Optional when the contract is known to the server (its clientId is used). */
  clientId: wireRecordIdSchema.optional(),
});
export type UsageIngestRow = z.infer<typeof usageIngestRowSchema>;

/**
 * Rows are merged into the per-contract usage documents
 * `{ id: contractId, contractId, clientId, months: UsageMonth[] }`: a month sent
 * again replaces the stored one. The whole batch is applied or nothing.
 */
export const usageIngestRequestSchema = z.strictObject({
  rows: z.array(usageIngestRowSchema).min(1).max(MAX_INGEST_ROWS),
});
export type UsageIngestRequest = z.infer<typeof usageIngestRequestSchema>;

export const usageIngestResponseSchema = z.object({
  rows: z.number().int(),
  /** Usage documents whose content changed (one per contract). */
  documentsChanged: z.number().int(),
});
export type UsageIngestResponse = z.infer<typeof usageIngestResponseSchema>;
