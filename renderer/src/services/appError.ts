import { isErrorCode, type Ack, type AppError, type ErrorCode } from '../../../common/errors.js';
import { z } from 'zod';

export function appError(code: ErrorCode, message: string): AppError {
  return { code, message };
}

export function failure<T = never>(code: ErrorCode, message: string): Ack<T> {
  return { ok: false, error: appError(code, message) };
}

/** What the server sends as a refusal, in an ack or an HTTP error body. */
export const appErrorSchema = z.object({
  code: z.string(),
  message: z.string().optional(),
});

/** An error whose code we do not know (a newer server) is treated as INTERNAL, keeping the message. */
export function toAppError(raw: z.infer<typeof appErrorSchema>): AppError {
  if (isErrorCode(raw.code)) return { code: raw.code, message: raw.message ?? raw.code };
  return { code: 'INTERNAL', message: `${raw.code}: ${raw.message ?? ''}`.trim() };
}

/** `Ack<T>` as it arrives from the other side, with `data` parsed by `data`. */
export function ackSchema<T>(data: z.ZodType<T>): z.ZodType<Ack<T>> {
  return z.union([
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: appErrorSchema.transform(toAppError) }),
  ]) as unknown as z.ZodType<Ack<T>>;
}

const HTTP_STATUS_CODES: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'RATE_LIMITED',
  502: 'UNAVAILABLE',
  503: 'UNAVAILABLE',
  504: 'UNAVAILABLE',
};

export function codeForStatus(status: number): ErrorCode {
  return HTTP_STATUS_CODES[status] ?? 'INTERNAL';
}
