import { message, messageFr, type Message, type MessageCode } from '../../src-core';

/** Why a sync step failed, decided once so the engine knows whether to retry and the screen what to say. */
export type SyncErrorKind = 'network' | 'timeout' | 'server' | 'rateLimited' | 'unauthorized' | 'forbidden' | 'refused' | 'tooLarge' | 'badAnswer';

const RETRYABLE: ReadonlySet<SyncErrorKind> = new Set(['network', 'timeout', 'server', 'rateLimited', 'badAnswer']);

export class SyncError extends Error {
  readonly kind: SyncErrorKind;
  readonly status: number | undefined;
  /** The same as a message code (issue 19): the server's `said`, or the kind's own words; the screen says it in its language. */
  readonly said: Message | undefined;

  /** `text` is French (the server's, beside its `said`), or a message code this laptop words itself. */
  constructor(kind: SyncErrorKind, text: string | Message, status?: number, said?: Message) {
    super(typeof text === 'string' ? text : messageFr(text));
    this.name = 'SyncError';
    this.kind = kind;
    this.status = status;
    this.said = typeof text === 'string' ? (said ?? (text === defaultMessage(kind) ? defaultSaid(kind) : undefined)) : text;
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

/** The words of a kind, as a message code. */
export function defaultSaid(kind: SyncErrorKind): Message {
  return message(SYNC_ERROR_CODES[kind]);
}

export function defaultMessage(kind: SyncErrorKind): string {
  return messageFr(defaultSaid(kind));
}

/** Any failure as a SyncError (a bug in our code stays visible, in French, rather than silently retried). */
export function asSyncError(error: unknown): SyncError {
  if (error instanceof SyncError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new SyncError('refused', message('sync.error.interrupted', { detail }));
}
