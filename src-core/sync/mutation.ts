import { z } from 'zod';

/**
 * The unit of sync (ARCHITECTURE.md, data flow 4–5): every local change is one
 * mutation, written to the outbox in the same transaction as the record. The
 * server answers each one idempotently by `mutationId`.
 */
export const ENTITY_TYPES = ['clients', 'contracts', 'usage', 'invoices', 'payments', 'letters', 'priceLists'] as const;
export const entityTypeSchema = z.enum(ENTITY_TYPES);
export type EntityType = z.infer<typeof entityTypeSchema>;

export const mutationSchema = z.object({
  /** Made by the laptop (UUID v4); the same id sent twice is applied once. */
  mutationId: z.string().uuid(),
  deviceId: z.string().min(1).max(64),
  entity: entityTypeSchema,
  recordId: z.string().min(1).max(128),
  op: z.enum(['upsert', 'delete']),
  /**
   * The record version the change was made on (0 for a new record). The server
   * merges changed fields edited on different sides and reports a conflict when
   * the same field changed on both.
   */
  baseVersion: z.number().int().min(0),
  /**
   * Only the fields that changed, with their new values (the whole record on
   * create); null empties a field (field-changes.ts: absent once stored, or
   * null where the entity's schema takes null).
   */
  changes: z.record(z.string(), z.unknown()),
  /** Laptop clock, informative only: order is decided by the server. */
  madeAt: z.string().datetime({ offset: true }),
});
export type Mutation = z.infer<typeof mutationSchema>;
