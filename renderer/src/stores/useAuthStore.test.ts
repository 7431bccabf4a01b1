// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { configureServices } from '../services/registry.js';
import { FakeApi, fakeServices, memoryStorage, teacher } from '../test/fakes.js';
import { useAuthStore } from './useAuthStore.js';
import { useClassesStore } from './useClassesStore.js';

function setup(storage = memoryStorage()) {
  const api = new FakeApi();
  configureServices(fakeServices({ api, storage }));
  setActivePinia(createPinia());
  return { api, storage, auth: useAuthStore() };
}

const future = new Date(Date.now() + 3_600_000).toISOString();

describe('useAuthStore', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('keeps the refusal of a wrong password and stays signed out', async () => {
    const { auth, api, storage } = setup();
    api.loginReply = { ok: false, error: { code: 'UNAUTHENTICATED', message: 'wrong password' } };

    expect(await auth.signIn('olga', 'nope')).toBe(false);

    expect(auth.error?.code).toBe('UNAUTHENTICATED');
    expect(auth.isSignedIn).toBe(false);
    expect(storage.data.size).toBe(0);
  });

  it('refuses an empty login without asking the server', async () => {
    const { auth, api } = setup();
    expect(await auth.signIn('   ', 'secret')).toBe(false);
    expect(auth.error?.code).toBe('BAD_REQUEST');
    expect(api.calls).toEqual([]);
  });

  it('reports an unreachable server as such', async () => {
    const { auth, api } = setup();
    api.loginReply = { ok: false, error: { code: 'UNAVAILABLE', message: 'offline' } };
    await auth.signIn('olga', 'pw');
    expect(auth.error?.code).toBe('UNAVAILABLE');
  });

  it('signs in, keeps the session across a reload, and clears the earlier error', async () => {
    const { auth, api, storage } = setup();
    api.loginReply = { ok: false, error: { code: 'UNAUTHENTICATED', message: 'x' } };
    await auth.signIn('olga', 'bad');
    api.loginReply = { ok: true, data: { token: 'tok-1', expiresAt: future, user: teacher } };

    expect(await auth.signIn(' olga ', 'good')).toBe(true);
    expect(api.calls.at(-1)).toBe('login:olga');
    expect(auth.error).toBeNull();
    expect(auth.user?.name).toBe('Olga Petrovna');

    configureServices(fakeServices({ storage }));
    setActivePinia(createPinia());
    const reloaded = useAuthStore();
    expect(reloaded.token).toBe('tok-1');
    expect(reloaded.user?.role).toBe('teacher');
  });

  it('drops a kept session that has expired and says why on the sign-in screen', () => {
    const past = new Date(Date.now() - 1000).toISOString();
    const storage = memoryStorage({
      'parta.session': JSON.stringify({ v: 1, token: 'old', expiresAt: past, user: teacher }),
    });
    const { auth } = setup(storage);
    expect(auth.isSignedIn).toBe(false);
    expect(auth.notice).toBe('SESSION_EXPIRED');
    expect(storage.data.has('parta.session')).toBe(false);
  });

  it('ignores a malformed kept session', () => {
    const { auth } = setup(memoryStorage({ 'parta.session': '{"token":42' }));
    expect(auth.isSignedIn).toBe(false);
    expect(auth.notice).toBeNull();
  });

  it('ends the session when the server says it expired while loading classes', async () => {
    const storage = memoryStorage({
      'parta.session': JSON.stringify({ v: 1, token: 'tok', expiresAt: future, user: teacher }),
    });
    const { auth, api } = setup(storage);
    api.classesReply = { ok: false, error: { code: 'SESSION_EXPIRED', message: 'expired' } };

    await useClassesStore().load();

    expect(auth.isSignedIn).toBe(false);
    expect(auth.notice).toBe('SESSION_EXPIRED');
    expect(storage.data.has('parta.session')).toBe(false);
  });

  it('keeps the session on a failure that is not about it', async () => {
    const storage = memoryStorage({
      'parta.session': JSON.stringify({ v: 1, token: 'tok', expiresAt: future, user: teacher }),
    });
    const { auth, api } = setup(storage);
    api.classesReply = { ok: false, error: { code: 'UNAVAILABLE', message: 'down' } };
    const classes = useClassesStore();
    await classes.load();
    expect(auth.isSignedIn).toBe(true);
    expect(classes.status).toBe('error');
    expect(classes.error?.code).toBe('UNAVAILABLE');
  });

  it('tells the server when signing out and forgets the session here', async () => {
    const storage = memoryStorage({
      'parta.session': JSON.stringify({ v: 1, token: 'tok', expiresAt: future, user: teacher }),
    });
    const { auth, api } = setup(storage);
    auth.signOut();
    expect(api.calls).toContain('logout:tok');
    expect(auth.isSignedIn).toBe(false);
    expect(auth.notice).toBeNull();
    expect(storage.data.has('parta.session')).toBe(false);
  });
});
