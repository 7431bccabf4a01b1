import type { Ack } from '../../../common/errors.js';
import type { LessonRequests } from '../../../common/protocol/lesson.js';
import { ackSchema, failure } from './appError.js';
import { ackDataSchemas } from './lessonSchemas.js';

/** The part of a socket.io client socket a request needs (a fake implements it in tests). */
export interface RequestSocket {
  readonly connected: boolean;
  emit(event: string, payload: unknown, ack: (reply: unknown) => void): unknown;
}

export type RequestName = keyof LessonRequests;

/**
 * Sends one request and resolves to its parsed Ack: TIMEOUT when no reply comes in time,
 * UNAVAILABLE when the socket is not connected, INTERNAL when the reply is malformed.
 * Never throws and never retries (most lesson requests are not idempotent).
 */
export function socketRequest<K extends RequestName>(
  socket: RequestSocket,
  name: K,
  payload: LessonRequests[K][0],
  timeoutMs: number,
): Promise<Ack<LessonRequests[K][1]>> {
  if (!socket.connected) return Promise.resolve(failure('UNAVAILABLE', `${name}: not connected`));
  const schema = ackSchema(ackDataSchemas[name]);
  return new Promise((resolve) => {
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      resolve(failure('TIMEOUT', `${name}: no reply within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.emit(name, payload, (reply: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const parsed = schema.safeParse(reply);
      resolve(parsed.success ? parsed.data : failure('INTERNAL', `${name}: malformed reply`));
    });
  });
}
