import { DomainError } from '../../../common/errors.js';
import type { Role, User } from '../../../common/protocol/auth.js';
import type {
  ConnectTransportRequest,
  ConsumeRequest,
  ConsumerOptions,
  CreateTransportRequest,
  JoinResult,
  ProduceRequest,
  RoomSnapshot,
  TransportOptions,
} from '../../../common/protocol/lesson.js';
import type { ClassInfo, ClassRepository } from '../db/ClassRepository.js';
import type { Lesson } from './Lesson.js';
import type { LessonRegistry } from './LessonRegistry.js';
import * as media from './mediaRequests.js';
import { Participant, type ParticipantClient } from './Participant.js';

/**
 * The lesson rules of docs/lesson-flow.md, decided from the server's own state: class
 * membership from the database, admission from the lesson. Every method takes the acting user
 * and the participant their connection currently is (`current`, null when none); it throws
 * DomainError on refusal. No sockets here: the realtime layer calls these methods.
 *
 * One place per person per class: a new connection takes over from an older one (the older
 * participant leaves once the new one is in, so the lesson never looks empty meanwhile).
 */
export class LessonService {
  constructor(
    private readonly classes: ClassRepository,
    private readonly registry: LessonRegistry,
  ) {}

  /** A teacher of the class starts its lesson, or re-enters the running one. */
  async start(
    user: User,
    classId: string,
    client: ParticipantClient,
    current: Participant | null,
  ): Promise<{ participant: Participant; room: RoomSnapshot }> {
    const { cls, role } = this.requireClass(classId, user);
    if (role !== 'teacher') {
      throw new DomainError('FORBIDDEN', 'Only a teacher of the class starts its lesson');
    }
    const same = this.sameClass(current, classId);
    if (same?.isAdmitted && same.lesson) return { participant: same, room: same.lesson.snapshot(same) };
    const lesson = await this.registry.open({ classId, className: cls.name, hostUserId: user.id });
    return this.enter(lesson, user, client);
  }

  /** A member of the class joins: teachers enter a running lesson, everyone else knocks. */
  async join(
    user: User,
    classId: string,
    client: ParticipantClient,
    current: Participant | null,
  ): Promise<{ participant: Participant; result: JoinResult }> {
    const { cls, role } = this.requireClass(classId, user);
    const same = this.sameClass(current, classId);
    if (same) return { participant: same, result: this.joinResult(same, cls) };
    await this.registry.settled(classId);
    const lesson = this.registry.get(classId);
    if (role === 'teacher') {
      if (!lesson) throw new DomainError('LESSON_NOT_STARTED', 'Start the lesson first');
      const { participant, room } = this.enter(lesson, user, client);
      return { participant, result: { status: 'admitted', room } };
    }
    const previous = this.registry.findUser(classId, user.id);
    const participant = new Participant(user, classId, 'student', client);
    if (lesson) lesson.knock(participant);
    else this.registry.knockEarly(participant);
    this.leave(previous ?? null);
    return { participant, result: this.joinResult(participant, cls) };
  }

  /** Leaves the lesson or the queue; nothing to do when not in one. */
  leave(current: Participant | null): void {
    if (!current || current.closed) return;
    if (current.lesson) current.lesson.leave(current);
    else this.registry.leaveEarly(current);
  }

  admit(user: User, participantId: string): void {
    const { lesson, participant } = this.lobbyTarget(user, participantId);
    lesson.admit(participant);
  }

  deny(user: User, participantId: string): void {
    const { lesson, participant } = this.lobbyTarget(user, participantId);
    lesson.deny(participant);
  }

  admitAll(user: User, current: Participant | null): { admitted: number } {
    return { admitted: this.taughtLesson(user, current).admitAll() };
  }

  end(user: User, current: Participant | null): void {
    this.taughtLesson(user, current).end('teacher-ended');
  }

  createTransport(current: Participant | null, request: CreateTransportRequest): Promise<TransportOptions> {
    const { lesson, participant } = this.admitted(current);
    return media.createTransport(lesson, participant, request);
  }

  connectTransport(current: Participant | null, request: ConnectTransportRequest): Promise<null> {
    return media.connectTransport(this.admitted(current).participant, request);
  }

