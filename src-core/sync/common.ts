import { z } from 'zod';
import { identifier } from '../model/text';

/** A stored record as it travels on the wire: a plain JSON object whose `id` is its record id. */
export const wireRecordSchema = z.record(z.string(), z.unknown());
export type WireRecord = z.infer<typeof wireRecordSchema>;

/** Calendar month of a usage row, `YYYY-MM`. */
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Mois attendu au format AAAA-MM');

/** Calendar date `YYYY-MM-DD` (DOMAIN.md conventions). */
export const isoDateSchema = z.iso.date({ message: 'Date attendue au format AAAA-MM-JJ' });

/** Identifies a laptop installation; also carried by every mutation. */
export const deviceIdSchema = identifier(64, 'Identifiant de poste obligatoire.');

/** A record's id on the wire (same rule as src-core/model recordIdSchema). */
export const wireRecordIdSchema = identifier(128);

/** Every error answer of the API: a machine code and a French message shown as is. */
export const apiErrorSchema = z.object({
  error: z.string(),
  message: z.string(),
  /** For invalid input: where and what, one entry per problem. */
  details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export const healthResponseSchema = z.object({
  status: z.literal('ok'),
  storage: z.enum(['embedded', 'postgres']),
  /** Server time, informative only (laptop clocks are not trusted either way). */
  time: z.string(),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;
