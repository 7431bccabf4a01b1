import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { JoinResult, RoomSnapshot } from '../../../common/protocol/lesson.js';
import { audioRtpParameters, videoRtpParameters } from '../testing/mediaFixtures.js';
import { code, data, SocketSessions } from '../testing/socketSessions.js';
import {
  connectSocket,
  nextEvent,
  request,
  requestJson,
  requestRaw,
  startTestServer,
  type LessonClientSocket,
  type TestServer,
} from '../testing/testServer.js';

describe('realtime refusals over real sockets', () => {
  let server: TestServer;
  let class7b: string;
  let class8a: string;
  const sessions = new SocketSessions(() => server);
  const signIn = (login: string): Promise<LessonClientSocket> => sessions.signIn(login);

  async function startLesson(): Promise<{ teacher: LessonClientSocket; room: RoomSnapshot }> {
    const teacher = await signIn('teacher');
    return { teacher, room: data(await request(teacher, 'lesson:start', { classId: class7b })) };
  }

  async function knock(login: string): Promise<{ socket: LessonClientSocket; participantId: string }> {
    const socket = await signIn(login);
    const result: JoinResult = data(await request(socket, 'lesson:join', { classId: class7b }));
    if (result.status !== 'waiting') throw new Error('expected to wait');
    return { socket, participantId: result.participantId };
  }

  beforeAll(async () => {
    server = await startTestServer();
    class7b = await sessions.classId('7Б', 'teacher');
    class8a = await sessions.classId('8А', 'teacher2');
  });
  afterEach(() => sessions.closeAll());
  afterAll(() => server.stop());

  it('refuses a socket without a token or with an unknown one: UNAUTHENTICATED', async () => {
    await expect(connectSocket(server.url, {})).rejects.toMatchObject({ data: { code: 'UNAUTHENTICATED' } });
    await expect(connectSocket(server.url, { token: 'made-up' })).rejects.toMatchObject({
      data: { code: 'UNAUTHENTICATED' },
    });
  });

  it('refuses a socket whose session expired: SESSION_EXPIRED', async () => {
    const token = await server.expiredToken('student1');
    await expect(connectSocket(server.url, { token })).rejects.toMatchObject({ data: { code: 'SESSION_EXPIRED' } });
  });

  it('a waiting participant gets NOT_ADMITTED for every media request', async () => {
    await startLesson();
    const { socket } = await knock('student1');
    expect(code(await request(socket, 'media:createTransport', { direction: 'send' }))).toBe('NOT_ADMITTED');
    const produce = { transportId: 't1', kind: 'video' as const, rtpParameters: videoRtpParameters(), source: 'camera' as const };
    expect(code(await request(socket, 'media:produce', produce))).toBe('NOT_ADMITTED');
    const consume = { transportId: 't1', producerId: 'p1', rtpCapabilities: {} };
    expect(code(await request(socket, 'media:consume', consume))).toBe('NOT_ADMITTED');
    expect(server.health()).toMatchObject({ waiting: 1, transports: 0 });
  });

  it('someone in no lesson at all gets NOT_ADMITTED for media', async () => {
    const socket = await signIn('student2');
    expect(code(await request(socket, 'media:createTransport', { direction: 'recv' }))).toBe('NOT_ADMITTED');
  });

  it('a student emitting lobby:admit, lobby:admitAll or lesson:end gets FORBIDDEN', async () => {
    await startLesson();
    const ivan = await knock('student1');
    const maria = await knock('student2');
    expect(code(await request(maria.socket, 'lobby:admit', { participantId: ivan.participantId }))).toBe('FORBIDDEN');
    expect(code(await request(maria.socket, 'lobby:admitAll', {}))).toBe('FORBIDDEN');
    expect(code(await request(maria.socket, 'lobby:deny', { participantId: ivan.participantId }))).toBe('FORBIDDEN');
    expect(code(await request(maria.socket, 'lesson:end', {}))).toBe('FORBIDDEN');
    expect(code(await request(maria.socket, 'lesson:start', { classId: class7b }))).toBe('FORBIDDEN');
    expect(server.health()).toMatchObject({ participants: 1, waiting: 2 });
  });

  it('the teacher of 8А cannot admit into 7Б, nor join it', async () => {
    await startLesson();
    const ivan = await knock('student1');
    const other = await signIn('teacher2');
    expect(code(await request(other, 'lobby:admit', { participantId: ivan.participantId }))).toBe('FORBIDDEN');
    expect(code(await request(other, 'lesson:join', { classId: class7b }))).toBe('FORBIDDEN');
    expect(code(await request(other, 'lesson:start', { classId: class8a }))).toBeUndefined();
    expect(code(await request(other, 'lobby:admit', { participantId: ivan.participantId }))).toBe('FORBIDDEN');
  });

  it('malformed payloads get BAD_REQUEST and the server keeps working', async () => {
    const socket = await signIn('teacher');
    const malformed: [string, unknown][] = [
      ['lesson:start', {}],
      ['lesson:start', { classId: 42 }],
      ['lesson:start', 'not an object'],
      ['lesson:start', null],
      ['lesson:join', { classId: 'x'.repeat(65) }],
      ['lesson:end', { unexpected: true }],
      ['lobby:admit', { participantId: '' }],
      ['media:createTransport', { direction: 'sideways' }],
      ['media:produce', { transportId: 't', kind: 'video', rtpParameters: {}, source: 'hologram' }],
      ['media:connectTransport', { transportId: 't', dtlsParameters: 'nope' }],
    ];
    for (const [name, payload] of malformed) {
      const ack = await requestRaw(socket, name, payload);
      expect(code(ack), `${name} ${JSON.stringify(payload)}`).toBe('BAD_REQUEST');
    }
    // No ack callback at all: ignored safely, the socket still works.
    socket.emit('lesson:start', { classId: class7b } as never, undefined as never);
    (socket.emit as (name: string, payload: unknown) => void)('lesson:leave', {});
    // An unknown event is ignored.
    (socket.emit as (name: string) => void)('lesson:explode');
    const room = data(await request(socket, 'lesson:start', { classId: class7b }));
    expect(room.classId).toBe(class7b);
    expect(socket.connected).toBe(true);
  });

  it('a denied participant hears lesson:denied and holds no transports', async () => {
    const { teacher } = await startLesson();
    data(await request(teacher, 'media:createTransport', { direction: 'send' }));
    data(await request(teacher, 'media:createTransport', { direction: 'recv' }));
    const maria = await knock('student2');
    const denied = nextEvent(maria.socket, 'lesson:denied');
    const queue = nextEvent(teacher, 'lobby:changed');
    data(await request(teacher, 'lobby:deny', { participantId: maria.participantId }));
    expect(await denied).toEqual({ className: '7Б' });
    expect(await queue).toEqual([]);
    expect(code(await request(maria.socket, 'media:createTransport', { direction: 'recv' }))).toBe('NOT_ADMITTED');
    expect(server.health()).toMatchObject({ participants: 1, waiting: 0, transports: 2 });
  });

  it('a student producing screen gets FORBIDDEN', async () => {
    const { teacher } = await startLesson();
    const ivan = await knock('student1');
    const admitted = nextEvent(ivan.socket, 'lesson:admitted');
    data(await request(teacher, 'lobby:admit', { participantId: ivan.participantId }));
    await admitted;
    const transport = data(await request(ivan.socket, 'media:createTransport', { direction: 'send' }));
    const screen = { transportId: transport.id, kind: 'video' as const, rtpParameters: videoRtpParameters(), source: 'screen' as const };
    expect(code(await request(ivan.socket, 'media:produce', screen))).toBe('FORBIDDEN');
    // The teacher's screen is fine.
    const own = data(await request(teacher, 'media:createTransport', { direction: 'send' }));
    expect(code(await request(teacher, 'media:produce', { ...screen, transportId: own.id }))).toBeUndefined();
  });

  it('media parameters the media worker refuses are BAD_REQUEST, not INTERNAL', async () => {
    const { teacher } = await startLesson();
    const send = data(await request(teacher, 'media:createTransport', { direction: 'send' }));
    const camera = { transportId: send.id, kind: 'video' as const, rtpParameters: videoRtpParameters(1234), source: 'camera' as const };
    data(await request(teacher, 'media:produce', camera));
    // The same SSRC twice on one transport: refused by the worker itself.
    const sameSsrc = { ...camera, kind: 'audio' as const, rtpParameters: audioRtpParameters(1234), source: 'microphone' as const };
    expect(code(await request(teacher, 'media:produce', sameSsrc))).toBe('BAD_REQUEST');
    // Parameters nested too deep to be passed on to the worker.
    const deep = `${'{"a":'.repeat(20_000)}{}${'}'.repeat(20_000)}`;
    const deepConnect = `{"transportId":"${send.id}","dtlsParameters":${deep}}`;
    expect(code(await requestJson(teacher, 'media:connectTransport', deepConnect))).toBe('BAD_REQUEST');
    // The transport still works.
    const dtlsParameters = { role: 'client', fingerprints: [{ algorithm: 'sha-256', value: `${'AB:'.repeat(31)}AB` }] };
    expect(code(await request(teacher, 'media:connectTransport', { transportId: send.id, dtlsParameters }))).toBeUndefined();
  });

  it('consuming your own producer is BAD_REQUEST (your own video is shown locally)', async () => {
    const { teacher, room } = await startLesson();
    const send = data(await request(teacher, 'media:createTransport', { direction: 'send' }));
    const recv = data(await request(teacher, 'media:createTransport', { direction: 'recv' }));
    const camera = { transportId: send.id, kind: 'video' as const, rtpParameters: videoRtpParameters(), source: 'camera' as const };
    const { producerId } = data(await request(teacher, 'media:produce', camera));
    const own = { transportId: recv.id, producerId, rtpCapabilities: room.routerRtpCapabilities };
    expect(code(await request(teacher, 'media:consume', own))).toBe('BAD_REQUEST');
  });

  it("another participant's transport id is NOT_FOUND", async () => {
    const { teacher } = await startLesson();
    const ivan = await knock('student1');
    data(await request(teacher, 'lobby:admitAll', {}));
    const transport = data(await request(teacher, 'media:createTransport', { direction: 'send' }));
    const produce = { transportId: transport.id, kind: 'video' as const, rtpParameters: videoRtpParameters(), source: 'camera' as const };
    expect(code(await request(ivan.socket, 'media:produce', produce))).toBe('NOT_FOUND');
    expect(code(await request(ivan.socket, 'media:connectTransport', { transportId: transport.id, dtlsParameters: {} }))).toBe(
      'NOT_FOUND',
    );
  });
});
