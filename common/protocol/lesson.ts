import { z } from 'zod';
import type { Ack } from '../errors.js';
import { roleSchema } from './auth.js';

/**
 * Socket.io contract of a live lesson. The socket authenticates with `auth: { token }` in the
 * handshake. Every client -> server event carries one payload parsed with the schema below and
 * an ack callback that receives an `Ack`. What the server sends back (ack data and pushes) is
 * declared here as well, and the client parses it with `lessonReplySchemas` and
 * `lessonPushSchemas`. mediasoup's own structures (rtp parameters, dtls
 * parameters, ...) are carried as opaque objects here: each side types them with its own
 * mediasoup library after parsing.
 */
const opaque = z.looseObject({});

export const MEDIA_SOURCES = ['camera', 'microphone', 'screen'] as const;
export const mediaSourceSchema = z.enum(MEDIA_SOURCES);
export type MediaSource = z.infer<typeof mediaSourceSchema>;

export const id = z.string().min(1).max(64);

export const joinRequestSchema = z.object({ classId: id });
export const startRequestSchema = z.object({ classId: id });
export const participantRequestSchema = z.object({ participantId: id });
export const emptyRequestSchema = z.object({}).strict();

export const createTransportRequestSchema = z.object({ direction: z.enum(['send', 'recv']) });
export const connectTransportRequestSchema = z.object({ transportId: id, dtlsParameters: opaque });
export const produceRequestSchema = z.object({
  transportId: id,
  kind: z.enum(['audio', 'video']),
  rtpParameters: opaque,
  source: mediaSourceSchema,
});
/** A request about one of the caller's own producers (close, pause, resume). */
export const producerRequestSchema = z.object({ producerId: id });
export const consumeRequestSchema = z.object({
  transportId: id,
  producerId: id,
  rtpCapabilities: opaque,
});
export const resumeConsumerRequestSchema = z.object({ consumerId: id });

export type JoinRequest = z.infer<typeof joinRequestSchema>;
export type CreateTransportRequest = z.infer<typeof createTransportRequestSchema>;
export type ConnectTransportRequest = z.infer<typeof connectTransportRequestSchema>;
export type ProduceRequest = z.infer<typeof produceRequestSchema>;
export type ProducerRequest = z.infer<typeof producerRequestSchema>;
export type ConsumeRequest = z.infer<typeof consumeRequestSchema>;

export const participantSchema = z.object({
  id,
  userId: z.string(),
  name: z.string(),
  role: roleSchema,
  /** The teacher who started the lesson; shown large. */
  isHost: z.boolean(),
});
export type Participant = z.infer<typeof participantSchema>;

export const lobbyEntrySchema = z.object({
  participantId: id,
  userId: z.string(),
  name: z.string(),
  role: roleSchema,
  knockedAt: z.string(),
});
export type LobbyEntry = z.infer<typeof lobbyEntrySchema>;

export const producerInfoSchema = z.object({
  producerId: id,
  participantId: id,
  kind: z.enum(['audio', 'video']),
  source: mediaSourceSchema,
  /** Its owner turned it off (camera off, microphone muted): the server forwards nothing. */
  paused: z.boolean(),
});
export type ProducerInfo = z.infer<typeof producerInfoSchema>;

/** Which producer of whom a push is about. */
export const producerRefSchema = z.object({ producerId: id, participantId: id });
export type ProducerRef = z.infer<typeof producerRefSchema>;

/** What an admitted participant (or the host on start) receives to set up media. */
export const roomSnapshotSchema = z.object({
  lessonId: z.string(),
  classId: z.string(),
  className: z.string(),
  selfId: id,
  routerRtpCapabilities: opaque,
  participants: z.array(participantSchema),
  producers: z.array(producerInfoSchema),
  /** Only the teachers of the class receive the queue. */
  lobby: z.array(lobbyEntrySchema),
});
export type RoomSnapshot = z.infer<typeof roomSnapshotSchema>;

export const joinResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('admitted'), room: roomSnapshotSchema }),
  z.object({
    status: z.literal('waiting'),
    participantId: id,
    className: z.string(),
    lessonStarted: z.boolean(),
    /**
     * The lesson's media capabilities once it has started (null before), so a waiting client
     * can prepare its media device and be quick when admitted. Nothing is granted by it.
     */
    routerRtpCapabilities: opaque.nullable(),
  }),
]);
export type JoinResult = z.infer<typeof joinResultSchema>;

export const transportOptionsSchema = z.object({
  id,
  iceParameters: opaque,
  iceCandidates: z.array(opaque),
  dtlsParameters: opaque,
});
export type TransportOptions = z.infer<typeof transportOptionsSchema>;

export const consumerOptionsSchema = z.object({
  id,
  producerId: id,
  participantId: id,
  kind: z.enum(['audio', 'video']),
  source: mediaSourceSchema,
  rtpParameters: opaque,
});
export type ConsumerOptions = z.infer<typeof consumerOptionsSchema>;

export const admitAllReplySchema = z.object({ admitted: z.number().int().nonnegative() });
export const produceReplySchema = z.object({ producerId: id });

