import { FNV_OFFSET_32, fnv1a32 } from '../hash';
import type { TableDigest } from './reconcile';

/**
 * The reconciliation's digests, kept per table and per bucket by both sides
 * (the laptop's write gateway, the server's record writes): a record falls in
 * the bucket its id hashes to, and a bucket holds the count of its records and,
 * per lane, the sum modulo 2^32 of the hash of each `id:version`. A sum is
 * order-independent and can be undone: a write removes the old version's part
 * and adds the new one's, so nothing is ever read again to keep it. A table's
 * digest is the sum of its buckets — the same value as `reconcileHash` of its
 * records — and when two tables differ, only the buckets that differ are
 * listed record by record.
 */
export const DIGEST_BUCKETS = 256;

/**
 * Two FNV-1a 32 lanes with different offset bases over UTF-16 code units: a
 * 64-bit hash in plain 32-bit integer arithmetic (Math.imul), pure, so the
 * laptop and the server compute the same value. BigInt arithmetic took
 * seconds for the 130,000 records of a large portfolio.
 */
const LANE_OFFSETS = [FNV_OFFSET_32, 0x050c5d1f] as const;
/** A third offset for the bucket of an id: independent of the lanes, so a bucket's records do not share their hashes' low bits. */
const BUCKET_OFFSET = 0x2f6b1e93;

/** The bucket a record's id falls in (0 … DIGEST_BUCKETS − 1). */
export const bucketOf = (id: string): number => fnv1a32(id, BUCKET_OFFSET) % DIGEST_BUCKETS;

/** Per bucket: how many records, and the two lanes' sums (unsigned 32-bit). A change to apply has the same shape (counts may be negative). */
export interface BucketDigests {
  count: number[];
  high: number[];
  low: number[];
}

export function emptyDigests(): BucketDigests {
  return { count: new Array<number>(DIGEST_BUCKETS).fill(0), high: new Array<number>(DIGEST_BUCKETS).fill(0), low: new Array<number>(DIGEST_BUCKETS).fill(0) };
}

/** Adds (sign 1) or removes (sign −1) one record's part, in place. */
export function addRecord(digests: BucketDigests, id: string, version: number, sign: 1 | -1 = 1): void {
  const bucket = bucketOf(id);
  const text = `${id}:${version}`;
  digests.count[bucket]! += sign;
  digests.high[bucket] = (digests.high[bucket]! + sign * fnv1a32(text, LANE_OFFSETS[0])) >>> 0;
  digests.low[bucket] = (digests.low[bucket]! + sign * fnv1a32(text, LANE_OFFSETS[1])) >>> 0;
}

/** Adds `change` (a delta of the same shape) to `digests`, in place. */
export function addDigests(digests: BucketDigests, change: BucketDigests): void {
  for (let b = 0; b < DIGEST_BUCKETS; b++) {
    digests.count[b]! += change.count[b]!;
    digests.high[b] = (digests.high[b]! + change.high[b]!) >>> 0;
    digests.low[b] = (digests.low[b]! + change.low[b]!) >>> 0;
  }
}

/** The digests of a set of records, computed from scratch. */
export function digestsOf(pairs: Iterable<{ id: string; version: number }>): BucketDigests {
  const digests = emptyDigests();
  for (const { id, version } of pairs) addRecord(digests, id, version);
  return digests;
}

/** Whether a change moves nothing (a record written again at the same version). */
export const isNoChange = (change: BucketDigests): boolean => change.count.every((n, b) => n === 0 && change.high[b] === 0 && change.low[b] === 0);

const hex = (high: number, low: number) => high.toString(16).padStart(8, '0') + low.toString(16).padStart(8, '0');

/** One bucket as the wire carries it. */
export const bucketDigest = (digests: BucketDigests, bucket: number): TableDigest => ({ count: digests.count[bucket]!, hash: hex(digests.high[bucket]!, digests.low[bucket]!) });

/** Every bucket as the wire carries it, in bucket order. */
export const wireBuckets = (digests: BucketDigests): TableDigest[] => Array.from({ length: DIGEST_BUCKETS }, (_, b) => bucketDigest(digests, b));

/** The whole table's count and hash: the sum of its buckets (equal to `reconcileHash` of its records). */
export function tableDigestOf(digests: BucketDigests): TableDigest {
  let count = 0;
  let high = 0;
  let low = 0;
  for (let b = 0; b < DIGEST_BUCKETS; b++) {
    count += digests.count[b]!;
    high = (high + digests.high[b]!) >>> 0;
    low = (low + digests.low[b]!) >>> 0;
  }
  return { count, hash: hex(high, low) };
}

/** The buckets whose count or hash differ between `ours` and `theirs` (as the wire carries them), ascending. */
export function differingBuckets(ours: BucketDigests, theirs: readonly TableDigest[]): number[] {
  const differing: number[] = [];
  for (let b = 0; b < DIGEST_BUCKETS; b++) {
    const other = theirs[b];
    const mine = bucketDigest(ours, b);
    if (!other || other.count !== mine.count || other.hash !== mine.hash) differing.push(b);
  }
  return differing;
}

/** The order-independent hash of a set of `id:version` pairs, 16 hex digits (one table's, all buckets summed). */
export function reconcileHash(pairs: Iterable<{ id: string; version: number }>): string {
  return tableDigestOf(digestsOf(pairs)).hash;
}

/** A record the laptop and the server hold at different versions (null: one of them does not hold it). */
export interface RecordDifference {
  id: string;
  local: number | null;
  server: number | null;
}

/**
 * The records of the `listed` buckets that differ between the laptop's
 * records (all of the table's: those of other buckets are left out) and the
 * server's (those buckets' only), by id.
 */
export function recordDifferences(local: Iterable<{ id: string; version: number }>, server: readonly { id: string; version: number }[], listed: readonly number[]): RecordDifference[] {
  const buckets = new Set(listed);
  const theirs = new Map(server.map((r) => [r.id, r.version]));
  const differences: RecordDifference[] = [];
  for (const { id, version } of local) {
    if (!buckets.has(bucketOf(id))) continue;
    const other = theirs.get(id);
    theirs.delete(id);
    if (other !== version) differences.push({ id, local: version, server: other ?? null });
  }
  for (const [id, version] of theirs) differences.push({ id, local: null, server: version });
  return differences.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
