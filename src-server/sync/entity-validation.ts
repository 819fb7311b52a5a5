import { ENTITY_LABELS, ValidationError, entitySchemas, parseEntity } from '../../src-core/model';
import type { Message } from '../../src-core/messages';
import { withEmptyFieldsAsStored, type EntityType, type WireRecord } from '../../src-core/sync';

/** Refused: `reason` is the French, `said` the same as message codes (each field named in the laptop's language). */
export type Validated = { ok: true; record: WireRecord } | { ok: false; reason: string; said: Message };

/**
 * Checks a whole record (after merge) against its entity schema of
 * src-core/model. The fields a mutation emptied (null on the wire) are first
 * stored as the schema expresses emptiness — absent, or null where it takes
 * null. What is stored is the schema's output (texts whole, NFC, trimmed,
 * bounded); an unknown field is refused, never stored. Refused, the French
 * reason lists every field.
 */
export function validateRecord(entity: EntityType, record: WireRecord): Validated {
  try {
    return { ok: true, record: parseEntity(entitySchemas[entity], withEmptyFieldsAsStored(entity, record), ENTITY_LABELS[entity]) as WireRecord };
  } catch (error) {
    if (error instanceof ValidationError) return { ok: false, reason: error.message, said: error.said! };
    throw error;
  }
}
