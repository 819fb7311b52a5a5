import { z } from 'zod';
import { entityTypeSchema } from './mutation';

/** Hash and count of the live (not deleted) records of one table. */
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

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK64 = (1n << 64n) - 1n;

/** FNV-1a 64 over UTF-16 code units: pure, so the laptop and the server compute the same value. */
function fnv1a64(text: string): bigint {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * FNV_PRIME) & MASK64;
  }
  return hash;
}

/**
 * Order-independent digest of a table: the sum modulo 2^64 of the hash of each
 * `id:version`. Equal sets give equal digests whatever order they are read in,
 * so the app compares without sorting 10,000 rows.
 */
export function reconcileHash(pairs: Iterable<{ id: string; version: number }>): string {
  let sum = 0n;
  for (const { id, version } of pairs) sum = (sum + fnv1a64(`${id}:${version}`)) & MASK64;
  return sum.toString(16).padStart(16, '0');
}

export function tableDigest(pairs: ReadonlyArray<{ id: string; version: number }>): TableDigest {
  return { count: pairs.length, hash: reconcileHash(pairs) };
}
