import type { Socket } from 'socket.io';
import { fail } from '../../../common/errors.js';
import type { User } from '../../../common/protocol/auth.js';
import { lessonRequestSchemas, type ClientToServerEvents, type ServerToClientEvents } from '../../../common/protocol/lesson.js';
import type { LessonService } from '../lessons/LessonService.js';
import type { Participant, ParticipantClient } from '../lessons/Participant.js';
import type { Logger } from '../logger.js';
import { answer, splitArguments, type RequestHandlers, type RequestName } from './handle.js';

/** Requests one socket may have waiting for an answer; more are refused with RATE_LIMITED. */
export const MAX_QUEUED_REQUESTS = 64;

export interface SocketData {
  user: User;
  /** The room of the sockets of the same session, so signing out can end them all. */
  session: string;
}

export type LessonSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/**
 * One authenticated socket: who it is, which participant it currently is, and its requests.
 * Requests of one socket run one after another (so a join cannot race a leave of the same
 * person); a disconnect is queued behind them as a leave.
 */
export class LessonConnection {
  private current: Participant | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  /** Requests queued or running on this socket. */
  private waiting = 0;
  private readonly client: ParticipantClient;

  constructor(
    private readonly socket: LessonSocket,
    private readonly lessons: LessonService,
    private readonly logger: Logger,
  ) {
    this.client = {
      send: (event, ...args) => {
        (socket.emit as (event: string, ...args: unknown[]) => boolean)(event, ...args);
      },
    };
    const handlers = this.handlers();
    for (const name of Object.keys(lessonRequestSchemas) as RequestName[]) this.bind(name, handlers);
    socket.on('disconnect', () => {
      void this.enqueue(() => this.leaveCurrent());
    });
  }

  private get user(): User {
    return this.socket.data.user;
  }

  private bind<K extends RequestName>(name: K, handlers: RequestHandlers): void {
    const listen = this.socket.on.bind(this.socket) as (event: string, listener: (...args: unknown[]) => void) => void;
    listen(name, (...args) => {
      const { payload, ack } = splitArguments(args);
      if (this.waiting >= MAX_QUEUED_REQUESTS) {
        ack?.(fail('RATE_LIMITED', 'Too many requests at once; wait for the answers'));
        return;
      }
      void this.enqueue(async () => {
        const reply = await answer(name, payload, handlers[name], this.logger);
        ack?.(reply);
      });
    });
  }

  private enqueue(task: () => unknown): Promise<unknown> {
    this.waiting += 1;
    this.queue = this.queue
      .then(task)
      .catch((error: unknown) => {
        this.logger.error({ err: error }, 'socket task failed');
      })
      .finally(() => {
        this.waiting -= 1;
      });
    return this.queue;
  }

  /**
   * Remembers the participant this socket is, until it closes (left, denied, ended, replaced).
   * If the socket dropped while the request ran, the disconnect queued behind it leaves.
   */
  private setCurrent(participant: Participant | null): void {
    if (participant === this.current) return;
    this.current = participant;
    participant?.once('close', () => {
      if (this.current === participant) this.current = null;
    });
  }

  /** Leaves the lesson or queue this socket is in, if any, and forgets the participant. */
  private leaveCurrent(): void {
    this.lessons.leave(this.current);
    this.setCurrent(null);
  }

  private handlers(): RequestHandlers {
    const lessons = this.lessons;
    return {
      'lesson:start': async ({ classId }) => {
        const { participant, room } = await lessons.start(this.user, classId, this.client, this.current);
        this.setCurrent(participant);
        return room;
      },
      'lesson:join': async ({ classId }) => {
        const { participant, result } = await lessons.join(this.user, classId, this.client, this.current);
        this.setCurrent(participant);
        return result;
      },
      'lesson:leave': () => {
        this.leaveCurrent();
        return null;
      },
      'lesson:end': () => {
        lessons.end(this.user, this.current);
        return null;
      },
      'lobby:admit': ({ participantId }) => {
        lessons.admit(this.user, participantId);
        return null;
      },
      'lobby:admitAll': () => lessons.admitAll(this.user, this.current),
      'lobby:deny': ({ participantId }) => {
        lessons.deny(this.user, participantId);
        return null;
      },
      'media:createTransport': (request) => lessons.createTransport(this.current, request),
      'media:connectTransport': (request) => lessons.connectTransport(this.current, request),
      'media:produce': (request) => lessons.produce(this.current, request),
      'media:closeProducer': ({ producerId }) => lessons.closeProducer(this.current, producerId),
      'media:pauseProducer': ({ producerId }) => lessons.setProducerPaused(this.current, producerId, true),
      'media:resumeProducer': ({ producerId }) => lessons.setProducerPaused(this.current, producerId, false),
      'media:consume': (request) => lessons.consume(this.current, request),
      'media:resumeConsumer': ({ consumerId }) => lessons.resumeConsumer(this.current, consumerId),
    };
  }
}
