// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { socketRequest, type RequestSocket } from './socketRequest.js';

class FakeSocket implements RequestSocket {
  connected = true;
  sent: { event: string; payload: unknown; ack: (reply: unknown) => void }[] = [];
  emit(event: string, payload: unknown, ack: (reply: unknown) => void): void {
    this.sent.push({ event, payload, ack });
  }
}

describe('socketRequest', () => {
  it('resolves to the parsed ack data', async () => {
    const socket = new FakeSocket();
    const pending = socketRequest(socket, 'lobby:admitAll', {}, 1_000);
    socket.sent[0]?.ack({ ok: true, data: { admitted: 3 } });
    expect(await pending).toEqual({ ok: true, data: { admitted: 3 } });
    expect(socket.sent[0]?.event).toBe('lobby:admitAll');
  });

  it('passes on a refusal with its code', async () => {
    const socket = new FakeSocket();
    const pending = socketRequest(socket, 'lobby:admit', { participantId: 'p1' }, 1_000);
    socket.sent[0]?.ack({ ok: false, error: { code: 'FORBIDDEN', message: 'teachers only' } });
    expect(await pending).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'teachers only' } });
  });

  it('answers TIMEOUT when no reply comes, and ignores a late one', async () => {
    const socket = new FakeSocket();
    const reply = await socketRequest(socket, 'lesson:leave', {}, 10);
    expect(reply.ok ? null : reply.error.code).toBe('TIMEOUT');
    expect(() => socket.sent[0]?.ack({ ok: true, data: null })).not.toThrow();
  });

  it('does not send on a dropped socket', async () => {
    const socket = new FakeSocket();
    socket.connected = false;
    const reply = await socketRequest(socket, 'lesson:join', { classId: 'c1' }, 1_000);
    expect(reply.ok ? null : reply.error.code).toBe('UNAVAILABLE');
    expect(socket.sent).toEqual([]);
  });

  it('rejects a malformed reply instead of trusting it', async () => {
    const socket = new FakeSocket();
    const pending = socketRequest(socket, 'lesson:join', { classId: 'c1' }, 1_000);
    socket.sent[0]?.ack({ ok: true, data: { status: 'admitted' } });
    const reply = await pending;
    expect(reply.ok ? null : reply.error.code).toBe('INTERNAL');
  });

  it('maps an error code it does not know to INTERNAL', async () => {
    const socket = new FakeSocket();
    const pending = socketRequest(socket, 'lesson:end', {}, 1_000);
    socket.sent[0]?.ack({ ok: false, error: { code: 'SOMETHING_NEW', message: 'x' } });
    const reply = await pending;
    expect(reply.ok ? null : reply.error.code).toBe('INTERNAL');
  });

  it('ends at once with UNAVAILABLE when the client closes meanwhile', async () => {
    const socket = new FakeSocket();
    const lifetime = new AbortController();
    const pending = socketRequest(socket, 'lesson:end', {}, 60_000, lifetime.signal);
    lifetime.abort();
    const reply = await pending;
    expect(reply.ok ? null : reply.error.code).toBe('UNAVAILABLE');
  });
});
