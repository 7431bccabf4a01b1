import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClassSummary, LoginResponse } from '../../../common/protocol/auth.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../testing/testServer.js';
import { tempDir } from '../testing/tempDir.js';

async function post(url: string, body: string, contentType = 'application/json'): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body });
}

describe('HTTP API', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  const get = (path: string, token?: string): Promise<Response> =>
    fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('signs in with the right password and returns a token, its expiry and the user', async () => {
    const response = await post(`${server.url}/api/auth/login`, JSON.stringify({ login: 'teacher', password: TEST_PASSWORD }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as LoginResponse;
    expect(body.user).toMatchObject({ login: 'teacher', name: 'Анна Петровна Смирнова', role: 'teacher' });
    expect(body.token.length).toBeGreaterThan(30);
    const hours = (Date.parse(body.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(11.9);
    expect(hours).toBeLessThanOrEqual(12);

    const me = await get('/api/me', body.token);
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual(body.user);
  });

  it('refuses a wrong password or an unknown login with 401 UNAUTHENTICATED', async () => {
    for (const credentials of [
      { login: 'teacher', password: 'wrong-password' },
      { login: 'nobody', password: TEST_PASSWORD },
    ]) {
      const response = await post(`${server.url}/api/auth/login`, JSON.stringify(credentials));
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED', message: expect.any(String) } });
    }
  });

  it('refuses /api/me without a token (401 UNAUTHENTICATED) and with an expired one (401 SESSION_EXPIRED)', async () => {
    const none = await get('/api/me');
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    const expired = await get('/api/me', await server.expiredToken('student1'));
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ error: { code: 'SESSION_EXPIRED' } });
  });

  it('lists the classes each person teaches or studies in', async () => {
    const teacher = await server.login('teacher');
    const classes = (await (await get('/api/classes', teacher.token)).json()) as ClassSummary[];
    expect(classes).toEqual([
      {
        id: expect.any(String),
        name: '7Б',
        myRole: 'teacher',
        teacherName: 'Анна Петровна Смирнова',
        studentCount: 3,
        liveLessonId: null,
      },
    ]);
    const student = await server.login('student4');
    const theirs = (await (await get('/api/classes', student.token)).json()) as ClassSummary[];
    expect(theirs.map((c) => [c.name, c.myRole, c.studentCount])).toEqual([['8А', 'student', 1]]);
    expect((await get('/api/classes')).status).toBe(401);
  });

  it('answers a malformed body with 400 BAD_REQUEST', async () => {
    const url = `${server.url}/api/auth/login`;
    for (const response of [
      await post(url, '{"login": "teacher", "password": '),
      await post(url, JSON.stringify({ login: 'teacher' })),
      await post(url, JSON.stringify({ login: '', password: 'x' })),
      await post(url, JSON.stringify(['teacher', 'x'])),
      await post(url, 'login=teacher', 'text/plain'),
    ]) {
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: 'BAD_REQUEST' } });
    }
  });

  it('answers an oversized body with 413 PAYLOAD_TOO_LARGE', async () => {
    const body = JSON.stringify({ login: 'teacher', password: 'x'.repeat(100_000) });
    const response = await post(`${server.url}/api/auth/login`, body);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('reports aggregate counts on /api/health', async () => {
    const response = await get('/api/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', lessons: 0, participants: 0, waiting: 0, transports: 0, workers: 1 });
  });

  it('answers unknown API routes with JSON 404, and says when the web client is not built', async () => {
    const api = await get('/api/nothing-here');
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    const page = await get('/');
    expect(page.status).toBe(404);
    expect(await page.json()).toMatchObject({ error: { code: 'NOT_FOUND', message: expect.stringContaining('build:web') } });
  });

  it('ends a session on logout', async () => {
    const { token } = await server.login('student2');
    const out = await fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(out.status).toBe(204);
    expect((await get('/api/me', token)).status).toBe(401);
  });

  it('lets the desktop app call the API and the socket from its own origin, and nobody else', async () => {
    const preflight = await fetch(`${server.url}/api/classes`, {
      method: 'OPTIONS',
      headers: { origin: 'parta-app://renderer', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('parta-app://renderer');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    const health = await fetch(`${server.url}/api/health`, { headers: { origin: 'parta-app://renderer' } });
    expect(health.headers.get('access-control-allow-origin')).toBe('parta-app://renderer');
    const stranger = await fetch(`${server.url}/api/health`, { headers: { origin: 'https://evil.example' } });
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
    const polling = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin: 'parta-app://renderer' } });
    expect(polling.headers.get('access-control-allow-origin')).toBe('parta-app://renderer');
  });

  it('slows down password guessing with 429 RATE_LIMITED', async () => {
    const url = `${server.url}/api/auth/login`;
    const guess = (): Promise<Response> => post(url, JSON.stringify({ login: 'student3', password: 'guess-guess' }));
    for (let i = 0; i < 10; i += 1) expect((await guess()).status).toBe(401);
    const limited = await guess();
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
  });

  it('also limits password guesses sent all at once', async () => {
    const url = `${server.url}/api/auth/login`;
    const body = JSON.stringify({ login: 'teacher2', password: 'guess-guess' });
    const statuses = await Promise.all(Array.from({ length: 30 }, async () => (await post(url, body)).status));
    expect(statuses.filter((status) => status === 401)).toHaveLength(10);
    expect(statuses.filter((status) => status === 429)).toHaveLength(20);
  });
});

describe('the web client', () => {
  const web = tempDir('parta-web-');
  let server: TestServer;
  beforeAll(async () => {
    mkdirSync(join(web.path, 'assets'));
    writeFileSync(join(web.path, 'index.html'), '<!doctype html><title>Parta</title><div id="app"></div>');
    writeFileSync(join(web.path, 'assets', 'index-abc123.js'), 'console.log("parta")');
    writeFileSync(join(web.path, '.env'), 'SECRET=hunter2');
    mkdirSync(join(web.path, '.git'));
    writeFileSync(join(web.path, '.git', 'config'), '[remote] url = secret');
    server = await startTestServer({ PARTA_WEB_ROOT: web.path });
  });
  afterAll(async () => {
    await server.stop();
    web.remove();
  });

  it('serves index.html with a strict CSP and the other security headers', async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('<div id="app">');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain('media-src \'self\' blob: mediastream:');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it('serves hashed assets for long and falls back to index.html for page routes', async () => {
    const asset = await fetch(`${server.url}/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const route = await fetch(`${server.url}/lesson/some-class`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<div id="app">');
    expect(route.headers.get('content-security-policy')).toContain("default-src 'self'");
    const missing = await fetch(`${server.url}/assets/missing.js`);
    expect(missing.status).toBe(404);
    const api = await fetch(`${server.url}/api/missing`);
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('never serves dotfiles or files outside the web root, however the path is spelled', async () => {
    for (const path of ['/.env', '/%2eenv', '/.git/config', '/assets/../.env', '/%2e%2e/%2e%2e/package.json', '/..%2f..%2fpackage.json']) {
      const response = await fetch(`${server.url}${path}`);
      const text = await response.text();
      expect(text, path).not.toContain('secret');
      expect(text, path).not.toContain('SECRET');
      expect(text, path).not.toContain('"devDependencies"');
    }
  });
});
