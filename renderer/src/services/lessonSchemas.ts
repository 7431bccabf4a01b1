import { z } from 'zod';
import {
  id,
  LESSON_END_REASONS,
  lobbyEntrySchema,
  mediaSourceSchema,
  participantSchema,
  producerInfoSchema,
  type LessonRequests,
  type ServerToClientEvents,
} from '../../../common/protocol/lesson.js';

/**
 * Parsers for what the server sends to the lesson client: ack data per request and the
 * payload of every push. Built from the shared schemas in common/ where they exist.
 */
const opaque = z.record(z.string(), z.unknown());

export const roomSnapshotSchema = z.object({
  lessonId: z.string(),
  classId: z.string(),
  className: z.string(),
  selfId: id,
  routerRtpCapabilities: opaque,
  participants: z.array(participantSchema),
  producers: z.array(producerInfoSchema),
  lobby: z.array(lobbyEntrySchema),
});

export const joinResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('admitted'), room: roomSnapshotSchema }),
  z.object({
    status: z.literal('waiting'),
    participantId: id,
    className: z.string(),
    lessonStarted: z.boolean(),
  }),
]);

export const transportOptionsSchema = z.object({
  id,
  iceParameters: opaque,
  iceCandidates: z.array(opaque),
  dtlsParameters: opaque,
});

export const consumerOptionsSchema = z.object({
  id,
  producerId: id,
  participantId: id,
  kind: z.enum(['audio', 'video']),
  source: mediaSourceSchema,
  rtpParameters: opaque,
});

export const ackDataSchemas: { [K in keyof LessonRequests]: z.ZodType<LessonRequests[K][1]> } = {
  'lesson:start': roomSnapshotSchema,
  'lesson:join': joinResultSchema,
  'lesson:leave': z.null(),
  'lesson:end': z.null(),
  'lobby:admit': z.null(),
  'lobby:admitAll': z.object({ admitted: z.number().int().nonnegative() }),
  'lobby:deny': z.null(),
  'media:createTransport': transportOptionsSchema,
  'media:connectTransport': z.null(),
  'media:produce': z.object({ producerId: id }),
  'media:closeProducer': z.null(),
  'media:consume': consumerOptionsSchema,
  'media:resumeConsumer': z.null(),
};

type PushPayload<K extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[K]>[0];

export const pushSchemas: { [K in keyof ServerToClientEvents]: z.ZodType<PushPayload<K>> } = {
  'lesson:admitted': roomSnapshotSchema,
  'lesson:denied': z.object({ className: z.string() }),
  'lesson:ended': z.object({ reason: z.enum(LESSON_END_REASONS) }),
  'lesson:started': z.object({ lessonId: z.string() }),
  'lobby:changed': z.array(lobbyEntrySchema),
  'participant:joined': participantSchema,
  'participant:left': z.object({ participantId: id }),
  'producer:added': producerInfoSchema,
  'producer:removed': z.object({ producerId: id, participantId: id }),
};

export const connectErrorDataSchema = z.object({ code: z.enum(['UNAUTHENTICATED', 'SESSION_EXPIRED']) });
