import { z } from 'zod';

/**
 * What the renderer parses beyond the lesson contract: the ack data and push payloads are
 * parsed with `lessonReplySchemas` and `lessonPushSchemas` from common/protocol/lesson.ts.
 */

/** The refusals of the socket handshake the client acts on (any other is UNAVAILABLE). */
export const connectErrorDataSchema = z.object({ code: z.enum(['UNAUTHENTICATED', 'SESSION_EXPIRED']) });
