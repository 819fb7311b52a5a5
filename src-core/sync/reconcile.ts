import { z } from 'zod';
import { entityTypeSchema } from './mutation';
import { DIGEST_BUCKETS, tableDigestOf, digestsOf } from './digest';

/** Hash and count of the live (not deleted) records of one table — or of one of its buckets (digest.ts). */
export const tableDigestSchema = z.object({
  count: z.number().int().min(0),
  /** `reconcileHash` of the (id, version) pairs, 16 hex digits. */
  hash: z.string().regex(/^[0-9a-f]{16}$/),
});
export type TableDigest = z.infer<typeof tableDigestSchema>;

export const reconcileResponseSchema = z.object({
  tables: z.record(entityTypeSchema, tableDigestSchema),
});
export type ReconcileResponse = z.infer<typeof reconcileResponseSchema>;

/** Server records listed at most in one drill-down answer: whole buckets, the first differing ones, until this many. */
export const MAX_DRILL_RECORDS = 5_000;

/** The laptop's buckets of a table whose digest differs from the server's: the server answers which differ, and its records in them. */
export const reconcileBucketsRequestSchema = z
  .object({
    entity: entityTypeSchema,
    buckets: z.array(tableDigestSchema).length(DIGEST_BUCKETS, `Il faut les empreintes des ${DIGEST_BUCKETS} compartiments de la table.`),
  })
  .strict();
export type ReconcileBucketsRequest = z.infer<typeof reconcileBucketsRequestSchema>;

const bucketSchema = z.number().int().min(0).max(DIGEST_BUCKETS - 1);

export const reconcileBucketsResponseSchema = z.object({
  entity: entityTypeSchema,
  /** Every bucket whose count or hash differs from the laptop's, ascending. */
  differing: z.array(bucketSchema),
  /** The differing buckets whose records are listed (the first ones, up to MAX_DRILL_RECORDS records; at least one). */
  listed: z.array(bucketSchema),
  /** The server's live records in the `listed` buckets. */
  records: z.array(z.object({ id: z.string().min(1), version: z.number().int().min(0) })),
});
export type ReconcileBucketsResponse = z.infer<typeof reconcileBucketsResponseSchema>;

export function tableDigest(pairs: ReadonlyArray<{ id: string; version: number }>): TableDigest {
  return tableDigestOf(digestsOf(pairs));
}
