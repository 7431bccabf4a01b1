import type { z } from 'zod';
import type { Ack } from '../../../common/errors.js';
import { lessonReplySchemas, type LessonRequests } from '../../../common/protocol/lesson.js';
import { ackSchema, failure } from './appError.js';

/** The part of a socket.io client socket a request needs (a fake implements it in tests). */
export interface RequestSocket {
  readonly connected: boolean;
  emit(event: string, payload: unknown, ack: (reply: unknown) => void): unknown;
}

export type RequestName = keyof LessonRequests;

/** The shared reply schemas, typed per request so a generic request keeps its reply type. */
const replySchemas: { [K in RequestName]: z.ZodType<LessonRequests[K][1]> } = lessonReplySchemas;

/**
 * Sends one request and resolves to its parsed Ack: TIMEOUT when no reply comes in time,
 * UNAVAILABLE when the socket is not connected or `signal` aborts (the client closed), INTERNAL when the reply is malformed.
 * Never throws and never retries (most lesson requests are not idempotent).
 */
export function socketRequest<K extends RequestName>(
  socket: RequestSocket,
  name: K,
  payload: LessonRequests[K][0],
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<Ack<LessonRequests[K][1]>> {
  if (!socket.connected || signal?.aborted) return Promise.resolve(failure('UNAVAILABLE', `${name}: not connected`));
  const schema = ackSchema(replySchemas[name]);
  return new Promise((resolve) => {
    let settled = false;
    const settle = (reply: Ack<LessonRequests[K][1]>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(reply);
    };
    const onAbort = () => settle(failure('UNAVAILABLE', `${name}: connection closed`));
    const timer = setTimeout(() => settle(failure('TIMEOUT', `${name}: no reply within ${timeoutMs} ms`)), timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.emit(name, payload, (reply: unknown) => {
      const parsed = schema.safeParse(reply);
      settle(parsed.success ? parsed.data : failure('INTERNAL', `${name}: malformed reply`));
    });
  });
}
