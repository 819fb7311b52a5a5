import { z } from 'zod';
import { text } from '../model/text';
import { deviceIdSchema } from './common';

/** Who may call what (ARCHITECTURE.md: the hosting platform only feeds usage). */
export const API_ROLES = ['admin', 'account_manager', 'ingest'] as const;
export const apiRoleSchema = z.enum(API_ROLES);
export type ApiRole = z.infer<typeof apiRoleSchema>;

/** The person behind a token: the laptop names them in its audit and on the Synchronisation screen. */
export const apiPersonSchema = z.object({
  id: z.string().min(1).max(64),
  /** The sign-in name (unique, never changes). */
  name: z.string().min(1).max(200),
  /** How the audit names them ("Alice Martin"); the sign-in name when none was given. */
  displayName: z.string().min(1).max(200),
  role: apiRoleSchema,
});
export type ApiPerson = z.infer<typeof apiPersonSchema>;

/**
 * Signing in from a laptop. The password is never trimmed nor rewritten
 * (a space is part of it); the device id binds the token to that laptop,
 * so an admin can revoke one laptop's access and keep the others.
 */
export const loginRequestSchema = z.strictObject({
  user: text({ max: 200, required: 'Nom d’utilisateur attendu.' }),
  password: z.string({ error: 'Mot de passe attendu.' }).min(1, 'Mot de passe attendu.').max(1024, 'Mot de passe trop long.'),
  deviceId: deviceIdSchema,
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const loginResponseSchema = z.object({ token: z.string().min(1), user: apiPersonSchema });
export type LoginResponse = z.infer<typeof loginResponseSchema>;

/** Who the token of the request belongs to, and the laptop it was issued for (none for a CLI token). */
export const meResponseSchema = z.object({ user: apiPersonSchema, deviceId: z.string().nullable() });
export type MeResponse = z.infer<typeof meResponseSchema>;

/** An admin lists a user's laptops (one token per laptop signed in). */
export const userTokensListRequestSchema = z.strictObject({
  user: text({ max: 200, required: 'Nom d’utilisateur attendu' }),
});
export const userTokenSchema = z.object({
  deviceId: z.string().nullable(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
export const userTokensListResponseSchema = z.object({ tokens: z.array(userTokenSchema) });
export type UserTokensListResponse = z.infer<typeof userTokensListResponseSchema>;

/** An admin revokes the tokens of one laptop of a user (lost laptop): the user's other laptops keep theirs. */
export const deviceTokensRevokeRequestSchema = z.strictObject({
  user: text({ max: 200, required: 'Nom d’utilisateur attendu' }),
  deviceId: deviceIdSchema,
});
