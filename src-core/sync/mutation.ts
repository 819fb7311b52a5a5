import { z } from 'zod';
import { MALFORMED_TEXT_MESSAGE, malformedTextPath } from '../model/text';
import { deviceIdSchema, wireRecordIdSchema } from './common';

/**
 * The unit of sync (ARCHITECTURE.md, data flow 4–5): every local change is one
 * mutation, written to the outbox in the same transaction as the record. The
 * server answers each one idempotently by `mutationId`.
 */
export const ENTITY_TYPES = ['clients', 'contracts', 'usage', 'invoices', 'payments', 'letters', 'priceLists'] as const;
export const entityTypeSchema = z.enum(ENTITY_TYPES, { error: `Type d’enregistrement inconnu (${ENTITY_TYPES.join(', ')}).` });
export type EntityType = z.infer<typeof entityTypeSchema>;

/** A top-level field of a record, as a mutation names it. */
const fieldNameSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'Nom de champ invalide (lettres, chiffres et _, 64 au plus).');

/**
 * The changed fields: checked one by one by their entity's schema once merged
 * (server) or written (laptop); here, every text of them must be whole — a
 * conflict answer echoes them and must be storable too.
 */
const changesSchema = z.record(fieldNameSchema, z.unknown()).superRefine((changes, ctx) => {
  const path = malformedTextPath(changes);
  if (path) ctx.addIssue({ code: 'custom', path, message: MALFORMED_TEXT_MESSAGE });
});

export const mutationSchema = z.strictObject({
  /** Made by the laptop (UUID v4); the same id sent twice is applied once. */
  mutationId: z.uuid({ error: 'Identifiant de mutation invalide (UUID attendu).' }),
  deviceId: deviceIdSchema,
  entity: entityTypeSchema,
  recordId: wireRecordIdSchema,
  op: z.enum(['upsert', 'delete'], { error: 'Opération invalide (upsert ou delete).' }),
  /**
   * The record version the change was made on (0 for a new record). The server
   * merges changed fields edited on different sides and reports a conflict when
   * the same field changed on both.
   */
  baseVersion: z.number({ error: 'Version de base attendue.' }).int('Version de base invalide.').min(0, 'Version de base invalide.'),
  /**
   * Only the fields that changed, with their new values (the whole record on
   * create); null empties a field (field-changes.ts: absent once stored, or
   * null where the entity's schema takes null).
   */
  changes: changesSchema,
  /** Laptop clock, informative only: order is decided by the server. */
  madeAt: z.iso.datetime({ offset: true, error: 'Horodatage invalide (ISO 8601 avec fuseau attendu).' }),
});
export type Mutation = z.infer<typeof mutationSchema>;
