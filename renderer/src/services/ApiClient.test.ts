// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { ApiClient } from './ApiClient.js';

const user = { id: 'u1', login: 'olga', name: 'Olga', role: 'teacher' };

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function client(fetch: typeof globalThis.fetch, timeoutMs = 1_000) {
  return new ApiClient({ baseUrl: async () => 'https://school.example', fetch, timeoutMs });
}

describe('ApiClient', () => {
  it('sends the token and returns the parsed person', async () => {
    const fetch = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => json(200, user));
    const reply = await client(fetch).me('tok');
    expect(reply).toEqual({ ok: true, data: user });
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('https://school.example/api/me');
    expect((init?.headers as Record<string, string>).authorization).toBe('Bearer tok');
  });

  it('passes on the typed code of a refusal', async () => {
    const fetch = vi.fn(async () => json(401, { error: { code: 'SESSION_EXPIRED', message: 'expired' } }));
    const reply = await client(fetch).classes('tok');
    expect(reply.ok ? null : reply.error.code).toBe('SESSION_EXPIRED');
  });

  it('falls back to the HTTP status when the error body is not ours', async () => {
    const fetch = vi.fn(async () => new Response('<html>busy</html>', { status: 429 }));
    const reply = await client(fetch).login({ login: 'a', password: 'b' });
    expect(reply.ok ? null : reply.error.code).toBe('RATE_LIMITED');
  });

  it('treats a response of the wrong shape as an internal error, not as data', async () => {
    const fetch = vi.fn(async () => json(200, [{ id: 'c1' }]));
    const reply = await client(fetch).classes('tok');
    expect(reply.ok ? null : reply.error.code).toBe('INTERNAL');
  });

  it('gives up after its timeout with TIMEOUT', async () => {
    const fetch = vi.fn(
      (_url: RequestInfo | URL, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    const reply = await client(fetch, 20).login({ login: 'a', password: 'b' });
    expect(reply.ok ? null : reply.error.code).toBe('TIMEOUT');
    expect(fetch).toHaveBeenCalledOnce();
  });

  it('retries a read once after a network failure, but never a sign-in', async () => {
    const down = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const signIn = await client(down).login({ login: 'a', password: 'b' });
    expect(signIn.ok ? null : signIn.error.code).toBe('UNAVAILABLE');
    expect(down).toHaveBeenCalledTimes(1);

    const flaky = vi
      .fn<typeof globalThis.fetch>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValueOnce(json(200, user));
    expect((await client(flaky).me('tok')).ok).toBe(true);
    expect(flaky).toHaveBeenCalledTimes(2);
  });

  it('signs out with an empty 204 reply', async () => {
    const fetch = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => new Response(null, { status: 204 }));
    expect(await client(fetch).logout('tok')).toEqual({ ok: true, data: null });
    expect(fetch.mock.calls[0]?.[1]?.method).toBe('POST');
  });
});
