import { z } from 'zod';
import { entityTypeSchema } from './mutation';
import type { WireRecord } from './common';

/**
 * The most changes a pull page may hold (the server also stops a page at
 * DEFAULT_PULL_PAGE_BYTES of records, 4 MB). A first sync of 10,000 clients
 * asks for about 40 pages of 4,000 instead of 140 of 1,000: each page costs the
 * server its queries and its answer, the laptop a request, a message from its
 * reader and, for usage, a transaction, whatever its size — measured by
 * interleaved first syncs of the bench's portfolio (three each, same machine):
 * everything in after 11.0–11.5 s against 12.5–12.9 s with pages of 1,000.
 * A server refuses a larger `limit` (400): servers are updated before the
 * laptops that ask for it.
 */
export const MAX_PULL_LIMIT = 4000;

/**
 * Cursor: the server's change sequence as a decimal string (`"0"` = from the
 * start). A cursor is only meaningful with the same `entities` filter it was
 * obtained with; the app can pull clients and contracts first with a filter,
 * then everything from `"0"` with its own cursor.
 */
export const pullCursorSchema = z.string().regex(/^(\d{1,18}|g\d{1,18}(\.[A-Za-z0-9_-]{1,1400})?)$/, 'Curseur invalide');

/**
 * `client`: pulled from the start (`"0"`), the records are sent grouped by
 * client instead of in change order — a snapshot of the records changed up
 * to the first page's sequence, entity by entity in the filter's order, by
 * client then id, its cursors starting with `g` — then, from that sequence,
 * in change order as any other pull (so nothing changed meanwhile is
 * missed). A new laptop writes each client's book of invoices once
 * (issue 20) instead of once per month of them. Past the start, ignored.
 */
export const PULL_ORDERS = ['changes', 'client'] as const;
export type PullOrder = (typeof PULL_ORDERS)[number];

export const pullRequestSchema = z.strictObject({
  cursor: pullCursorSchema.default('0'),
  limit: z.number().int().min(1).max(MAX_PULL_LIMIT).default(500),
  entities: z.array(entityTypeSchema).min(1).optional(),
  order: z.enum(PULL_ORDERS).optional(),
});
export type PullRequest = z.input<typeof pullRequestSchema>;

/**
 * A pulled record: a JSON object, checked field by field against its
 * entity's schema as soon as its page is read (the laptop's
 * validatePulledPage), before anything uses it. Not copied key by key as
 * wireRecordSchema's parse does: that was 0.2 s of a first sync's 131,592
 * records at 10,000 clients, for nothing the entity's schema does not redo.
 */
const pulledRecordSchema = z
  .custom<WireRecord>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), { error: 'Enregistrement attendu : un objet JSON' })
  .meta({ type: 'object' });

/** The latest state of one record (changes are compacted: one entry per record). */
export const recordChangeSchema = z.object({
  entity: entityTypeSchema,
  recordId: z.string(),
  /** Use as `baseVersion` of the next mutation on this record. */
  version: z.number().int().min(1),
  deleted: z.boolean(),
  /** Null for a deleted record. */
  record: pulledRecordSchema.nullable(),
  /** Server instant of the change (ISO). */
  changedAt: z.string(),
  /** Who made it, as the server's audit names them ("Alice Martin"); absent for a change made before people were named. */
  changedBy: z.string().optional(),
});
export type RecordChange = z.infer<typeof recordChangeSchema>;

export const pullResponseSchema = z.object({
  changes: z.array(recordChangeSchema),
  /** Store it only after the changes are written locally. */
  nextCursor: pullCursorSchema,
  hasMore: z.boolean(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;
