import { z } from 'zod';
import { isValidIsoDate } from '../dates';
import { isValidEmail } from './identifiers';
import { TEXT_LIMITS, identifier, text } from './text';
import { frenchOf } from '../messages';

/**
 * Field schemas shared by the entities. Each carries its French message, so a
 * refused form field, CSV cell or pushed record says what is wrong in words an
 * account manager can act on.
 */

/** A required, well-formed, trimmed text (text.ts); `message` is shown when it is missing or empty. */
export function requiredText(message: string, max: number = TEXT_LIMITS.name) {
  return text({ max, required: message });
}

export const recordIdSchema = identifier(128);

export const isoDateSchema = z
  .string({ error: frenchOf('validation.date.required') })
  .refine(isValidIsoDate, frenchOf('validation.date.invalid'));

export const yearMonthSchema = z
  .string({ error: frenchOf('validation.month.required') })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, frenchOf('validation.month.invalid'));

/** An instant with its offset (`2026-11-27T17:00:00+01:00` or `…Z`). */
export const instantSchema = z.iso.datetime({ offset: true, error: frenchOf('validation.instant.invalid') });

export const centsSchema = z
  .number({ error: frenchOf('validation.amount.required') })
  .int(frenchOf('validation.amount.cents'))
  .refine(Number.isSafeInteger, frenchOf('validation.amount.outOfRange'));

export const emailSchema = text({ max: 254, required: frenchOf('validation.email.required') }).refine(isValidEmail, frenchOf('validation.email.invalid'));

/** ISO 3166-1 alpha-2, upper case ("FR", "DE", "CH"). */
export const countryCodeSchema = z
  .string({ error: frenchOf('validation.country.required') })
  .trim()
  .overwrite((s) => s.toUpperCase())
  .regex(/^[A-Z]{2}$/, frenchOf('validation.country.invalid'));

/** Sync version of a record: 0 until the central API has stored it, then the server's counter. */
export const versionSchema = z.number().int(frenchOf('validation.version.invalid')).min(0, frenchOf('validation.version.invalid'));

/** Fields every stored and synced record carries. */
export const recordMetaShape = {
  id: recordIdSchema,
  createdAt: instantSchema,
  updatedAt: instantSchema,
  version: versionSchema,
};

/**
 * The id of the user intent that created a record (a form or dialog opened
 * once): a second submit of the same intent finds the record it made and
 * changes nothing (idempotent commands, issue 16).
 */
export const commandIdSchema = recordIdSchema.optional();

/** Keys that the data layer fills (never typed by a user). */
export type RecordMetaKey = keyof typeof recordMetaShape;
