import { expect } from 'vitest';
import { DomainError } from '../../../src-core/errors';

/** `fn` must refuse with a DomainError of `code` carrying a French message a person can read. */
export function expectDomainError(fn: () => unknown, code: string): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe(code);
    expect((e as DomainError).message.length).toBeGreaterThan(10);
    return;
  }
  throw new Error('DomainError attendue');
}
