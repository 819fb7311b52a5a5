import { z } from 'zod';
import { healthResponseSchema } from './common';
import { pullRequestSchema, pullResponseSchema } from './pull';
import { MAX_PUSH_BYTES, pushRequestSchema, pushResponseSchema } from './push';
import { usageIngestRequestSchema, usageIngestResponseSchema } from './usage-ingest';
import { deviceGrantRequestSchema, deviceGrantResponseSchema, invoiceIssueRequestSchema, invoiceIssueResponseSchema } from './numbering';
import { reconcileResponseSchema } from './reconcile';
import { tokenRevokeResponseSchema, userTokensRevokeRequestSchema } from './tokens';

/** Who may call what (ARCHITECTURE.md: the hosting platform only feeds usage). */
export const API_ROLES = ['admin', 'account_manager', 'ingest'] as const;
export const apiRoleSchema = z.enum(API_ROLES);
export type ApiRole = z.infer<typeof apiRoleSchema>;

export interface ApiRoute {
  method: 'GET' | 'POST';
  path: string;
  summary: string;
  /** Empty = public (no token). */
  roles: readonly ApiRole[];
  body?: z.ZodType;
  response: z.ZodType;
  /** Largest accepted body in bytes (413 beyond). */
  bodyLimit?: number;
}

const SYNC_ROLES = ['admin', 'account_manager'] as const;

/**
 * The API surface, declared once: the server registers its handlers against
 * it and generates /openapi.json from it; the app's sync engine uses the same
 * schemas to check what it receives.
 */
export const API_ROUTES = {
  health: { method: 'GET', path: '/health', summary: 'État du serveur', roles: [], response: healthResponseSchema },
  pull: {
    method: 'POST',
    path: '/sync/pull',
    summary: 'Changements depuis un curseur, dans l’ordre du serveur',
    roles: SYNC_ROLES,
    body: pullRequestSchema,
    response: pullResponseSchema,
  },
  push: {
    method: 'POST',
    path: '/sync/push',
    summary: 'Envoi de mutations ; une réponse par mutation (appliquée, conflit, refusée)',
    roles: SYNC_ROLES,
    body: pushRequestSchema,
    response: pushResponseSchema,
    bodyLimit: MAX_PUSH_BYTES,
  },
  reconcile: {
    method: 'GET',
    path: '/sync/reconcile',
    summary: 'Nombre et empreinte des enregistrements par table',
    roles: SYNC_ROLES,
    response: reconcileResponseSchema,
  },
  ingestUsage: {
    method: 'POST',
    path: '/ingest/usage',
    summary: 'Consommations mensuelles des contrats (plateforme d’hébergement)',
    roles: ['admin', 'ingest'],
    body: usageIngestRequestSchema,
    response: usageIngestResponseSchema,
    bodyLimit: MAX_PUSH_BYTES,
  },
  deviceGrant: {
    method: 'POST',
    path: '/series/device-grant',
    summary: 'Série de numérotation propre à un poste, pour facturer hors ligne',
    roles: SYNC_ROLES,
    body: deviceGrantRequestSchema,
    response: deviceGrantResponseSchema,
  },
  issueInvoice: {
    method: 'POST',
    path: '/invoices/issue',
    summary: 'Émission d’une facture avec le numéro suivant de la série centrale',
    roles: SYNC_ROLES,
    body: invoiceIssueRequestSchema,
    response: invoiceIssueResponseSchema,
  },
  revokeToken: {
    method: 'POST',
    path: '/auth/revoke',
    summary: 'Révocation du jeton de la requête (déconnexion d’un poste) ; il est refusé ensuite',
    roles: API_ROLES,
    response: tokenRevokeResponseSchema,
  },
  revokeUserTokens: {
    method: 'POST',
    path: '/admin/revoke-tokens',
    summary: 'Révocation de tous les jetons d’un utilisateur (poste perdu ou volé)',
    roles: ['admin'],
    body: userTokensRevokeRequestSchema,
    response: tokenRevokeResponseSchema,
  },
} as const satisfies Record<string, ApiRoute>;
export type ApiRouteName = keyof typeof API_ROUTES;
