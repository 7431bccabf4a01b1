import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { DomainError } from '../../../common/errors.js';
import type {
  LessonEndReason,
  LobbyEntry,
  ProducerInfo,
  RoomSnapshot,
  ServerToClientEvents,
} from '../../../common/protocol/lesson.js';
import type { Logger } from '../logger.js';
import type { MediaRouter } from '../media/MediaRouter.js';
import type { Participant, ProducerEntry } from './Participant.js';

/** Why a lesson closed: ended for everyone, or left empty by the last participant. */
export type CloseReason = LessonEndReason | 'empty';

/** Makes the media router of a new lesson (the media worker pool in the server). */
export type RouterFactory = () => Promise<MediaRouter>;

export interface LessonOptions {
  classId: string;
  className: string;
  /** The teacher who started it; shown large to everyone. */
  hostUserId: string;
  routers: RouterFactory;
  logger: Logger;
}

interface IndexedProducer {
  owner: Participant;
  entry: ProducerEntry;
}

/**
 * The live lesson of one class: its media router, its admitted participants and its lobby
 * (participants in state `waiting`, in knock order). Pushes go to each participant's client.
 * `end()` tells everyone and closes it; `close` is emitted once, so the registry drops it.
 * Permission checks live in LessonService; this class keeps the lesson's state consistent.
 */
export class Lesson extends EventEmitter<{ close: [reason: CloseReason] }> {
  readonly id = randomUUID();
  private readonly participants = new Map<string, Participant>();
  private readonly producerIndex = new Map<string, IndexedProducer>();
  private isClosed = false;

  static async create(options: LessonOptions): Promise<Lesson> {
    return new Lesson(options, await options.routers());
  }

  private constructor(
    private readonly options: LessonOptions,
    readonly router: MediaRouter,
  ) {
    super();
    router.once('close', () => {
      if (this.isClosed) return;
      options.logger.error({ lessonId: this.id, classId: this.classId }, 'lesson media router closed; ending the lesson');
      this.end('media-failure');
    });
  }

  get classId(): string {
    return this.options.classId;
  }

  get className(): string {
    return this.options.className;
  }

  get closed(): boolean {
    return this.isClosed;
  }

  get admitted(): Participant[] {
    return [...this.participants.values()].filter((p) => p.state === 'admitted');
  }

  /** The lobby, in knock order. */
  get waiting(): Participant[] {
    return [...this.participants.values()].filter((p) => p.state === 'waiting');
  }

  get transportCount(): number {
    let count = 0;
    for (const p of this.participants.values()) count += p.transports.size;
    return count;
  }

  get(participantId: string): Participant | undefined {
    return this.participants.get(participantId);
  }

  findUser(userId: string): Participant | undefined {
    return [...this.participants.values()].find((p) => p.user.id === userId);
  }

  isHost(p: Participant): boolean {
    return p.user.id === this.options.hostUserId;
  }

  /** A teacher of the class enters at once (their room comes from `snapshot`). */
  enter(p: Participant): void {
    this.attach(p);
    p.state = 'admitted';
    this.broadcast(p, 'participant:joined', p.info(this.isHost(p)));
  }

  /** Someone joins the lobby and waits for a teacher. */
  knock(p: Participant): void {
    this.attach(p);
    p.state = 'waiting';
    this.lobbyChanged();
  }

  admit(p: Participant): void {
    this.admitOne(this.requireWaiting(p));
    this.lobbyChanged();
  }

  /** Admits everyone waiting; returns how many. */
  admitAll(): number {
    const waiting = this.waiting;
    for (const p of waiting) this.admitOne(p);
    if (waiting.length > 0) this.lobbyChanged();
    return waiting.length;
  }

  deny(p: Participant): void {
    this.requireWaiting(p);
    this.participants.delete(p.id);
    p.client.send('lesson:denied', { className: this.className });
    p.close();
    this.lobbyChanged();
    this.closeIfEmpty();
  }

