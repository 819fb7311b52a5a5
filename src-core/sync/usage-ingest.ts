import { z } from 'zod';
import { MONTH_PATTERN, monthSchema, wireRecordIdSchema } from './common';

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

const isQuantity = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

/**
 * The month `usageMonthSchema` makes of these four fields, when it takes
 * them; null when it refuses them (its parse then says why). The same checks
 * without the schema's cost per call: an import's 145,000 rows are checked
 * here, and only a refused one goes through the schema for its message.
 */
export function acceptedUsageMonth({ month, cpuHours, databaseGB, storageGB }: { month: unknown; cpuHours: unknown; databaseGB: unknown; storageGB: unknown }): UsageMonth | null {
  if (typeof month !== 'string' || !MONTH_PATTERN.test(month) || !isQuantity(cpuHours) || !isQuantity(databaseGB) || !isQuantity(storageGB)) return null;
  return { month, cpuHours, databaseGB, storageGB };
}

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
