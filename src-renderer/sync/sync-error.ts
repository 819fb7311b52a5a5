/** Why a sync step failed, decided once so the engine knows whether to retry and the screen what to say. */
export type SyncErrorKind = 'network' | 'timeout' | 'server' | 'rateLimited' | 'unauthorized' | 'forbidden' | 'refused' | 'tooLarge' | 'badAnswer';

const RETRYABLE: ReadonlySet<SyncErrorKind> = new Set(['network', 'timeout', 'server', 'rateLimited', 'badAnswer']);

export class SyncError extends Error {
  readonly kind: SyncErrorKind;
  readonly status: number | undefined;

  /** `message` is French, shown to the account manager as is. */
  constructor(kind: SyncErrorKind, message: string, status?: number) {
    super(message);
    this.name = 'SyncError';
    this.kind = kind;
    this.status = status;
  }

  /** Worth trying again later on its own (backoff); the others need a person (token, role, data). */
  get retryable(): boolean {
    return RETRYABLE.has(this.kind);
  }

  /** The laptop could not reach the server at all: shown as "hors ligne". */
  get offline(): boolean {
    return this.kind === 'network' || this.kind === 'timeout';
  }
}

/** The kind of an HTTP error status. */
export function kindOfStatus(status: number): SyncErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 413) return 'tooLarge';
  if (status === 429) return 'rateLimited';
  if (status >= 500) return 'server';
  return 'refused';
}

const DEFAULT_MESSAGES: Record<SyncErrorKind, string> = {
  network: 'Serveur injoignable : vérifiez la connexion réseau et l’adresse du serveur.',
  timeout: 'Le serveur n’a pas répondu à temps.',
  server: 'Le serveur a rencontré une erreur ; nouvel essai automatique.',
  rateLimited: 'Trop de requêtes : nouvel essai dans un instant.',
  unauthorized: 'Jeton refusé : reconnectez-vous avec un jeton valide.',
  forbidden: 'Ce jeton n’a pas le droit de synchroniser (rôle chargé de clientèle ou administrateur requis).',
  refused: 'Le serveur a refusé la requête.',
  tooLarge: 'Envoi trop volumineux pour le serveur.',
  badAnswer: 'Réponse inattendue du serveur.',
};

export function defaultMessage(kind: SyncErrorKind): string {
  return DEFAULT_MESSAGES[kind];
}

/** Any failure as a SyncError (a bug in our code stays visible, in French, rather than silently retried). */
export function asSyncError(error: unknown): SyncError {
  if (error instanceof SyncError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new SyncError('refused', `Synchronisation interrompue : ${detail}`);
}
