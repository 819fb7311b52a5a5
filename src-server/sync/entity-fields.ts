import { z } from 'zod';
import { message, type Message } from '../../src-core/messages';
import { entitySchemas } from '../../src-core/model';
import type { EntityType, WireRecord } from '../../src-core/sync';

/** Top-level fields of each entity, read once from its src-core/model schema. */
const knownFields = new Map<EntityType, Set<string>>();

function fieldsOf(entity: EntityType): Set<string> {
  let fields = knownFields.get(entity);
  if (!fields) {
    const described = z.toJSONSchema(entitySchemas[entity], { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown> };
    fields = new Set(Object.keys(described.properties ?? {}));
    knownFields.set(entity, fields);
  }
  return fields;
}

/** Fields only the central API writes (e-invoicing: the platform's statuses); a pushed mutation never sets them. */
const SERVER_OWNED_FIELDS: Partial<Record<EntityType, readonly string[]>> = { invoices: ['platform'] };

/**
 * Fields of a mutation its entity does not have, or that only the server writes. The strict entity schema
 * refuses them too, but only once the record is loaded and merged, and with
 * one issue per key; this names the first few at once, before any read, so
 * 20,000 invented keys cost nothing and never reach a field version or the
 * audit trail.
 */
export function unknownFieldsRefusal(entity: EntityType, changes: WireRecord): Message | undefined {
  const owned = SERVER_OWNED_FIELDS[entity]?.find((field) => field in changes);
  if (owned) return message('sync.refusal.serverOwnedField', { field: owned });
  const fields = fieldsOf(entity);
  const unknown = Object.keys(changes).filter((field) => !fields.has(field));
  if (unknown.length === 0) return undefined;
  const shown = { list: unknown.slice(0, 5).map((field) => message('sync.refusal.quotedField', { field: field.slice(0, 60) })) };
  return message('sync.refusal.unknownFields', { count: unknown.length, shown, more: unknown.length > 5 ? { message: message('sync.refusal.moreFields', { count: unknown.length - 5 }) } : '' });
}
