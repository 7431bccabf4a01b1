import type { z } from 'zod';
import { DomainError, fail, ok, type Ack } from '../../../common/errors.js';
import { lessonRequestSchemas, type LessonRequests } from '../../../common/protocol/lesson.js';
import type { Logger } from '../logger.js';

export type RequestName = keyof LessonRequests;
export type RequestPayload<K extends RequestName> = z.output<(typeof lessonRequestSchemas)[K]>;
export type RequestResult<K extends RequestName> = LessonRequests[K][1];

/** One thin function per request: it gets the parsed payload, calls the domain, returns the data. */
export type RequestHandlers = {
  [K in RequestName]: (payload: RequestPayload<K>) => RequestResult<K> | Promise<RequestResult<K>>;
};

/**
 * Runs one request the same way for every event: parse the payload with its schema from
 * common/protocol/lesson.ts, call the handler (which authorizes and calls the domain), and turn
 * the outcome into an Ack. A DomainError becomes its typed refusal; anything else is logged and
 * becomes INTERNAL, so no request ever goes unanswered or takes the server down.
 */
export async function answer<K extends RequestName>(
  name: K,
  payload: unknown,
  handler: RequestHandlers[K],
  logger: Logger,
): Promise<Ack<RequestResult<K>>> {
  const parsed = lessonRequestSchemas[name].safeParse(payload);
  if (!parsed.success) return fail('BAD_REQUEST', `Malformed ${name}: ${describe(parsed.error)}`);
  try {
    return ok(await handler(parsed.data as RequestPayload<K>));
  } catch (error) {
    if (error instanceof DomainError) return fail(error.code, error.message);
    logger.error({ err: error, event: name }, 'request failed');
    return fail('INTERNAL', 'The server could not handle the request');
  }
}

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || 'payload'}: ${issue.message}`)
    .join('; ');
}

/** The ack callback of a socket.io event, if the client sent one (always the last argument). */
export function splitArguments(args: unknown[]): { payload: unknown; ack: ((reply: unknown) => void) | undefined } {
  const last = args.at(-1);
  const ack = typeof last === 'function' ? (last as (reply: unknown) => void) : undefined;
  const rest = ack ? args.slice(0, -1) : args;
  // A request without fields may be emitted without a payload at all.
  return { payload: rest.length === 0 ? {} : rest[0], ack };
}
