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
  ) {
    super(message);
  }
}
