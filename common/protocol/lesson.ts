import { z } from 'zod';
import type { Ack } from '../errors.js';
import { roleSchema } from './auth.js';

/**
 * Socket.io contract of a live lesson. The socket authenticates with `auth: { token }` in the
 * handshake. Every client -> server event carries one payload parsed with the schema below and
 * an ack callback that receives an `Ack`. mediasoup's own structures (rtp parameters, dtls
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
export const closeProducerRequestSchema = z.object({ producerId: id });
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
});
export type ProducerInfo = z.infer<typeof producerInfoSchema>;

/** What an admitted participant (or the host on start) receives to set up media. */
export interface RoomSnapshot {
  lessonId: string;
  classId: string;
  className: string;
  selfId: string;
  routerRtpCapabilities: Record<string, unknown>;
  participants: Participant[];
  producers: ProducerInfo[];
  /** Only the teachers of the class receive the queue. */
  lobby: LobbyEntry[];
}

export type JoinResult =
  | { status: 'admitted'; room: RoomSnapshot }
  | { status: 'waiting'; participantId: string; className: string; lessonStarted: boolean };

export interface TransportOptions {
  id: string;
  iceParameters: Record<string, unknown>;
  iceCandidates: Record<string, unknown>[];
  dtlsParameters: Record<string, unknown>;
}

export interface ConsumerOptions {
  id: string;
  producerId: string;
  participantId: string;
  kind: 'audio' | 'video';
  source: MediaSource;
  rtpParameters: Record<string, unknown>;
}

export type AckCallback<T> = (reply: Ack<T>) => void;

/** Requests: name -> [payload, ack data]. */
export interface LessonRequests {
  'lesson:start': [z.infer<typeof startRequestSchema>, RoomSnapshot];
  'lesson:join': [JoinRequest, JoinResult];
  'lesson:leave': [Record<string, never>, null];
  /** Teachers only: close the lesson for everyone. */
  'lesson:end': [Record<string, never>, null];
  'lobby:admit': [z.infer<typeof participantRequestSchema>, null];
  'lobby:admitAll': [Record<string, never>, { admitted: number }];
  'lobby:deny': [z.infer<typeof participantRequestSchema>, null];
  'media:createTransport': [CreateTransportRequest, TransportOptions];
  'media:connectTransport': [ConnectTransportRequest, null];
  'media:produce': [ProduceRequest, { producerId: string }];
  'media:closeProducer': [z.infer<typeof closeProducerRequestSchema>, null];
  'media:consume': [ConsumeRequest, ConsumerOptions];
  'media:resumeConsumer': [z.infer<typeof resumeConsumerRequestSchema>, null];
}

export type ClientToServerEvents = {
  [K in keyof LessonRequests]: (
    payload: LessonRequests[K][0],
    ack: AckCallback<LessonRequests[K][1]>,
  ) => void;
};

export const LESSON_END_REASONS = ['teacher-ended', 'server-shutdown', 'media-failure'] as const;
export type LessonEndReason = (typeof LESSON_END_REASONS)[number];

/** Server pushes. */
export interface ServerToClientEvents {
  /** To a waiting participant: the teacher let you in. */
  'lesson:admitted': (room: RoomSnapshot) => void;
  /** To a waiting participant: the teacher said no. */
  'lesson:denied': (info: { className: string }) => void;
  /**
   * To everyone in the lesson and its queue: the lesson is over. `media-failure`: the media
   * process carrying the lesson stopped; the teacher can start the lesson again.
   */
  'lesson:ended': (info: { reason: LessonEndReason }) => void;
  /** To waiting participants: the teacher has started the lesson (they still wait). */
  'lesson:started': (info: { lessonId: string }) => void;
  /** To the teachers: the admission queue changed. */
  'lobby:changed': (lobby: LobbyEntry[]) => void;
  'participant:joined': (participant: Participant) => void;
  'participant:left': (info: { participantId: string }) => void;
  'producer:added': (producer: ProducerInfo) => void;
  'producer:removed': (info: { producerId: string; participantId: string }) => void;
}

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
  'media:closeProducer': closeProducerRequestSchema,
  'media:consume': consumeRequestSchema,
  'media:resumeConsumer': resumeConsumerRequestSchema,
} satisfies { [K in keyof LessonRequests]: z.ZodType };
