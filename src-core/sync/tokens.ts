import { z } from 'zod';
import { text } from '../model/text';

/** An admin names the user whose tokens go (a lost or stolen laptop). */
export const userTokensRevokeRequestSchema = z.strictObject({
  user: text({ max: 200, required: 'Nom d’utilisateur attendu' }),
});
export type UserTokensRevokeRequest = z.infer<typeof userTokensRevokeRequestSchema>;

/** How many tokens this call revoked (already revoked ones are not counted again). */
export const tokenRevokeResponseSchema = z.object({ revoked: z.number().int().nonnegative() });
export type TokenRevokeResponse = z.infer<typeof tokenRevokeResponseSchema>;
