// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { configureServices } from '../services/registry.js';
import { useLessonStore } from '../stores/useLessonStore.js';
import {
  FakeApi,
  FakeLessonClient,
  classSummary,
  fakeServices,
  lobbyEntry,
  memoryStorage,
  room,
  student,
  teacher,
} from '../test/fakes.js';
import { flush, mount } from '../test/mount.js';
import LessonView from './LessonView.vue';

let view: ReturnType<typeof mount> | null = null;
afterEach(() => view?.unmount());

async function enterAs(role: 'teacher' | 'student') {
  const client = new FakeLessonClient();
  const api = new FakeApi();
  api.classesReply = { ok: true, data: [classSummary({ myRole: role })] };
  const storage = memoryStorage({
    'parta.session': JSON.stringify({
      v: 1,
      token: 'tok',
      expiresAt: new Date(Date.now() + 60_000).toISOString(),
      user: role === 'teacher' ? teacher : student,
    }),
  });
  configureServices(fakeServices({ api, storage, client }));
  const pinia = createPinia();
  setActivePinia(pinia);
  const lesson = useLessonStore();
  client.startReply = { ok: true, data: room({ selfId: 'p-host', lobby: [lobbyEntry('p1', 'Anna')] }) };
  await lesson.enter('c1');
  if (role === 'student') {
    client.emit('lesson:admitted', room());
    await flush();
  }
  const onLeave = vi.fn();
  view = mount(LessonView, { onLeave }, { pinia });
  return { client, lesson, view, onLeave };
}

describe('LessonView', () => {
  it('lets the teacher admit from the queue and drops the entry when the server says so', async () => {
    const { client, view } = await enterAs('teacher');
    expect(view.find('[data-testid=lesson-view]')).not.toBeNull();
    expect(view.text('[data-testid=queue-count]')).toBe('1');

    view.find('[data-testid=admit]')?.click();
    await flush();
    expect(client.admit).toHaveBeenCalledWith('p1');

    client.emit('lobby:changed', []);
    await flush();
    expect(view.findAll('[data-testid=queue-entry]')).toHaveLength(0);
    expect(view.text('[data-testid=queue-count]')).toBe('0');
  });

  it('ends the lesson for everyone from the controls', async () => {
    const { client, lesson, view } = await enterAs('teacher');
    view.find('[data-testid=end-lesson]')?.click();
    await flush();
    expect(client.end).toHaveBeenCalledOnce();
    expect(lesson.phase).toBe('ended');
  });

  it('gives a student neither the queue nor the end button, and leaving asks the page to go', async () => {
    const { view, onLeave } = await enterAs('student');
    expect(view.find('[data-testid=admission-queue]')).toBeNull();
    expect(view.find('[data-testid=end-lesson]')).toBeNull();
    view.find('[data-testid=leave-lesson]')?.click();
    expect(onLeave).toHaveBeenCalledOnce();
  });

  it('shows a refused request as a translated alert that can be dismissed', async () => {
    const { client, view } = await enterAs('teacher');
    client.emit('error', { code: 'FORBIDDEN', message: 'no' });
    await flush();
    const alert = view.find('[role=alert]');
    expect(alert?.textContent).toContain('You are not allowed to do this.');
    alert?.querySelector('button')?.click();
    await flush();
    expect(view.find('[role=alert]')).toBeNull();
  });
});
