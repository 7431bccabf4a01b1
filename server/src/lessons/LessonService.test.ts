import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLessonFixture, type LessonFixture } from '../testing/lessonFixture.js';
import { expectCode } from '../testing/expectCode.js';
import { RecordingClient } from '../testing/RecordingClient.js';
import { videoRtpParameters } from '../testing/mediaFixtures.js';

describe('LessonService: lobby and admission', () => {
  let f: LessonFixture;
  let class7b: string;
  let class8a: string;
  beforeEach(async () => {
    f = await createLessonFixture();
    class7b = f.classId('7Б');
    class8a = f.classId('8А');
  });
  afterEach(() => f.close());

  async function teacherStarts(login = 'teacher', classId = class7b) {
    const client = new RecordingClient();
    const { participant, room } = await f.service.start(f.user(login), classId, client, null);
    return { client, participant, room };
  }

  async function studentJoins(login: string, classId = class7b) {
    const client = new RecordingClient();
    const { participant, result } = await f.service.join(f.user(login), classId, client, null);
    return { client, participant, result };
  }

  it('a student who knocks before the start waits, and still waits after it', async () => {
    const ivan = await studentJoins('student1');
    expect(ivan.result).toMatchObject({
      status: 'waiting',
      className: '7Б',
      lessonStarted: false,
      routerRtpCapabilities: null,
    });
    expect(f.registry.counts()).toMatchObject({ lessons: 0, waiting: 1 });

    const teacher = await teacherStarts();
    // Still waiting, but told the lesson's media capabilities to get ready with.
    expect(ivan.client.last('lesson:started')).toEqual({
      lessonId: teacher.room.lessonId,
      routerRtpCapabilities: teacher.room.routerRtpCapabilities,
    });
    expect(ivan.client.all('lesson:admitted')).toHaveLength(0);
    expect(teacher.room.lobby.map((e) => e.name)).toEqual(['Иван Петров']);
    expect(teacher.room.participants.map((p) => [p.name, p.isHost])).toEqual([['Анна Петровна Смирнова', true]]);
    expect(f.registry.counts()).toMatchObject({ lessons: 1, participants: 1, waiting: 1 });
  });

  it('a student who knocks on a running lesson waits and the teacher sees the queue change', async () => {
    const teacher = await teacherStarts();
    const ivan = await studentJoins('student1');
    expect(ivan.result).toMatchObject({ status: 'waiting', lessonStarted: true });
    expect(teacher.client.last('lobby:changed')?.map((e) => e.participantId)).toEqual([ivan.participant.id]);
  });

  it('only a teacher of the class admits', async () => {
    await teacherStarts();
    const ivan = await studentJoins('student1');
    const maria = await studentJoins('student2');
    await expectCode(() => f.service.admit(f.user('student2'), ivan.participant.id), 'FORBIDDEN');
    await expectCode(() => f.service.admit(f.user('student2'), 'no-such-participant'), 'FORBIDDEN');
    await expectCode(() => f.service.admitAll(f.user('student2'), maria.participant), 'FORBIDDEN');
    await expectCode(() => f.service.end(f.user('student2'), maria.participant), 'FORBIDDEN');
    expect(ivan.client.all('lesson:admitted')).toHaveLength(0);
  });

  it('the teacher of 8А cannot admit, deny or start in 7Б', async () => {
    await teacherStarts();
    const ivan = await studentJoins('student1');
    await expectCode(() => f.service.admit(f.user('teacher2'), ivan.participant.id), 'FORBIDDEN');
    await expectCode(() => f.service.deny(f.user('teacher2'), ivan.participant.id), 'FORBIDDEN');
    await expectCode(() => f.service.start(f.user('teacher2'), class7b, new RecordingClient(), null), 'FORBIDDEN');
    await expectCode(() => f.service.join(f.user('teacher2'), class7b, new RecordingClient(), null), 'FORBIDDEN');
    await expectCode(() => f.service.join(f.user('student4'), class7b, new RecordingClient(), null), 'FORBIDDEN');
    expect(ivan.participant.state).toBe('waiting');
  });

  it('admitting lets the student in with the room, tells the others and empties the queue', async () => {
    const teacher = await teacherStarts();
    const ivan = await studentJoins('student1');
    f.service.admit(f.user('teacher'), ivan.participant.id);
    const room = ivan.client.last('lesson:admitted');
    expect(room?.selfId).toBe(ivan.participant.id);
    expect(room?.lobby).toEqual([]);
    expect(room?.participants.map((p) => p.name).sort()).toEqual(['Анна Петровна Смирнова', 'Иван Петров']);
    expect(teacher.client.last('participant:joined')).toMatchObject({ name: 'Иван Петров', isHost: false });
    expect(teacher.client.last('lobby:changed')).toEqual([]);
    await expectCode(() => f.service.admit(f.user('teacher'), ivan.participant.id), 'NOT_FOUND');
  });

  it('admitAll lets everyone waiting in', async () => {
    const ivan = await studentJoins('student1');
    const teacher = await teacherStarts();
    const maria = await studentJoins('student2');
    expect(f.service.admitAll(f.user('teacher'), teacher.participant)).toEqual({ admitted: 2 });
    expect(ivan.client.all('lesson:admitted')).toHaveLength(1);
    expect(maria.client.all('lesson:admitted')).toHaveLength(1);
    expect(f.registry.counts()).toMatchObject({ participants: 3, waiting: 0 });
    expect(f.service.admitAll(f.user('teacher'), teacher.participant)).toEqual({ admitted: 0 });
  });

  it('deny tells the student and removes them: no participant, no transports', async () => {
    const teacher = await teacherStarts();
    const maria = await studentJoins('student2');
    f.service.deny(f.user('teacher'), maria.participant.id);
    expect(maria.client.last('lesson:denied')).toEqual({ className: '7Б' });
    expect(maria.participant.closed).toBe(true);
    expect(teacher.client.last('lobby:changed')).toEqual([]);
    expect(f.registry.counts()).toMatchObject({ participants: 1, waiting: 0, transports: 0 });
    await expectCode(() => f.service.createTransport(maria.participant, { direction: 'recv' }), 'NOT_ADMITTED');
    await expectCode(() => f.service.deny(f.user('teacher'), maria.participant.id), 'NOT_FOUND');
  });

  it('admitting before the lesson starts is LESSON_NOT_STARTED; a teacher joins only a running lesson', async () => {
    const ivan = await studentJoins('student1');
    await expectCode(() => f.service.admit(f.user('teacher'), ivan.participant.id), 'LESSON_NOT_STARTED');
    await expectCode(() => f.service.admitAll(f.user('teacher'), null), 'LESSON_NOT_STARTED');
    await expectCode(() => f.service.join(f.user('teacher'), class7b, new RecordingClient(), null), 'LESSON_NOT_STARTED');
  });

  it('two teachers starting at once make one lesson', async () => {
    const a = f.service.start(f.user('teacher'), class7b, new RecordingClient(), null);
    const b = f.service.start(f.user('teacher'), class7b, new RecordingClient(), null);
    const [ra, rb] = await Promise.all([a, b]);
    expect(ra.room.lessonId).toBe(rb.room.lessonId);
    expect(f.registry.counts().lessons).toBe(1);
    // The same person from a second connection takes over: one participant for them.
    expect(f.registry.counts().participants).toBe(1);
  });

  it('lessons of different classes are separate', async () => {
    const a = await teacherStarts('teacher', class7b);
    const b = await teacherStarts('teacher2', class8a);
    expect(a.room.lessonId).not.toBe(b.room.lessonId);
    const dima = await studentJoins('student4', class8a);
    expect(a.client.all('lobby:changed')).toHaveLength(0);
    expect(b.client.last('lobby:changed')?.[0]?.participantId).toBe(dima.participant.id);
  });

  it('a waiting student gets NOT_ADMITTED for media; students may not share the screen', async () => {
    const teacher = await teacherStarts();
    const ivan = await studentJoins('student1');
    await expectCode(() => f.service.createTransport(ivan.participant, { direction: 'send' }), 'NOT_ADMITTED');
    await expectCode(() => f.service.createTransport(null, { direction: 'send' }), 'NOT_ADMITTED');
    f.service.admit(f.user('teacher'), ivan.participant.id);
    const transport = await f.service.createTransport(ivan.participant, { direction: 'send' });
    const screen = { transportId: transport.id, kind: 'video' as const, rtpParameters: videoRtpParameters(), source: 'screen' as const };
    await expectCode(() => f.service.produce(ivan.participant, screen), 'FORBIDDEN');
    // Another participant's transport is not found.
    await expectCode(
      () => f.service.produce(teacher.participant, { ...screen, source: 'camera' }),
      'NOT_FOUND',
    );
  });

  it('media flows between admitted participants and leaving cleans up', async () => {
    const teacher = await teacherStarts();
    const ivan = await studentJoins('student1');
    f.service.admit(f.user('teacher'), ivan.participant.id);
    const send = await f.service.createTransport(teacher.participant, { direction: 'send' });
    const { producerId } = await f.service.produce(teacher.participant, {
      transportId: send.id,
      kind: 'video',
      rtpParameters: videoRtpParameters(),
      source: 'camera',
    });
    expect(ivan.client.last('producer:added')).toMatchObject({ producerId, participantId: teacher.participant.id });
    const recv = await f.service.createTransport(ivan.participant, { direction: 'recv' });
    const rtpCapabilities = teacher.participant.lesson?.router.rtpCapabilities ?? {};
    const consumer = await f.service.consume(ivan.participant, { transportId: recv.id, producerId, rtpCapabilities });
    expect(consumer).toMatchObject({ producerId, participantId: teacher.participant.id, kind: 'video', source: 'camera' });
    await f.service.resumeConsumer(ivan.participant, consumer.id);
    await expectCode(() => f.service.resumeConsumer(teacher.participant, consumer.id), 'NOT_FOUND');
    expect(f.registry.counts().transports).toBe(2);

    f.service.leave(teacher.participant);
    expect(ivan.client.last('producer:removed')).toEqual({ producerId, participantId: teacher.participant.id });
    expect(ivan.client.last('participant:left')).toEqual({ participantId: teacher.participant.id });
    await vi.waitFor(() => expect(ivan.participant.consumers.size).toBe(0));
    expect(f.registry.counts()).toMatchObject({ participants: 1, transports: 1 });

    f.service.leave(ivan.participant);
    expect(f.registry.counts()).toMatchObject({ lessons: 0, participants: 0, transports: 0 });
  });

  it('ending the lesson tells everyone, also those waiting, and closes it', async () => {
    const teacher = await teacherStarts();
    const ivan = await studentJoins('student1');
    f.service.end(f.user('teacher'), teacher.participant);
    expect(ivan.client.last('lesson:ended')).toEqual({ reason: 'teacher-ended' });
    expect(ivan.participant.closed).toBe(true);
    expect(f.registry.counts()).toEqual({ lessons: 0, participants: 0, waiting: 0, transports: 0 });
  });

  it('joining again from the same connection is idempotent; another class is ALREADY_IN_LESSON', async () => {
    await teacherStarts();
    const ivan = await studentJoins('student1');
    const again = await f.service.join(f.user('student1'), class7b, ivan.client, ivan.participant);
    expect(again.participant).toBe(ivan.participant);
    expect(again.result).toMatchObject({ status: 'waiting', participantId: ivan.participant.id });
    f.classes.addMember(class8a, f.user('student1').id, 'student');
    await expectCode(
      () => f.service.join(f.user('student1'), class8a, ivan.client, ivan.participant),
      'ALREADY_IN_LESSON',
    );
    expect(f.registry.counts().waiting).toBe(1);
  });

  it('a media worker that dies ends its lessons with media-failure; the teacher can start again', async () => {
    const teacher = await teacherStarts();
    const ivan = await studentJoins('student1');
    const [pid] = f.pool.pids;
    const replaced = new Promise((resolve) => f.pool.once('replaced', resolve));
    process.kill(pid ?? 0, 'SIGKILL');
    await vi.waitFor(() => expect(teacher.client.last('lesson:ended')).toEqual({ reason: 'media-failure' }));
    expect(ivan.client.last('lesson:ended')).toEqual({ reason: 'media-failure' });
    expect(f.registry.counts()).toEqual({ lessons: 0, participants: 0, waiting: 0, transports: 0 });
    await replaced;
    const restarted = await teacherStarts();
    expect(restarted.room.lessonId).not.toBe(teacher.room.lessonId);
  });
});
