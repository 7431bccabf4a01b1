import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { z } from 'zod';
import { DomainError, type ErrorCode } from '../../../common/errors.js';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../common/protocol/lesson.js';
import type { Authenticator } from '../auth/authenticator.js';
import { hashToken } from '../auth/LocalAuthenticator.js';
import type { LessonService } from '../lessons/LessonService.js';
import type { Logger } from '../logger.js';
import { LessonConnection, type LessonSocket, type SocketData } from './LessonConnection.js';

export type LessonSocketServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface RealtimeDeps {
  auth: Authenticator;
  lessons: LessonService;
  logger: Logger;
  /** Page origins (besides this server's own) allowed to connect. */
  corsOrigins: readonly string[];
}

/** A token must be present; its length and validity are the authenticator's to judge. */
const handshakeAuthSchema = z.object({ token: z.string().min(1) });

/** The room of the sockets signed in with one session, named by the token's hash. */
function sessionRoom(token: string): string {
  return `session:${hashToken(token)}`;
}

/** Disconnects every socket signed in with this token (its session ended: signed out). */
export function endSessionSockets(io: LessonSocketServer, token: string): void {
  io.in(sessionRoom(token)).disconnectSockets(true);
}

/** A refused handshake: the client's connect_error carries `data: { code }`. */
function refusal(code: ErrorCode, message: string): Error & { data: { code: ErrorCode } } {
  return Object.assign(new Error(message), { data: { code } });
}

/**
 * socket.io on the server's HTTP server (same port as the API). The handshake must carry
 * `auth: { token }` of a live session; each socket then gets a LessonConnection.
 */
export function attachRealtime(httpServer: HttpServer, deps: RealtimeDeps): LessonSocketServer {
  const logger = deps.logger.child({ module: 'realtime' });
  const io: LessonSocketServer = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: 256 * 1024,
    pingInterval: 10_000,
    pingTimeout: 10_000,
    cors: { origin: [...deps.corsOrigins], methods: ['GET', 'POST'], credentials: false },
  });

  io.use((socket, next) => {
    const parsed = handshakeAuthSchema.safeParse(socket.handshake.auth);
    if (!parsed.success) {
      next(refusal('UNAUTHENTICATED', 'Sign in first: the handshake needs auth.token'));
      return;
    }
    deps.auth.verifyToken(parsed.data.token).then(
      (user) => {
        socket.data.user = user;
        socket.data.session = sessionRoom(parsed.data.token);
        next();
      },
      (error: unknown) => {
        if (error instanceof DomainError) {
          next(refusal(error.code, error.message));
          return;
        }
        logger.error({ err: error }, 'handshake check failed');
        next(refusal('INTERNAL', 'The server could not check the session'));
      },
    );
  });

  io.on('connection', (socket: LessonSocket) => {
    logger.debug({ userId: socket.data.user.id, socketId: socket.id }, 'socket connected');
    void socket.join(socket.data.session);
    new LessonConnection(socket, deps.lessons, logger);
  });

  return io;
}
