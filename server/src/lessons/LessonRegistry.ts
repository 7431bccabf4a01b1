import type { LessonEndReason } from '../../../common/protocol/lesson.js';
import type { Logger } from '../logger.js';
import { Lesson, type RouterFactory } from './Lesson.js';
import type { Participant } from './Participant.js';

export interface LessonCounts {
  lessons: number;
  participants: number;
  waiting: number;
  transports: number;
}

export interface OpenLessonInput {
  classId: string;
  className: string;
  hostUserId: string;
}

/**
 * The live lessons, at most one per class, and the people who knocked on a class before its
 * lesson started. Creation is serialized per class: two teachers starting at once get the same
 * lesson. When a lesson starts, those who knocked early move into its lobby (still waiting) and
 * hear `lesson:started`.
 */
export class LessonRegistry {
  private readonly lessons = new Map<string, Lesson>();
  private readonly opening = new Map<string, Promise<Lesson>>();
  private readonly early = new Map<string, Map<string, Participant>>();

  constructor(
    private readonly routers: RouterFactory,
    private readonly logger: Logger,
  ) {}

  /** The running lesson of a class. */
  get(classId: string): Lesson | undefined {
    return this.lessons.get(classId);
  }

  /** Waits for a lesson of the class that is being created, if any. */
  async settled(classId: string): Promise<void> {
    await this.opening.get(classId)?.catch(() => undefined);
  }

  /** The running lesson of the class, created (once) if there is none. */
  open(input: OpenLessonInput): Promise<Lesson> {
    const running = this.lessons.get(input.classId);
    if (running) return Promise.resolve(running);
    let opening = this.opening.get(input.classId);
    if (!opening) {
      opening = this.create(input).finally(() => this.opening.delete(input.classId));
      this.opening.set(input.classId, opening);
    }
    return opening;
  }

  /** Someone knocks on a class whose lesson has not started. */
  knockEarly(p: Participant): void {
    let waiting = this.early.get(p.classId);
    if (!waiting) {
      waiting = new Map();
      this.early.set(p.classId, waiting);
    }
    waiting.set(p.id, p);
  }

  /** Removes someone from the early list (they left). */
  leaveEarly(p: Participant): void {
    const waiting = this.early.get(p.classId);
    if (waiting?.get(p.id) !== p) return;
    waiting.delete(p.id);
    if (waiting.size === 0) this.early.delete(p.classId);
    p.close();
  }

  /** A participant by id, in a running lesson or knocking early. */
  findParticipant(participantId: string): Participant | undefined {
    for (const lesson of this.lessons.values()) {
      const p = lesson.get(participantId);
      if (p) return p;
    }
    for (const waiting of this.early.values()) {
      const p = waiting.get(participantId);
      if (p) return p;
    }
    return undefined;
  }

  /** The participant of a user in a class (lesson or early list), if any. */
  findUser(classId: string, userId: string): Participant | undefined {
    const inLesson = this.lessons.get(classId)?.findUser(userId);
    if (inLesson) return inLesson;
    return [...(this.early.get(classId)?.values() ?? [])].find((p) => p.user.id === userId);
  }

  counts(): LessonCounts {
    const counts: LessonCounts = { lessons: this.lessons.size, participants: 0, waiting: 0, transports: 0 };
    for (const lesson of this.lessons.values()) {
      counts.participants += lesson.admitted.length;
      counts.waiting += lesson.waiting.length;
      counts.transports += lesson.transportCount;
    }
    for (const waiting of this.early.values()) counts.waiting += waiting.size;
    return counts;
  }

  /** Ends every lesson (server shutdown) and lets go of those knocking early. */
  async endAll(reason: LessonEndReason): Promise<void> {
    await Promise.all([...this.opening.values()].map((p) => p.catch(() => undefined)));
    for (const lesson of [...this.lessons.values()]) lesson.end(reason);
    for (const waiting of this.early.values()) {
      for (const p of waiting.values()) {
        p.client.send('lesson:ended', { reason });
        p.close();
      }
    }
    this.early.clear();
  }

  private async create(input: OpenLessonInput): Promise<Lesson> {
    const lesson = await Lesson.create({ ...input, routers: this.routers, logger: this.logger });
    this.lessons.set(input.classId, lesson);
    lesson.once('close', (reason) => {
      if (this.lessons.get(input.classId) === lesson) this.lessons.delete(input.classId);
      this.logger.info({ lessonId: lesson.id, classId: input.classId, reason }, 'lesson closed');
    });
    this.logger.info({ lessonId: lesson.id, classId: input.classId }, 'lesson started');
    const early = this.early.get(input.classId);
    this.early.delete(input.classId);
    for (const p of early?.values() ?? []) {
      lesson.knock(p);
      p.client.send('lesson:started', { lessonId: lesson.id, routerRtpCapabilities: lesson.router.rtpCapabilities });
    }
    return lesson;
  }
}
