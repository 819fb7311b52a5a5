import { ENTITY_LABELS, ValidationError, entitySchemas, parseEntity } from '../../src-core/model';
import type { EntityType, WireRecord } from '../../src-core/sync';

export type Validated = { ok: true; record: WireRecord } | { ok: false; reason: string };

/**
 * Checks a whole record (after merge) against its entity schema of
 * src-core/model. What is stored is the schema's output: trimmed, normalised,
 * without unknown fields; refused, the French reason lists every field.
 */
export function validateRecord(entity: EntityType, record: WireRecord): Validated {
  try {
    return { ok: true, record: parseEntity(entitySchemas[entity], record, ENTITY_LABELS[entity]) as WireRecord };
  } catch (error) {
    if (error instanceof ValidationError) return { ok: false, reason: error.message };
    throw error;
  }
}
