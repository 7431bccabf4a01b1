import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack } from '../../../common/errors.js';
import type { ClassSummary } from '../../../common/protocol/auth.js';
import { connectSocket, nextEvent, request, startTestServer, type TestServer } from '../testing/testServer.js';

function data<T>(ack: Ack<T>): T {
  if (!ack.ok) throw new Error(`refused: ${ack.error.code} ${ack.error.message}`);
  return ack.data;
}

describe('sockets and the sessions they signed in with', () => {
  let server: TestServer;
  let class7b: string;
  beforeAll(async () => {
    server = await startTestServer();
    const { token } = await server.login('teacher');
    const classes = (await (await fetch(`${server.url}/api/classes`, { headers: { authorization: `Bearer ${token}` } })).json()) as ClassSummary[];
    class7b = classes.find((c) => c.name === '7Б')?.id ?? '';
  });
  afterAll(() => server.stop());

  it('signing out ends the live sockets of that session, and only those', async () => {
    const teacher = await connectSocket(server.url, { token: (await server.login('teacher')).token });
    const room = data(await request(teacher, 'lesson:start', { classId: class7b }));
    const { token } = await server.login('student1');
    const student = await connectSocket(server.url, { token });
    const otherDevice = await connectSocket(server.url, { token: (await server.login('student1')).token });
    try {
      data(await request(student, 'lesson:join', { classId: class7b }));
      data(await request(teacher, 'lobby:admitAll', {}));
      const dropped = new Promise<string>((resolve) => student.once('disconnect', resolve));
      const left = nextEvent(teacher, 'participant:left');
      const out = await fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
      expect(out.status).toBe(204);
      expect(await dropped).toBe('io server disconnect');
      expect((await left).participantId).not.toBe(room.selfId);
      expect(server.health()).toMatchObject({ participants: 1 });
      // The same person's other sign-in is untouched.
      expect(otherDevice.connected).toBe(true);
      expect(data(await request(otherDevice, 'lesson:join', { classId: class7b })).status).toBe('waiting');
    } finally {
      for (const socket of [teacher, student, otherDevice]) socket.disconnect();
    }
  });
});