  /** Someone leaves (or their connection dropped); their media closes and the others hear of it. */
  leave(p: Participant): void {
    if (this.participants.get(p.id) !== p) return;
    this.participants.delete(p.id);
    const wasAdmitted = p.state === 'admitted';
    p.close(); // closing its producers sends producer:removed to the others
    if (wasAdmitted) this.broadcast(null, 'participant:left', { participantId: p.id });
    else this.lobbyChanged();
    this.closeIfEmpty();
  }

  /** Ends the lesson for everyone in it and in its lobby. Idempotent. */
  end(reason: LessonEndReason): void {
    if (this.isClosed) return;
    for (const p of this.participants.values()) p.client.send('lesson:ended', { reason });
    this.close(reason);
  }

  snapshot(p: Participant): RoomSnapshot {
    return {
      lessonId: this.id,
      classId: this.classId,
      className: this.className,
      selfId: p.id,
      routerRtpCapabilities: this.router.rtpCapabilities,
      participants: this.admitted.map((other) => other.info(this.isHost(other))),
      producers: [...this.producerIndex.values()]
        .filter(({ owner }) => owner !== p)
        .map(({ owner, entry }) => producerInfo(owner, entry)),
      lobby: p.role === 'teacher' ? this.lobby() : [],
    };
  }

  lobby(): LobbyEntry[] {
    return this.waiting.map((p) => p.lobbyEntry());
  }

  findProducer(producerId: string): IndexedProducer | undefined {
    return this.producerIndex.get(producerId);
  }

  /**
   * Records a new producer of an admitted participant and tells the others, now and whenever it
   * closes, pauses or resumes (its paused state is the media worker's, read from the handle).
   */
  addProducer(owner: Participant, entry: ProducerEntry): void {
    const ref = { producerId: entry.handle.id, participantId: owner.id };
    owner.producers.set(entry.handle.id, entry);
    this.producerIndex.set(entry.handle.id, { owner, entry });
    entry.handle.onClose(() => {
      owner.producers.delete(entry.handle.id);
      this.producerIndex.delete(entry.handle.id);
      if (!this.isClosed) this.broadcast(owner, 'producer:removed', ref);
    });
    entry.handle.onPausedChange((paused) => {
      if (!this.isClosed) this.broadcast(owner, paused ? 'producer:paused' : 'producer:resumed', ref);
    });
    this.broadcast(owner, 'producer:added', producerInfo(owner, entry));
  }

  /** Sends an event to every admitted participant except one. */
  broadcast<E extends keyof ServerToClientEvents>(
    except: Participant | null,
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ): void {
    for (const p of this.admitted) if (p !== except) p.client.send(event, ...args);
  }

  private admitOne(p: Participant): void {
    p.state = 'admitted';
    p.client.send('lesson:admitted', this.snapshot(p));
    this.broadcast(p, 'participant:joined', p.info(this.isHost(p)));
  }

  private requireWaiting(p: Participant): Participant {
    if (this.participants.get(p.id) !== p || p.state !== 'waiting') {
      throw new DomainError('NOT_FOUND', 'Nobody with this id is waiting');
    }
    return p;
  }

  private attach(p: Participant): void {
    if (this.isClosed) throw new DomainError('LESSON_NOT_STARTED', 'The lesson has ended');
    p.lesson = this;
    this.participants.set(p.id, p);
  }

  /** Queue changes go to the teachers in the lesson only. */
  private lobbyChanged(): void {
    if (this.isClosed) return;
    const lobby = this.lobby();
    for (const p of this.admitted) if (p.role === 'teacher') p.client.send('lobby:changed', lobby);
  }

  private closeIfEmpty(): void {
    if (this.participants.size === 0) this.close('empty');
  }

  private close(reason: CloseReason): void {
    if (this.isClosed) return;
    this.isClosed = true;
    for (const p of this.participants.values()) p.close();
    this.participants.clear();
    this.producerIndex.clear();
    this.router.close();
    this.emit('close', reason);
  }
}

function producerInfo(owner: Participant, entry: ProducerEntry): ProducerInfo {
  const { id: producerId, kind, paused } = entry.handle;
  return { producerId, participantId: owner.id, kind, source: entry.source, paused };
}
