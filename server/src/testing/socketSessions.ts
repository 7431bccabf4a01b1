import { expect, vi } from 'vitest';
import type { Ack } from '../../../common/errors.js';
import type { ClassSummary } from '../../../common/protocol/auth.js';
import { connectSocket, type LessonClientSocket, type TestServer } from './testServer.js';

/** The data of a granted request; a refusal fails the test with its code (tests only). */
export function data<T>(ack: Ack<T>): T {
  if (!ack.ok) throw new Error(`refused: ${ack.error.code} ${ack.error.message}`);
  return ack.data;
}

/** The refusal code of a request, undefined when granted (tests only). */
export function code(ack: Ack<unknown>): string | undefined {
  return ack.ok ? undefined : ack.error.code;
}

/**
 * Signed-in sockets of demo users against a test server; `closeAll` disconnects them and waits
 * until the server holds nothing of theirs (tests only).
 */
export class SocketSessions {
  readonly #sockets: LessonClientSocket[] = [];

  constructor(private readonly server: () => TestServer) {}

  async signIn(login: string): Promise<LessonClientSocket> {
    const { token } = await this.server().login(login);
    const socket = await connectSocket(this.server().url, { token });
    this.#sockets.push(socket);
    return socket;
  }

  /** The id of a class as one of its members sees it in their class list. */
  async classId(name: string, memberLogin: string): Promise<string> {
    const { token } = await this.server().login(memberLogin);
    const response = await fetch(`${this.server().url}/api/classes`, { headers: { authorization: `Bearer ${token}` } });
    const found = ((await response.json()) as ClassSummary[]).find((c) => c.name === name);
    if (!found) throw new Error(`${memberLogin} is not in ${name}`);
    return found.id;
  }

  async closeAll(): Promise<void> {
    for (const socket of this.#sockets.splice(0)) socket.disconnect();
    await vi.waitFor(() =>
      expect(this.server().health()).toMatchObject({ lessons: 0, participants: 0, waiting: 0, transports: 0 }),
    );
  }
}
