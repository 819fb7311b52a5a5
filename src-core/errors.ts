import type { Message } from './messages';

/**
 * The one error type of the domain core. Every rule refuses bad input with a
 * DomainError carrying a machine code (for tests and UI mapping) and a French
 * message that can be shown to an account manager as is.
 */
export type DomainErrorCode =
  | 'INVALID_DATE'
  | 'INVALID_INSTANT'
  | 'INVALID_AMOUNT'
  | 'INVALID_NUMBER'
  | 'UNKNOWN_TIER'
  | 'UNKNOWN_PRICE_LIST'
  | 'INVALID_COUNTRY'
  | 'INVALID_SERIES'
  | 'NUMBERING_VIOLATION'
  | 'INVALID_TRANSITION'
  | 'INVALID_INPUT';

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** The same message as a code and its values (issue 19), for the interface's language: `message` is its French. */
    readonly said?: Message,
  ) {
    super(message);
  }
}
