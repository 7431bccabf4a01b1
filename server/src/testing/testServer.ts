import { join } from 'node:path';
import { io as connectClient, type Socket as ClientSocket } from 'socket.io-client';
import type { Ack } from '../../../common/errors.js';
import type { LoginResponse } from '../../../common/protocol/auth.js';
import type { ClientToServerEvents, LessonRequests, ServerToClientEvents } from '../../../common/protocol/lesson.js';
import { createServer, type RunningServer } from '../app.js';
import { LocalAuthenticator } from '../auth/LocalAuthenticator.js';
import { LoginThrottle } from '../auth/LoginThrottle.js';
import { loadConfig, type Config } from '../config.js';
import { openDatabase } from '../db/connection.js';
import { SessionRepository } from '../db/SessionRepository.js';
import { UserRepository } from '../db/UserRepository.js';
import { tempDir } from './tempDir.js';

export const TEST_PASSWORD = 'test-password-1';

export type LessonClientSocket = ClientSocket<ServerToClientEvents, ClientToServerEvents>;

export interface TestServer extends RunningServer {
  config: Config;
  login(login: string): Promise<LoginResponse>;
  /** A token of `login` whose session expired an hour ago (written straight into the database). */
  expiredToken(login: string): Promise<string>;
  stop(): Promise<void>;
}

/** A real server on a free port with a fresh data folder and the demo school (tests only). */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dir = tempDir();
  const config = loadConfig({
    PARTA_PORT: '0',
    PARTA_DATA_DIR: dir.path,
    PARTA_WEB_ROOT: join(dir.path, 'web'),
    PARTA_MEDIA_WORKERS: '1',
    PARTA_DEMO_PASSWORD: TEST_PASSWORD,
    PARTA_LOG_LEVEL: 'silent',
    ...env,
  });
  const server = await createServer(config);
  return {
    ...server,
    config,
    async login(login) {
      const response = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login, password: TEST_PASSWORD }),
      });
      if (!response.ok) throw new Error(`login ${login}: ${response.status}`);
      return (await response.json()) as LoginResponse;
    },
    async expiredToken(login) {
      const db = openDatabase(join(config.dataDir, 'parta.db'));
      try {
        const users = new UserRepository(db);
        const user = users.findByLogin(login)?.user;
        if (!user) throw new Error(`no user ${login}`);
        const past = new LocalAuthenticator({
          users,
          sessions: new SessionRepository(db),
          throttle: new LoginThrottle(),
          sessionTtlMs: 3_600_000,
          now: () => Date.now() - 2 * 3_600_000,
        });
        return past.issue(user).token;
      } finally {
        db.close();
      }
    },
    async stop() {
      await server.close();
      dir.remove();
    },
  };
}

/** A socket.io client, connected (or refused: then the promise rejects with the connect_error). */
export function connectSocket(url: string, auth: Record<string, unknown>): Promise<LessonClientSocket> {
  const socket: LessonClientSocket = connectClient(url, {
    auth,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** Sends a request and waits for its Ack (5 s at most). */
export function request<K extends keyof LessonRequests>(
  socket: LessonClientSocket,
  name: K,
  payload: LessonRequests[K][0],
): Promise<Ack<LessonRequests[K][1]>> {
  return requestRaw(socket, name, payload) as Promise<Ack<LessonRequests[K][1]>>;
}

/** Sends anything at all under an event name (for malformed payloads), waiting for the Ack. */
export function requestRaw(socket: LessonClientSocket, name: string, ...args: unknown[]): Promise<Ack<unknown>> {
  const timed = socket.timeout(5_000);
  const emit = timed.emitWithAck.bind(timed) as (name: string, ...args: unknown[]) => Promise<unknown>;
  return emit(name, ...args) as Promise<Ack<unknown>>;
}

/** The next push of an event (5 s at most). */
export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: LessonClientSocket,
  event: E,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within 5 s`)), 5_000);
    const on = socket.once.bind(socket) as (event: string, listener: (payload: unknown) => void) => void;
    on(event, (payload) => {
      clearTimeout(timer);
      resolve(payload as Parameters<ServerToClientEvents[E]>[0]);
    });
  });
}

let rawPacketId = 1_000_000;

/**
 * Sends a request whose payload is given as JSON text, straight to the engine (for payloads
 * the socket.io client itself cannot handle, e.g. nested deeper than its stack), and waits for
 * the Ack (5 s at most).
 */
export function requestJson(socket: LessonClientSocket, name: string, payloadJson: string): Promise<Ack<unknown>> {
  const engine = socket.io.engine;
  const id = (rawPacketId += 1);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer to ${name} within 5 s`)), 5_000);
    const onData = (packet: unknown): void => {
      // An ack packet: "3" + id + JSON array of the ack arguments.
      if (typeof packet !== 'string' || !packet.startsWith(`3${id}[`)) return;
      clearTimeout(timer);
      engine.off('data', onData);
      resolve((JSON.parse(packet.slice(`3${id}`.length)) as [Ack<unknown>])[0]);
    };
    engine.on('data', onData);
    engine.write(`2${id}${JSON.stringify([name]).slice(0, -1)},${payloadJson}]`);
  });
}
