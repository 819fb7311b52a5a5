import { DomainError } from '../../../src-core';

/** The DomainError `action` throws (any other error is rethrown; none fails the test). */
export function refusalOf(action: () => unknown): DomainError {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('no refusal');
}