  produce(current: Participant | null, request: ProduceRequest): Promise<{ producerId: string }> {
    const { lesson, participant } = this.admitted(current);
    return media.produce(lesson, participant, request);
  }

  closeProducer(current: Participant | null, producerId: string): Promise<null> {
    return media.closeProducer(this.admitted(current).participant, producerId);
  }

  /** Camera off or microphone muted: only the owner may, and the server stops forwarding it. */
  setProducerPaused(current: Participant | null, producerId: string, paused: boolean): Promise<null> {
    return media.setProducerPaused(this.admitted(current).participant, producerId, paused);
  }

  consume(current: Participant | null, request: ConsumeRequest): Promise<ConsumerOptions> {
    const { lesson, participant } = this.admitted(current);
    return media.consume(lesson, participant, request);
  }

  resumeConsumer(current: Participant | null, consumerId: string): Promise<null> {
    return media.resumeConsumer(this.admitted(current).participant, consumerId);
  }

  /**
   * The class and the user's role in it, if they belong to it; FORBIDDEN for a stranger and for
   * a class that does not exist.
   */
  private requireClass(classId: string, user: User): { cls: ClassInfo; role: Role } {
    const cls = this.classes.findById(classId);
    const role = cls ? this.classes.roleOf(classId, user.id) : null;
    if (!cls || role === null) throw new DomainError('FORBIDDEN', 'You are not a member of this class');
    return { cls, role };
  }

  /** `current` if it is in this class; ALREADY_IN_LESSON if it is in another one. */
  private sameClass(current: Participant | null, classId: string): Participant | null {
    if (!current || current.closed) return null;
    if (current.classId !== classId) throw new DomainError('ALREADY_IN_LESSON', 'Leave your current lesson first');
    return current;
  }

  private enter(lesson: Lesson, user: User, client: ParticipantClient): { participant: Participant; room: RoomSnapshot } {
    const previous = lesson.findUser(user.id);
    const participant = new Participant(user, lesson.classId, 'teacher', client);
    lesson.enter(participant);
    this.leave(previous ?? null);
    return { participant, room: lesson.snapshot(participant) };
  }

  private joinResult(p: Participant, cls: ClassInfo): JoinResult {
    if (p.isAdmitted && p.lesson) return { status: 'admitted', room: p.lesson.snapshot(p) };
    return {
      status: 'waiting',
      participantId: p.id,
      className: cls.name,
      lessonStarted: p.lesson !== null,
      routerRtpCapabilities: p.lesson?.router.rtpCapabilities ?? null,
    };
  }

  /** A waiting participant that this user, a teacher of its class, may admit or deny. */
  private lobbyTarget(user: User, participantId: string): { lesson: Lesson; participant: Participant } {
    const participant = this.registry.findParticipant(participantId);
    if (!participant) {
      if (!this.classes.teachesAny(user.id)) throw new DomainError('FORBIDDEN', 'Only teachers admit');
      throw new DomainError('NOT_FOUND', 'Nobody with this id is waiting');
    }
    if (this.classes.roleOf(participant.classId, user.id) !== 'teacher') {
      throw new DomainError('FORBIDDEN', 'Only a teacher of the class admits');
    }
    if (!participant.lesson) throw new DomainError('LESSON_NOT_STARTED', 'Start the lesson first');
    return { lesson: participant.lesson, participant };
  }

  /** The running lesson the user's connection is in, if the user teaches its class. */
  private taughtLesson(user: User, current: Participant | null): Lesson {
    if (!current || current.closed) {
      if (!this.classes.teachesAny(user.id)) throw new DomainError('FORBIDDEN', 'Only teachers do this');
      throw new DomainError('LESSON_NOT_STARTED', 'You are not in a running lesson');
    }
    if (this.classes.roleOf(current.classId, user.id) !== 'teacher') {
      throw new DomainError('FORBIDDEN', 'Only a teacher of the class does this');
    }
    if (!current.lesson || current.lesson.closed) throw new DomainError('LESSON_NOT_STARTED', 'The lesson is not running');
    return current.lesson;
  }

  private admitted(current: Participant | null): { lesson: Lesson; participant: Participant } {
    if (!current?.isAdmitted || !current.lesson) {
      throw new DomainError('NOT_ADMITTED', 'Wait until a teacher lets you in');
    }
    return { lesson: current.lesson, participant: current };
  }
}
