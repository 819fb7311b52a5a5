import { z } from 'zod';
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
export function unknownFieldsRefusal(entity: EntityType, changes: WireRecord): string | undefined {
  const owned = SERVER_OWNED_FIELDS[entity]?.find((field) => field in changes);
  if (owned) return `Le champ « ${owned} » est écrit par le serveur seul (statuts de la plateforme agréée).`;
  const fields = fieldsOf(entity);
  const unknown = Object.keys(changes).filter((field) => !fields.has(field));
  if (unknown.length === 0) return undefined;
  const shown = unknown.slice(0, 5).map((field) => `« ${field.slice(0, 60)} »`).join(', ');
  return `Champ${unknown.length > 1 ? 's' : ''} inconnu${unknown.length > 1 ? 's' : ''} : ${shown}${unknown.length > 5 ? ` et ${unknown.length - 5} ${unknown.length === 6 ? 'autre' : 'autres'}` : ''}.`;
}
