import { z } from 'zod';
import { entitySchemas } from '../model/registry';
import type { WireRecord } from './common';
import type { EntityType } from './mutation';

/**
 * "This optional field is now empty", on the wire and in the merge, the same
 * on both sides (ARCHITECTURE.md, data flow 4b). In a mutation's `changes`,
 * `null` says the field was emptied: a client's partner or VAT number taken
 * off, a contract's payment term back to the default, a notice withdrawn.
 * A stored record expresses emptiness as its entity schema does: an optional
 * field is absent, a nullable one (a draft's number, the VAT mention) holds
 * null. JSON cannot carry `undefined`, hence null on the wire.
 */

const nullableFieldsCache = new Map<EntityType, ReadonlySet<string>>();

/** The top-level fields of an entity whose stored value may be null (its schema says so). */
function nullableFields(entity: EntityType): ReadonlySet<string> {
  let fields = nullableFieldsCache.get(entity);
  if (!fields) {
    const schema = entitySchemas[entity];
    const shape: Record<string, z.ZodType> = schema instanceof z.ZodObject ? schema.shape : {};
    fields = new Set(Object.keys(shape).filter((field) => shape[field]!.safeParse(null).success));
    nullableFieldsCache.set(entity, fields);
  }
  return fields;
}

/** The record with each emptied field as the entity stores it: null kept where the schema takes null, the field removed otherwise. */
export function withEmptyFieldsAsStored(entity: EntityType, record: WireRecord): WireRecord {
  const nullable = nullableFields(entity);
  const stored: WireRecord = {};
  for (const [field, value] of Object.entries(record)) {
    if (value === undefined || (value === null && !nullable.has(field))) continue;
    stored[field] = value;
  }
  return stored;
}

/** `record` with a mutation's `changes` applied (null empties a field). */
export function applyFieldChanges(entity: EntityType, record: WireRecord, changes: WireRecord): WireRecord {
  return withEmptyFieldsAsStored(entity, { ...record, ...changes });
}

/** Record metadata the server sets (version, clock, creation): never a change a person made, never a difference to show. */
export const RECORD_META_FIELDS: readonly string[] = ['version', 'updatedAt', 'createdAt'];

/**
 * Which fields a change touches, the same on both sides: the fields of a
 * mutation's `changes` whose value differs from the record's (the server's
 * merge and its audit; sending a field's current value, or "empty" for an
 * empty field, changes nothing).
 */
export function changedFieldsOf(record: WireRecord, changes: WireRecord): string[] {
  return Object.keys(changes).filter((field) => !sameFieldValue(changes[field], record[field]));
}

/**
 * Which fields differ between two versions of a record (undefined: the
 * record did not exist), sorted, record metadata left out: what the laptop
 * sends and audits for a local change, and what a join shows side by side.
 */
export function differingFields(before: WireRecord | undefined, after: WireRecord | undefined): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys].filter((field) => !RECORD_META_FIELDS.includes(field) && !sameFieldValue(before?.[field], after?.[field])).sort();
}

/**
 * Equality of two field values as JSON: key order does not matter (jsonb
 * gives objects back with its own), and an emptied field is empty whichever
 * way it is written — null, undefined or absent — so sending "empty" for a
 * field already empty changes nothing and conflicts with nothing. Inside a
 * value, null is a value like any other (a letter parameter may be null).
 */
export function sameFieldValue(a: unknown, b: unknown): boolean {
  return isEmpty(a) && isEmpty(b) ? true : sameJson(a, b);
}

const isEmpty = (value: unknown) => value === null || value === undefined;

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  // A property set to undefined is absent once in JSON.
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  return [...keys].every((key) => (left[key] === undefined ? right[key] === undefined : Object.hasOwn(right, key) && sameJson(left[key], right[key])));
}
