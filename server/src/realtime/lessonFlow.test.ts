import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RoomSnapshot } from '../../../common/protocol/lesson.js';
import { audioRtpParameters, videoRtpParameters } from '../testing/mediaFixtures.js';
import { data, SocketSessions } from '../testing/socketSessions.js';
import {
  nextEvent,
  request,
  startTestServer,
  type LessonClientSocket,
  type TestServer,
} from '../testing/testServer.js';

describe('a lesson over real sockets', () => {
  let server: TestServer;
  let class7b: string;
  const sessions = new SocketSessions(() => server);
  const signIn = (login: string): Promise<LessonClientSocket> => sessions.signIn(login);

  beforeAll(async () => {
    server = await startTestServer();
    class7b = await sessions.classId('7Б', 'teacher');
  });
  afterEach(() => sessions.closeAll());
  afterAll(() => server.stop());

  it('an early knock waits, hears lesson:started, is admitted, and media flows both ways', async () => {
    const ivan = await signIn('student1');
    const early = data(await request(ivan, 'lesson:join', { classId: class7b }));
    expect(early).toMatchObject({ status: 'waiting', className: '7Б', lessonStarted: false });

    const teacher = await signIn('teacher');
    const started = nextEvent(ivan, 'lesson:started');
    const room = data(await request(teacher, 'lesson:start', { classId: class7b }));
    expect((await started).lessonId).toBe(room.lessonId);
    expect(room.lobby.map((e) => e.name)).toEqual(['Иван Петров']);
    expect(room.routerRtpCapabilities).toHaveProperty('codecs');

    // The teacher sends camera and microphone.
    const send = data(await request(teacher, 'media:createTransport', { direction: 'send' }));
    expect(send.iceParameters).toMatchObject({ usernameFragment: expect.any(String), password: expect.any(String) });
    expect(send.iceCandidates.length).toBeGreaterThan(0);
    expect(send.iceCandidates[0]).toMatchObject({ ip: '127.0.0.1', protocol: expect.stringMatching(/udp|tcp/) });
    expect(send.dtlsParameters).toHaveProperty('fingerprints');
    const camera = data(
      await request(teacher, 'media:produce', {
        transportId: send.id,
        kind: 'video',
        rtpParameters: videoRtpParameters(),
        source: 'camera',
      }),
    );
    data(
      await request(teacher, 'media:produce', {
        transportId: send.id,
        kind: 'audio',
        rtpParameters: audioRtpParameters(),
        source: 'microphone',
      }),
    );

    // Admission brings the room with the teacher's producers.
    const admitted = nextEvent(ivan, 'lesson:admitted');
    const joined = nextEvent(teacher, 'participant:joined');
    const queue = nextEvent(teacher, 'lobby:changed');
    const entry = room.lobby[0];
    data(await request(teacher, 'lobby:admit', { participantId: entry?.participantId ?? '' }));
    const ivanRoom: RoomSnapshot = await admitted;
    expect(await queue).toEqual([]);
    expect(await joined).toMatchObject({ name: 'Иван Петров', role: 'student', isHost: false });
    expect(ivanRoom.lobby).toEqual([]);
    expect(ivanRoom.producers.map((p) => p.source).sort()).toEqual(['camera', 'microphone']);
    const host = ivanRoom.participants.find((p) => p.isHost);
    expect(host?.name).toBe('Анна Петровна Смирнова');

    // The student consumes the teacher's camera, paused until resumed.
    const recv = data(await request(ivan, 'media:createTransport', { direction: 'recv' }));
    const consumer = data(
      await request(ivan, 'media:consume', {
        transportId: recv.id,
        producerId: camera.producerId,
        rtpCapabilities: ivanRoom.routerRtpCapabilities,
      }),
    );
    expect(consumer).toMatchObject({ producerId: camera.producerId, participantId: host?.id, kind: 'video', source: 'camera' });
    expect(consumer.rtpParameters).toHaveProperty('codecs');
    data(await request(ivan, 'media:resumeConsumer', { consumerId: consumer.id }));
    // A retried consume returns the same consumer.
    const again = data(
      await request(ivan, 'media:consume', {
        transportId: recv.id,
        producerId: camera.producerId,
        rtpCapabilities: ivanRoom.routerRtpCapabilities,
      }),
    );
    expect(again.id).toBe(consumer.id);

    // The student's camera reaches the teacher as producer:added.
    const ivanSend = data(await request(ivan, 'media:createTransport', { direction: 'send' }));
    const added = nextEvent(teacher, 'producer:added');
    const ivanCamera = data(
      await request(ivan, 'media:produce', {
        transportId: ivanSend.id,
        kind: 'video',
        rtpParameters: videoRtpParameters(33_333_333),
        source: 'camera',
      }),
    );
    expect(await added).toMatchObject({ producerId: ivanCamera.producerId, source: 'camera', kind: 'video' });

    // Closing a producer tells the others.
    const removed = nextEvent(teacher, 'producer:removed');
    data(await request(ivan, 'media:closeProducer', { producerId: ivanCamera.producerId }));
    expect(await removed).toMatchObject({ producerId: ivanCamera.producerId });
    expect(server.health()).toMatchObject({ lessons: 1, participants: 2, waiting: 0, transports: 3 });
  });

  it('a disconnect leaves: the others hear it and its transports close', async () => {
    const teacher = await signIn('teacher');
    data(await request(teacher, 'lesson:start', { classId: class7b }));
    const maria = await signIn('student2');
    const waiting = data(await request(maria, 'lesson:join', { classId: class7b }));
    if (waiting.status !== 'waiting') throw new Error('expected to wait');
    data(await request(teacher, 'lobby:admit', { participantId: waiting.participantId }));
    const send = data(await request(maria, 'media:createTransport', { direction: 'send' }));
    const { producerId } = data(
      await request(maria, 'media:produce', {
        transportId: send.id,
        kind: 'audio',
        rtpParameters: audioRtpParameters(),
        source: 'microphone',
      }),
    );
    data(await request(maria, 'media:createTransport', { direction: 'recv' }));
    expect(server.health()).toMatchObject({ participants: 2, transports: 2 });

    const removed = nextEvent(teacher, 'producer:removed');
    const left = nextEvent(teacher, 'participant:left');
    maria.disconnect();
    expect(await removed).toEqual({ producerId, participantId: waiting.participantId });
    expect(await left).toEqual({ participantId: waiting.participantId });
    expect(server.health()).toMatchObject({ lessons: 1, participants: 1, transports: 0 });

    // A waiting student who disconnects drops out of the queue.
    const alexei = await signIn('student3');
    const queued = nextEvent(teacher, 'lobby:changed');
    data(await request(alexei, 'lesson:join', { classId: class7b }));
    expect((await queued).map((e) => e.name)).toEqual(['Алексей Соколов']);
    const emptied = nextEvent(teacher, 'lobby:changed');
    alexei.disconnect();
    expect(await emptied).toEqual([]);
  });

  it('the teacher ends the lesson for everyone; a second start from a new connection takes over', async () => {
    const first = await signIn('teacher');
    const room = data(await request(first, 'lesson:start', { classId: class7b }));
    const second = await signIn('teacher');
    const again = data(await request(second, 'lesson:start', { classId: class7b }));
    expect(again.lessonId).toBe(room.lessonId);
    expect(again.participants).toHaveLength(1);
    expect(server.health()).toMatchObject({ participants: 1 });
    // The replaced connection is no longer in the lesson.
    const stale = await request(first, 'media:createTransport', { direction: 'send' });
    expect(stale.ok ? null : stale.error.code).toBe('NOT_ADMITTED');

    const ivan = await signIn('student1');
    data(await request(ivan, 'lesson:join', { classId: class7b }));
    const ended = nextEvent(ivan, 'lesson:ended');
    data(await request(second, 'lesson:end', {}));
    expect(await ended).toEqual({ reason: 'teacher-ended' });
    expect(server.health().lessons).toBe(0);
  });
});

describe('server shutdown', () => {
  it('ends running lessons with lesson:ended {reason: server-shutdown}', async () => {
    const server = await startTestServer();
    try {
      const sessions = new SocketSessions(() => server);
      const socket = await sessions.signIn('teacher');
      const classId = await sessions.classId('7Б', 'teacher');
      data(await request(socket, 'lesson:start', { classId }));
      const ended = nextEvent(socket, 'lesson:ended');
      await server.close();
      expect(await ended).toEqual({ reason: 'server-shutdown' });
      socket.close();
    } finally {
      await server.stop();
    }
  });
});
