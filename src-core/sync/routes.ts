import { z } from 'zod';
import { healthResponseSchema } from './common';
import { pullRequestSchema, pullResponseSchema } from './pull';
import { MAX_PUSH_BYTES, pushRequestSchema, pushResponseSchema } from './push';
import { usageIngestRequestSchema, usageIngestResponseSchema } from './usage-ingest';
import { deviceGrantRequestSchema, deviceGrantResponseSchema, invoiceIssueRequestSchema, invoiceIssueResponseSchema } from './numbering';
import { reconcileBucketsRequestSchema, reconcileBucketsResponseSchema, reconcileResponseSchema } from './reconcile';
import { tokenRevokeResponseSchema, userTokensRevokeRequestSchema } from './tokens';
import {
  API_ROLES,
  deviceTokensRevokeRequestSchema,
  loginRequestSchema,
  loginResponseSchema,
  meResponseSchema,
  userTokensListRequestSchema,
  userTokensListResponseSchema,
  type ApiRole,
} from './auth';


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
  reconcileBuckets: {
    method: 'POST',
    path: '/sync/reconcile/buckets',
    summary: 'Compartiments d’une table dont l’empreinte diffère de celle du poste, et les enregistrements (id, version) du serveur qu’ils contiennent',
    roles: SYNC_ROLES,
    body: reconcileBucketsRequestSchema,
    response: reconcileBucketsResponseSchema,
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
  login: {
    method: 'POST',
    path: '/auth/login',
    summary: 'Connexion d’un poste par nom d’utilisateur et mot de passe ; répond un jeton propre à ce poste (compte verrouillé après des échecs répétés)',
    roles: [],
    body: loginRequestSchema,
    response: loginResponseSchema,
  },
  me: {
    method: 'GET',
    path: '/auth/me',
    summary: 'La personne à qui appartient le jeton de la requête, et son poste',
    roles: API_ROLES,
    response: meResponseSchema,
  },
  listUserTokens: {
    method: 'POST',
    path: '/admin/tokens',
    summary: 'Les jetons d’un utilisateur, poste par poste (sans leur valeur)',
    roles: ['admin'],
    body: userTokensListRequestSchema,
    response: userTokensListResponseSchema,
  },
  revokeDeviceTokens: {
    method: 'POST',
    path: '/admin/revoke-device',
    summary: 'Révocation des jetons d’un seul poste d’un utilisateur (les autres postes gardent les leurs)',
    roles: ['admin'],
    body: deviceTokensRevokeRequestSchema,
    response: tokenRevokeResponseSchema,
  },
} as const satisfies Record<string, ApiRoute>;
export type ApiRouteName = keyof typeof API_ROUTES;
