import { expect } from 'vitest';
import { DomainError, type ErrorCode } from '../../../common/errors.js';

/** Asserts that a call (sync or async) is refused with the given DomainError code (tests only). */
export async function expectCode(call: () => unknown, code: ErrorCode): Promise<void> {
  let thrown: unknown;
  try {
    await call();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, `expected ${code}`).toBeInstanceOf(DomainError);
  expect((thrown as DomainError).code).toBe(code);
}
