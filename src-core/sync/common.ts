import { z } from 'zod';
import { identifier } from '../model/text';
import { isMessageCode, type Message, type MessageCode, type MessageParam } from '../messages';

/** A stored record as it travels on the wire: a plain JSON object whose `id` is its record id. */
export const wireRecordSchema = z.record(z.string(), z.unknown());
export type WireRecord = z.infer<typeof wireRecordSchema>;

/** Calendar month of a usage row, `YYYY-MM`. */
/** `YYYY-MM`, month 01 to 12. */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
export const monthSchema = z.string().regex(MONTH_PATTERN, 'Mois attendu au format AAAA-MM');

/** Calendar date `YYYY-MM-DD` (DOMAIN.md conventions). */
export const isoDateSchema = z.iso.date({ message: 'Date attendue au format AAAA-MM-JJ' });

/** Identifies a laptop installation; also carried by every mutation. */
export const deviceIdSchema = identifier(64, 'Identifiant de poste obligatoire.');

/** A record's id on the wire (same rule as src-core/model recordIdSchema). */
export const wireRecordIdSchema = identifier(128);

const text = z.string().max(2_000);
const messageParamSchema: z.ZodType<MessageParam> = z.lazy(() =>
  z.union([
    text,
    z.number(),
    z.strictObject({ date: text }),
    z.strictObject({ longDate: text }),
    z.strictObject({ month: text }),
    z.strictObject({ cents: z.number().int() }),
    z.strictObject({ signedCents: z.number().int() }),
    z.strictObject({ word: z.custom<MessageCode>(isMessageCode) }),
    z.strictObject({ message: saidSchema }),
    z.strictObject({ rule: z.union([saidSchema, text]) }),
    z.strictObject({ list: z.array(saidSchema).max(100) }),
    z.strictObject({ clauses: z.array(saidSchema).max(100) }),
    z.strictObject({ lines: z.array(saidSchema).max(100) }),
    z.strictObject({ months: z.array(text).max(100) }),
  ]),
);

/**
 * A sentence of the server as a message code and its values (issue 19), sent
 * beside its French so the laptop says it in the interface's language. A code
 * this laptop does not know (a newer server) is dropped, not refused: the
 * French beside it is shown as is.
 */
export const saidSchema: z.ZodType<Message> = z.lazy(() => z.object({ code: z.custom<MessageCode>(isMessageCode), params: z.record(z.string(), messageParamSchema).optional() }));
/** `said` as a reply carries it: optional, and left out when this laptop cannot read it. */
export const optionalSaidSchema = saidSchema.optional().catch(undefined);

/** Every error answer of the API: a machine code and a French message shown as is. */
export const apiErrorSchema = z.object({
  error: z.string(),
  message: z.string(),
  /** The message as a code and its values, for the laptop's language (absent from older servers and from errors worded only in French). */
  said: optionalSaidSchema,
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
