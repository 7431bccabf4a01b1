// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import type { ClassSummary } from '../../../common/protocol/auth.js';
import { configureServices } from '../services/registry.js';
import {
  FakeApi,
  FakeLessonClient,
  classSummary,
  fakeServices,
  fakeTrack,
  lobbyEntry,
  memoryStorage,
  participant,
  producer,
  room,
  student,
  teacher,
} from '../test/fakes.js';
import { flush } from '../test/mount.js';
import { useAuthStore } from './useAuthStore.js';
import { useLessonStore } from './useLessonStore.js';

function setup(summary: ClassSummary = classSummary(), user = student, connectFails?: 'SESSION_EXPIRED') {
  const client = new FakeLessonClient();
  const api = new FakeApi();
  api.classesReply = { ok: true, data: [summary] };
  const storage = memoryStorage({
    'parta.session': JSON.stringify({
      v: 1,
      token: 'tok',
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      user,
    }),
  });
  configureServices(fakeServices({ api, storage, client }));
  if (connectFails) {
    configureServices({
      ...fakeServices({ api, storage }),
      connectLesson: async () => ({ ok: false, error: { code: connectFails, message: 'expired' } }),
    });
  }
  setActivePinia(createPinia());
  return { client, api, lesson: useLessonStore() };
}

async function admittedStudent() {
  const ctx = setup();
  await ctx.lesson.enter('c1');
  ctx.client.emit('lesson:admitted', room());
  await flush();
  return ctx;
}

