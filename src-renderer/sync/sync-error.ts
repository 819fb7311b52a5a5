import { message, messageFr, type Message, type MessageCode } from '../../src-core';

/** Why a sync step failed, decided once so the engine knows whether to retry and the screen what to say. */
export type SyncErrorKind = 'network' | 'timeout' | 'server' | 'rateLimited' | 'unauthorized' | 'forbidden' | 'refused' | 'tooLarge' | 'badAnswer';

const RETRYABLE: ReadonlySet<SyncErrorKind> = new Set(['network', 'timeout', 'server', 'rateLimited', 'badAnswer']);

export class SyncError extends Error {
  readonly kind: SyncErrorKind;
  readonly status: number | undefined;
  /** The same as a message code (issue 19): the server's `said`, or the kind's own words; the screen says it in its language. */
  readonly said: Message | undefined;

  /** `text` is French, shown to the account manager as is. */
  constructor(kind: SyncErrorKind, text: string, status?: number, said?: Message) {
    super(text);
    this.name = 'SyncError';
    this.kind = kind;
    this.status = status;
    this.said = said ?? (text === defaultMessage(kind) ? message(SYNC_ERROR_CODES[kind]) : undefined);
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

/** The words of each kind (src-core's MESSAGES_FR: French here, the interface's language on screen). */
const SYNC_ERROR_CODES: Record<SyncErrorKind, MessageCode> = {
  network: 'sync.error.network',
  timeout: 'sync.error.timeout',
  server: 'sync.error.server',
  rateLimited: 'sync.error.rateLimited',
  unauthorized: 'sync.error.unauthorized',
  forbidden: 'sync.error.forbidden',
  refused: 'sync.error.refused',
  tooLarge: 'sync.error.tooLarge',
  badAnswer: 'sync.error.badAnswer',
};

export function defaultMessage(kind: SyncErrorKind): string {
  return messageFr(message(SYNC_ERROR_CODES[kind]));
}

/** Any failure as a SyncError (a bug in our code stays visible, in French, rather than silently retried). */
export function asSyncError(error: unknown): SyncError {
  if (error instanceof SyncError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new SyncError('refused', `Synchronisation interrompue : ${detail}`);
}