/** Ack data by request name, for the client's parse step. */
export const lessonReplySchemas = {
  'lesson:start': roomSnapshotSchema,
  'lesson:join': joinResultSchema,
  'lesson:leave': z.null(),
  'lesson:end': z.null(),
  'lobby:admit': z.null(),
  'lobby:admitAll': admitAllReplySchema,
  'lobby:deny': z.null(),
  'media:createTransport': transportOptionsSchema,
  'media:connectTransport': z.null(),
  'media:produce': produceReplySchema,
  'media:closeProducer': z.null(),
  'media:pauseProducer': z.null(),
  'media:resumeProducer': z.null(),
  'media:consume': consumerOptionsSchema,
  'media:resumeConsumer': z.null(),
};
type Reply<K extends keyof typeof lessonReplySchemas> = z.infer<(typeof lessonReplySchemas)[K]>;

export type AckCallback<T> = (reply: Ack<T>) => void;

/** Requests: name -> [payload, ack data]; the ack data is parsed with `lessonReplySchemas`. */
export interface LessonRequests {
  'lesson:start': [z.infer<typeof startRequestSchema>, Reply<'lesson:start'>];
  'lesson:join': [JoinRequest, Reply<'lesson:join'>];
  'lesson:leave': [Record<string, never>, Reply<'lesson:leave'>];
  /** Teachers only: close the lesson for everyone. */
  'lesson:end': [Record<string, never>, Reply<'lesson:end'>];
  'lobby:admit': [z.infer<typeof participantRequestSchema>, Reply<'lobby:admit'>];
  'lobby:admitAll': [Record<string, never>, Reply<'lobby:admitAll'>];
  'lobby:deny': [z.infer<typeof participantRequestSchema>, Reply<'lobby:deny'>];
  'media:createTransport': [CreateTransportRequest, Reply<'media:createTransport'>];
  'media:connectTransport': [ConnectTransportRequest, Reply<'media:connectTransport'>];
  'media:produce': [ProduceRequest, Reply<'media:produce'>];
  'media:closeProducer': [ProducerRequest, Reply<'media:closeProducer'>];
  /** Stops forwarding one's own producer to the others (camera off, microphone muted). Idempotent. */
  'media:pauseProducer': [ProducerRequest, Reply<'media:pauseProducer'>];
  /** Forwards a paused producer again. Idempotent. */
  'media:resumeProducer': [ProducerRequest, Reply<'media:resumeProducer'>];
  'media:consume': [ConsumeRequest, Reply<'media:consume'>];
  'media:resumeConsumer': [z.infer<typeof resumeConsumerRequestSchema>, Reply<'media:resumeConsumer'>];
}

export type ClientToServerEvents = {
  [K in keyof LessonRequests]: (
    payload: LessonRequests[K][0],
    ack: AckCallback<LessonRequests[K][1]>,
  ) => void;
};

export const LESSON_END_REASONS = ['teacher-ended', 'server-shutdown', 'media-failure'] as const;
export const lessonEndReasonSchema = z.enum(LESSON_END_REASONS);
export type LessonEndReason = z.infer<typeof lessonEndReasonSchema>;

/** Server pushes: payload schemas by event name, for the client's parse step. */
export const lessonPushSchemas = {
  /** To a waiting participant: the teacher let you in. */
  'lesson:admitted': roomSnapshotSchema,
  /** To a waiting participant: the teacher said no. */
  'lesson:denied': z.object({ className: z.string() }),
  /**
   * To everyone in the lesson and its queue: the lesson is over. `media-failure`: the media
   * process carrying the lesson stopped; the teacher can start the lesson again.
   */
  'lesson:ended': z.object({ reason: lessonEndReasonSchema }),
  /** To waiting participants: the teacher has started the lesson (they still wait). */
  'lesson:started': z.object({ lessonId: z.string(), routerRtpCapabilities: opaque }),
  /** To the teachers: the admission queue changed. */
  'lobby:changed': z.array(lobbyEntrySchema),
  'participant:joined': participantSchema,
  'participant:left': z.object({ participantId: id }),
  'producer:added': producerInfoSchema,
  'producer:removed': producerRefSchema,
  /** To the others: its owner turned it off; nothing of it is forwarded until resumed. */
  'producer:paused': producerRefSchema,
  'producer:resumed': producerRefSchema,
};

/** Push name -> its payload. */
export type LessonPushes = { [K in keyof typeof lessonPushSchemas]: z.infer<(typeof lessonPushSchemas)[K]> };

export type ServerToClientEvents = { [K in keyof LessonPushes]: (payload: LessonPushes[K]) => void };

/** Payload schemas by request name, for the server's parse step. */
export const lessonRequestSchemas = {
  'lesson:start': startRequestSchema,
  'lesson:join': joinRequestSchema,
  'lesson:leave': emptyRequestSchema,
  'lesson:end': emptyRequestSchema,
  'lobby:admit': participantRequestSchema,
  'lobby:admitAll': emptyRequestSchema,
  'lobby:deny': participantRequestSchema,
  'media:createTransport': createTransportRequestSchema,
  'media:connectTransport': connectTransportRequestSchema,
  'media:produce': produceRequestSchema,
  'media:closeProducer': producerRequestSchema,
  'media:pauseProducer': producerRequestSchema,
  'media:resumeProducer': producerRequestSchema,
  'media:consume': consumeRequestSchema,
  'media:resumeConsumer': resumeConsumerRequestSchema,
} satisfies { [K in keyof LessonRequests]: z.ZodType };