describe('useLessonStore', () => {
  it('puts a student in the waiting room, then into the lesson when admitted', async () => {
    const { lesson, client } = setup();
    await lesson.enter('c1');
    expect(lesson.phase).toBe('waiting');
    expect(lesson.lessonStarted).toBe(false);

    client.emit('lesson:started', { lessonId: 'l1', routerRtpCapabilities: { codecs: [] } });
    expect(lesson.lessonStarted).toBe(true);

    client.emit('lesson:admitted', room());
    await flush();
    expect(lesson.phase).toBe('in-lesson');
    expect(client.setupMedia).toHaveBeenCalledOnce();
    expect(lesson.microphone).toBe('on');
    expect(lesson.camera).toBe('on');
    expect(lesson.isTeacher).toBe(false);
  });

  it('shows a waiting student their camera state before admission, as the devices answered', async () => {
    const { lesson, client } = setup();
    client.mediaReply = { camera: 'denied', microphone: 'on' };
    await lesson.enter('c1');
    await flush();
    expect(lesson.phase).toBe('waiting');
    expect(lesson.camera).toBe('denied');
    expect(lesson.microphone).toBe('on');
  });

  it('stays in the lesson when the admission arrives before the reply to the knock', async () => {
    const { lesson, client } = setup();
    const join = client.join.bind(client);
    client.join = async (classId: string) => {
      client.emit('lesson:admitted', room());
      return join(classId);
    };
    await lesson.enter('c1');
    await flush();
    expect(lesson.phase).toBe('in-lesson');
  });

  it('shows the denied state and drops the connection when the teacher says no', async () => {
    const { lesson, client } = setup();
    await lesson.enter('c1');
    client.emit('lesson:denied', { className: '5A Mathematics' });
    expect(lesson.phase).toBe('denied');
    expect(client.closed).toBe(true);
  });

  it('starts the lesson for a teacher and keeps the queue in knock order', async () => {
    const { lesson, client } = setup(classSummary({ myRole: 'teacher' }), teacher);
    client.startReply = {
      ok: true,
      data: room({
        selfId: 'p-host',
        lobby: [lobbyEntry('p2', 'Vera', '2030-01-01T09:02:00Z'), lobbyEntry('p1', 'Anna', '2030-01-01T09:01:00Z')],
      }),
    };
    await lesson.enter('c1');
    expect(lesson.phase).toBe('in-lesson');
    expect(lesson.isTeacher).toBe(true);
    expect(lesson.lobbyList.map((e) => e.name)).toEqual(['Anna', 'Vera']);

    client.emit('lobby:changed', [lobbyEntry('p2', 'Vera', '2030-01-01T09:02:00Z')]);
    expect(lesson.lobbyList.map((e) => e.participantId)).toEqual(['p2']);

    client.emit('lobby:changed', []);
    expect(lesson.lobbyList).toEqual([]);
  });

  it('reports a refused admission by code and frees the entry for another try', async () => {
    const { lesson, client } = setup(classSummary({ myRole: 'teacher' }), teacher);
    client.startReply = { ok: true, data: room({ selfId: 'p-host', lobby: [lobbyEntry('p1', 'Anna')] }) };
    await lesson.enter('c1');
    client.admitReply = { ok: false, error: { code: 'NOT_FOUND', message: 'gone' } };

    await lesson.admit('p1');

    expect(client.admit).toHaveBeenCalledWith('p1');
    expect(lesson.errors.NOT_FOUND?.code).toBe('NOT_FOUND');
    expect(lesson.pending.p1).toBeUndefined();
  });

  it('adds and removes participants; one who leaves takes their videos along', async () => {
    const { lesson, client } = await admittedStudent();
    client.emit('participant:joined', participant({ id: 'p3', name: 'Vera' }));
    client.emit('producer:added', producer({ producerId: 'v3', participantId: 'p3' }));
    client.emit('track:added', { producerId: 'v3', participantId: 'p3', kind: 'video', source: 'camera', track: fakeTrack() });
    expect(lesson.participantCount).toBe(3);
    expect(lesson.tiles.gallery.map((t) => t.name)).toEqual(['Vera']);

    client.emit('participant:left', { participantId: 'p3' });

    expect(lesson.participantCount).toBe(2);
    expect(lesson.tracks.v3).toBeUndefined();
    expect(lesson.tiles.gallery).toEqual([]);
  });

  it('drops the track of a removed producer', async () => {
    const { lesson, client } = await admittedStudent();
    client.emit('producer:added', producer({ producerId: 'a1', participantId: 'p-host', kind: 'audio', source: 'microphone' }));
    client.emit('track:added', { producerId: 'a1', participantId: 'p-host', kind: 'audio', source: 'microphone', track: fakeTrack('audio') });
    expect(lesson.audioTracks).toHaveLength(1);

    client.emit('producer:removed', { producerId: 'a1', participantId: 'p-host' });

    expect(lesson.audioTracks).toEqual([]);
    expect(lesson.producers.a1).toBeUndefined();
    expect(lesson.tracks.a1).toBeUndefined();
  });

  it('shows a screen share largest and the teacher next', async () => {
    const { lesson, client } = await admittedStudent();
    client.emit('producer:added', producer({ producerId: 'cam', participantId: 'p-host' }));
    client.emit('track:added', { producerId: 'cam', participantId: 'p-host', kind: 'video', source: 'camera', track: fakeTrack() });
    expect(lesson.tiles.spotlight?.producerId).toBe('cam');

    client.emit('producer:added', producer({ producerId: 'scr', participantId: 'p-host', source: 'screen' }));
    client.emit('track:added', { producerId: 'scr', participantId: 'p-host', kind: 'video', source: 'screen', track: fakeTrack() });
    expect(lesson.tiles.spotlight?.source).toBe('screen');
    expect(lesson.tiles.gallery.map((t) => t.producerId)).toEqual(['cam']);

    client.emit('producer:removed', { producerId: 'scr', participantId: 'p-host' });
    expect(lesson.tiles.spotlight?.producerId).toBe('cam');
  });

  it('knows whose camera is off and who is muted, from the room and from the pushes', async () => {
    const { lesson, client } = setup();
    await lesson.enter('c1');
    const vera = participant({ id: 'p3', name: 'Vera' });
    const producers = [
      producer({ producerId: 'cam', participantId: 'p-host', paused: true }),
      producer({ producerId: 'mic', participantId: 'p-host', kind: 'audio', source: 'microphone' }),
      producer({ producerId: 'vera-mic', participantId: 'p3', kind: 'audio', source: 'microphone', paused: true }),
    ];
    client.emit('lesson:admitted', room({ participants: [...room().participants, vera], producers }));
    await flush();
    client.emit('track:added', { producerId: 'cam', participantId: 'p-host', kind: 'video', source: 'camera', track: fakeTrack() });
    expect(lesson.tiles.spotlight).toMatchObject({ producerId: 'cam', cameraOff: true, micOff: false });
    expect(lesson.withoutVideo.map((p) => [p.name, p.micOff])).toEqual([['Vera', true]]);

    client.emit('producer:resumed', { producerId: 'cam', participantId: 'p-host' });
    client.emit('producer:paused', { producerId: 'mic', participantId: 'p-host' });
    client.emit('producer:resumed', { producerId: 'vera-mic', participantId: 'p3' });
    expect(lesson.tiles.spotlight).toMatchObject({ cameraOff: false, micOff: true });
    expect(lesson.withoutVideo.map((p) => p.micOff)).toEqual([false]);

    // No microphone sent at all: nobody hears them either. A push about a gone producer is ignored.
    client.emit('producer:removed', { producerId: 'vera-mic', participantId: 'p3' });
    client.emit('producer:paused', { producerId: 'vera-mic', participantId: 'p3' });
    expect(lesson.withoutVideo.map((p) => p.micOff)).toEqual([true]);
    expect(lesson.producers['vera-mic']).toBeUndefined();
  });

  it('ends the lesson for everyone when the teacher ends it', async () => {
    const { lesson, client } = await admittedStudent();
    client.emit('lesson:ended', { reason: 'teacher-ended' });
    expect(lesson.phase).toBe('ended');
    expect(lesson.endReason).toBe('teacher-ended');
    expect(client.closed).toBe(true);
  });

  it('tells the user when the connection drops', async () => {
    const { lesson, client } = await admittedStudent();
    client.emit('connection:lost', { reason: 'transport close' });
    expect(lesson.phase).toBe('ended');
    expect(lesson.endReason).toBe('connection-lost');
  });

  it('keeps a refused camera as a state the controls can explain', async () => {
    const ctx = setup();
    ctx.client.mediaReply = { camera: 'denied', microphone: 'on' };
    await ctx.lesson.enter('c1');
    ctx.client.emit('lesson:admitted', room());
    await flush();
    expect(ctx.lesson.camera).toBe('denied');
    expect(ctx.lesson.microphone).toBe('on');
  });

  it('mutes and unmutes the microphone through the client', async () => {
    const { lesson, client } = await admittedStudent();
    await lesson.toggleMicrophone();
    expect(client.setDeviceEnabled).toHaveBeenLastCalledWith('microphone', false);
    expect(lesson.microphone).toBe('off');
    await lesson.toggleMicrophone();
    expect(client.setDeviceEnabled).toHaveBeenLastCalledWith('microphone', true);
    expect(lesson.microphone).toBe('on');
  });

  it('ignores a device reply that comes after leaving and entering again', async () => {
    const { lesson, client } = await admittedStudent();
    let answer: (state: 'off') => void = () => undefined;
    client.setDeviceEnabled.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    const toggled = lesson.toggleCamera();
    await lesson.leave();
    await lesson.enter('c1');
    client.emit('lesson:admitted', room());
    await flush();
    expect(lesson.camera).toBe('on');

    answer('off');
    await toggled;

    expect(lesson.camera).toBe('on');
  });

  it('does not offer screen sharing to a student', async () => {
    const { lesson, client } = await admittedStudent();
    await lesson.toggleScreen();
    expect(client.startScreenShare).not.toHaveBeenCalled();
    expect(lesson.notice).toBe('screen-teacher-only');
  });

  it('sends an expired session back to sign-in', async () => {
    const { lesson } = setup(classSummary(), student, 'SESSION_EXPIRED');
    const auth = useAuthStore();
    expect(auth.isSignedIn).toBe(true);

    await lesson.enter('c1');

    expect(lesson.phase).toBe('idle');
    expect(lesson.errors.SESSION_EXPIRED).toBeDefined();
    expect(auth.isSignedIn).toBe(false);
    expect(auth.notice).toBe('SESSION_EXPIRED');
  });

  it('leaves the queue when the student cancels', async () => {
    const { lesson, client } = setup();
    await lesson.enter('c1');
    await lesson.leave();
    expect(client.leave).toHaveBeenCalledOnce();
    expect(lesson.phase).toBe('idle');
  });

  it('knows the lesson ended by my hand even when the push comes before the reply', async () => {
    const { lesson, client } = setup(classSummary({ myRole: 'teacher' }), teacher);
    client.startReply = { ok: true, data: room({ selfId: 'p-host' }) };
    await lesson.enter('c1');
    client.end.mockImplementationOnce(async () => {
      client.emit('lesson:ended', { reason: 'teacher-ended' });
      return { ok: false, error: { code: 'UNAVAILABLE', message: 'closed' } };
    });

    await lesson.endLesson();

    expect(lesson.phase).toBe('ended');
    expect(lesson.endReason).toBe('ended-by-me');
    expect(lesson.errorList).toEqual([]);
  });
});
