/**
 * The reply shape of every request that crosses a boundary (socket acks, IPC results, HTTP
 * error bodies). A refusal always carries a typed code the client can act on and a message
 * meant for logs, never for display (the UI translates the code).
 */
export const ERROR_CODES = [
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'FORBIDDEN',
  'NOT_FOUND',
  'NOT_ADMITTED',
  'LESSON_NOT_STARTED',
  'ALREADY_IN_LESSON',
  'CONFLICT',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'TIMEOUT',
  'UNAVAILABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppError {
  code: ErrorCode;
  message: string;
}

export type Ack<T> = { ok: true; data: T } | { ok: false; error: AppError };

export function ok<T>(data: T): Ack<T> {
  return { ok: true, data };
}

export function fail<T = never>(code: ErrorCode, message: string): Ack<T> {
  return { ok: false, error: { code, message } };
}

/** Thrown inside domain services; handlers turn it into a failed Ack. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
