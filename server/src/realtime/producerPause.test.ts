import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RoomSnapshot } from '../../../common/protocol/lesson.js';
import { videoRtpParameters } from '../testing/mediaFixtures.js';
import { code, data, SocketSessions } from '../testing/socketSessions.js';
import {
  nextEvent,
  request,
  requestRaw,
  startTestServer,
  type LessonClientSocket,
  type TestServer,
} from '../testing/testServer.js';

interface Admitted {
  socket: LessonClientSocket;
  participantId: string;
  room: RoomSnapshot;
}

describe('turning a camera off and on (pausing a producer) over real sockets', () => {
  let server: TestServer;
  let class7b: string;
  const sessions = new SocketSessions(() => server);

  beforeAll(async () => {
    server = await startTestServer();
    class7b = await sessions.classId('7Б', 'teacher');
  });
  afterEach(() => sessions.closeAll());
  afterAll(() => server.stop());

  async function startLesson(): Promise<LessonClientSocket> {
    const teacher = await sessions.signIn('teacher');
    data(await request(teacher, 'lesson:start', { classId: class7b }));
    return teacher;
  }

  async function knock(login: string): Promise<{ socket: LessonClientSocket; participantId: string }> {
    const socket = await sessions.signIn(login);
    const result = data(await request(socket, 'lesson:join', { classId: class7b }));
    if (result.status !== 'waiting') throw new Error('expected to wait');
    return { socket, participantId: result.participantId };
  }

  async function admitted(teacher: LessonClientSocket, login: string): Promise<Admitted> {
    const { socket, participantId } = await knock(login);
    const room = nextEvent(socket, 'lesson:admitted');
    data(await request(teacher, 'lobby:admit', { participantId }));
    return { socket, participantId, room: await room };
  }

  async function sendCamera(socket: LessonClientSocket, ssrc: number): Promise<string> {
    const send = data(await request(socket, 'media:createTransport', { direction: 'send' }));
    const camera = { transportId: send.id, kind: 'video' as const, rtpParameters: videoRtpParameters(ssrc), source: 'camera' as const };
    return data(await request(socket, 'media:produce', camera)).producerId;
  }

  it('the owner pauses: the others hear it, a newcomer sees it paused, and resuming undoes it', async () => {
    const teacher = await startLesson();
    const ivan = await admitted(teacher, 'student1');
    const maria = await admitted(teacher, 'student2');
    const added = nextEvent(teacher, 'producer:added');
    const producerId = await sendCamera(ivan.socket, 44_444_444);
    expect(await added).toMatchObject({ producerId, participantId: ivan.participantId, paused: false });

    const heardPaused: unknown[] = [];
    teacher.on('producer:paused', (ref) => heardPaused.push(ref));
    const teacherHears = nextEvent(teacher, 'producer:paused');
    const mariaHears = nextEvent(maria.socket, 'producer:paused');
    expect(data(await request(ivan.socket, 'media:pauseProducer', { producerId }))).toBeNull();
    const ref = { producerId, participantId: ivan.participantId };
    expect(await teacherHears).toEqual(ref);
    expect(await mariaHears).toEqual(ref);
    // Again: nothing changes and nobody hears it twice.
    expect(data(await request(ivan.socket, 'media:pauseProducer', { producerId }))).toBeNull();

    // Someone let in now learns from the snapshot that this camera is off.
    const alexei = await admitted(teacher, 'student3');
    expect(alexei.room.producers.find((p) => p.producerId === producerId)).toMatchObject({ paused: true });

    const resumed = nextEvent(teacher, 'producer:resumed');
    const alexeiHears = nextEvent(alexei.socket, 'producer:resumed');
    expect(data(await request(ivan.socket, 'media:resumeProducer', { producerId }))).toBeNull();
    expect(await resumed).toEqual(ref);
    expect(await alexeiHears).toEqual(ref);
    expect(heardPaused).toEqual([ref]);
    expect(data(await request(ivan.socket, 'media:resumeProducer', { producerId }))).toBeNull();

    // The owner hears nothing of its own producer; the snapshot says it is on again.
    const ivanAgain = data(await request(ivan.socket, 'lesson:join', { classId: class7b }));
    expect(ivanAgain.status === 'admitted' ? ivanAgain.room.producers : null).toEqual([]);
    const teacherAgain = data(await request(teacher, 'lesson:start', { classId: class7b }));
    expect(teacherAgain.producers.find((p) => p.producerId === producerId)).toMatchObject({ paused: false });
  });

  it("someone else's producer is NOT_FOUND; someone waiting gets NOT_ADMITTED", async () => {
    const teacher = await startLesson();
    const ivan = await admitted(teacher, 'student1');
    const producerId = await sendCamera(ivan.socket, 55_555_555);
    const teacherCamera = await sendCamera(teacher, 66_666_666);

    expect(code(await request(teacher, 'media:pauseProducer', { producerId }))).toBe('NOT_FOUND');
    expect(code(await request(teacher, 'media:resumeProducer', { producerId }))).toBe('NOT_FOUND');
    expect(code(await request(ivan.socket, 'media:pauseProducer', { producerId: teacherCamera }))).toBe('NOT_FOUND');
    expect(code(await request(ivan.socket, 'media:pauseProducer', { producerId: 'no-such-producer' }))).toBe('NOT_FOUND');

    const maria = await knock('student2');
    expect(code(await request(maria.socket, 'media:pauseProducer', { producerId }))).toBe('NOT_ADMITTED');
    expect(code(await request(maria.socket, 'media:resumeProducer', { producerId }))).toBe('NOT_ADMITTED');

    // Nothing was paused by those refusals.
    const room = nextEvent(maria.socket, 'lesson:admitted');
    data(await request(teacher, 'lobby:admit', { participantId: maria.participantId }));
    const paused = (await room).producers.map((p) => [p.producerId, p.paused]);
    expect(paused).toEqual(expect.arrayContaining([[producerId, false], [teacherCamera, false]]));
  });

  it('malformed pause and resume requests get BAD_REQUEST and the socket keeps working', async () => {
    const teacher = await startLesson();
    const producerId = await sendCamera(teacher, 77_777_777);
    const malformed: unknown[] = [{}, { producerId: '' }, { producerId: 42 }, { producerId: 'x'.repeat(65) }, 'camera', null];
    for (const name of ['media:pauseProducer', 'media:resumeProducer']) {
      for (const payload of malformed) {
        expect(code(await requestRaw(teacher, name, payload)), `${name} ${JSON.stringify(payload)}`).toBe('BAD_REQUEST');
      }
    }
    expect(code(await request(teacher, 'media:pauseProducer', { producerId }))).toBeUndefined();
  });
});
