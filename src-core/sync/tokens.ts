import { z } from 'zod';

/** An admin names the user whose tokens go (a lost or stolen laptop). */
export const userTokensRevokeRequestSchema = z.strictObject({
  user: z.string().trim().min(1, 'Nom d’utilisateur attendu').max(200),
});
export type UserTokensRevokeRequest = z.infer<typeof userTokensRevokeRequestSchema>;

/** How many tokens this call revoked (already revoked ones are not counted again). */
export const tokenRevokeResponseSchema = z.object({ revoked: z.number().int().nonnegative() });
export type TokenRevokeResponse = z.infer<typeof tokenRevokeResponseSchema>;
