import { z } from 'zod';
import { mutationSchema } from './mutation';
import { deviceIdSchema, optionalSaidSchema, wireRecordSchema } from './common';

export const MAX_PUSH_BATCH = 500;
/** Body limit of POST /sync/push, enforced by the server (413 beyond). */
export const MAX_PUSH_BYTES = 5 * 1024 * 1024;

export const pushRequestSchema = z.strictObject({
  deviceId: deviceIdSchema,
  mutations: z.array(mutationSchema).min(1).max(MAX_PUSH_BATCH),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

/** The same field changed on the server and on the laptop since `baseVersion`. */
export const fieldConflictSchema = z.object({
  field: z.string(),
  serverValue: z.unknown(),
  /** Null when the laptop deleted the record. */
  clientValue: z.unknown(),
});
export type FieldConflict = z.infer<typeof fieldConflictSchema>;

const appliedResultSchema = z.object({
  mutationId: z.string(),
  status: z.literal('applied'),
  version: z.number().int().min(0),
  /** The merged record as stored (null once deleted): replace the local copy with it. */
  record: wireRecordSchema.nullable(),
});

const conflictResultSchema = z.object({
  mutationId: z.string(),
  status: z.literal('conflict'),
  /** Current server version and record: resolve, then send a new mutation on this version. */
  version: z.number().int().min(0),
  record: wireRecordSchema.nullable(),
  conflicts: z.array(fieldConflictSchema),
  reason: z.string(),
  /** The reason as a message code (issue 19): the laptop says it in its language; French in `reason`. */
  said: optionalSaidSchema,
});

const rejectedResultSchema = z.object({
  mutationId: z.string(),
  status: z.literal('rejected'),
  /** French, shown to the account manager as is (an answer from an older server, or a reason worded only in French). */
  reason: z.string(),
  /** The reason as a message code and its values (issue 19), said in the laptop's language. */
  said: optionalSaidSchema,
});

/** Stored by mutation id: the same mutation sent again gets this very answer. */
export const mutationResultSchema = z.discriminatedUnion('status', [appliedResultSchema, conflictResultSchema, rejectedResultSchema]);
export type MutationResult = z.infer<typeof mutationResultSchema>;
export type MutationStatus = MutationResult['status'];

export const pushResponseSchema = z.object({
  /** One per mutation, in the order sent. */
  results: z.array(mutationResultSchema),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;
