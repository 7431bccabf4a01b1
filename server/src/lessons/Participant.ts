import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { DomainError } from '../../../common/errors.js';
import type { Role, User } from '../../../common/protocol/auth.js';
import type {
  LobbyEntry,
  MediaSource,
  Participant as ParticipantInfo,
  ServerToClientEvents,
} from '../../../common/protocol/lesson.js';
import type { ConsumerHandle, ProducerHandle } from '../media/handles.js';
import type { MediaTransport } from '../media/MediaTransport.js';
import type { Lesson } from './Lesson.js';

export type ParticipantState = 'waiting' | 'admitted';

/** Where a participant's pushes go: its socket in the server, a recorder in tests. */
export interface ParticipantClient {
  send<E extends keyof ServerToClientEvents>(event: E, ...args: Parameters<ServerToClientEvents[E]>): void;
}

export interface ProducerEntry {
  handle: ProducerHandle;
  source: MediaSource;
}

export interface ConsumerEntry {
  handle: ConsumerHandle;
  transportId: string;
}

/**
 * One person in one lesson (or knocking before it starts), on one connection. Owns its
 * transports, producers and consumers; `close()` closes them all and emits `close` once.
 */
export class Participant extends EventEmitter<{ close: [] }> {
  readonly id = randomUUID();
  readonly knockedAt = new Date();
  state: ParticipantState = 'waiting';
  /** The lesson it is in; null while knocking before the lesson starts. */
  lesson: Lesson | null = null;
  readonly transports = new Map<string, MediaTransport>();
  readonly producers = new Map<string, ProducerEntry>();
  readonly consumers = new Map<string, ConsumerEntry>();
  /** Keys of media requests in flight, so two at once cannot both pass a uniqueness check. */
  readonly pending = new Set<string>();
  private isClosed = false;

  constructor(
    readonly user: User,
    readonly classId: string,
    /** The person's role in this class, from the database. */
    readonly role: Role,
    readonly client: ParticipantClient,
  ) {
    super();
  }

  get closed(): boolean {
    return this.isClosed;
  }

  get isAdmitted(): boolean {
    return !this.isClosed && this.state === 'admitted' && this.lesson !== null;
  }

  /** Admitted in this very lesson (not closed, not moved on to another one). */
  isIn(lesson: Lesson): boolean {
    return this.isAdmitted && this.lesson === lesson;
  }

  transport(transportId: string): MediaTransport {
    const transport = this.transports.get(transportId);
    if (!transport) throw new DomainError('NOT_FOUND', 'No such transport of yours');
    return transport;
  }

  producer(producerId: string): ProducerEntry {
    const entry = this.producers.get(producerId);
    if (!entry) throw new DomainError('NOT_FOUND', 'No such producer of yours');
    return entry;
  }

  consumer(consumerId: string): ConsumerEntry {
    const entry = this.consumers.get(consumerId);
    if (!entry) throw new DomainError('NOT_FOUND', 'No such consumer of yours');
    return entry;
  }

  info(isHost: boolean): ParticipantInfo {
    return { id: this.id, userId: this.user.id, name: this.user.name, role: this.role, isHost };
  }

  lobbyEntry(): LobbyEntry {
    return {
      participantId: this.id,
      userId: this.user.id,
      name: this.user.name,
      role: this.role,
      knockedAt: this.knockedAt.toISOString(),
    };
  }

  /** Closes every transport (and with them producers and consumers). Idempotent. */
  close(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    for (const transport of [...this.transports.values()]) transport.close();
    this.transports.clear();
    this.producers.clear();
    this.consumers.clear();
    this.emit('close');
  }
}
