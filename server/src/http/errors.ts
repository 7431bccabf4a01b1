import { ZodError } from 'zod';
import { DomainError, type AppError, type ErrorCode } from '../../../common/errors.js';

export const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  NOT_ADMITTED: 403,
  LESSON_NOT_STARTED: 409,
  ALREADY_IN_LESSON: 409,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  TIMEOUT: 504,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

export interface HttpError {
  status: number;
  body: { error: AppError };
}

function httpError(status: number, code: ErrorCode, message: string): HttpError {
  return { status, body: { error: { code, message } } };
}

/** Any thrown value as a JSON error reply. Unknown failures say nothing about their cause. */
export function toHttpError(error: unknown): HttpError {
  if (error instanceof DomainError) return httpError(HTTP_STATUS[error.code], error.code, error.message);
  if (error instanceof ZodError) return httpError(400, 'BAD_REQUEST', 'The request body is malformed');
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Errors fastify raises itself: body too large, malformed JSON, unsupported content type...
    const message = error instanceof Error ? error.message : 'Bad request';
    if (status === 413) return httpError(413, 'PAYLOAD_TOO_LARGE', 'The request body is too large');
    if (status === 404) return httpError(404, 'NOT_FOUND', message);
    if (status === 429) return httpError(429, 'RATE_LIMITED', message);
    return httpError(status, 'BAD_REQUEST', message);
  }
  if (status === 503) return httpError(503, 'UNAVAILABLE', 'The server is shutting down');
  return httpError(500, 'INTERNAL', 'The server could not handle the request');
}
