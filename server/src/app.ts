import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { LocalAuthenticator } from './auth/LocalAuthenticator.js';
import { LoginThrottle } from './auth/LoginThrottle.js';
import { generatePassword, hashPassword } from './auth/passwords.js';
import type { Config } from './config.js';
import { ClassRepository } from './db/ClassRepository.js';
import { openDatabase } from './db/connection.js';
import { seedDemoSchool, type DemoAccount } from './db/demoSeed.js';
import { migrate } from './db/migrations.js';
import { SessionRepository } from './db/SessionRepository.js';
import { UserRepository } from './db/UserRepository.js';
import { createHttpApp } from './http/httpApp.js';
import type { HealthReport } from './http/routes.js';
import { LessonRegistry } from './lessons/LessonRegistry.js';
import { LessonService } from './lessons/LessonService.js';
import { createLogger, type Logger } from './logger.js';
import { MediaWorkerPool } from './media/MediaWorkerPool.js';
import { attachRealtime, endSessionSockets, type LessonSocketServer } from './realtime/socketServer.js';

export interface RunningServer {
  /** e.g. http://127.0.0.1:3000 */
  url: string;
  port: number;
  /** The demo accounts with their passwords if this start created the demo school, else null. */
  demoAccounts: DemoAccount[] | null;
  /** The aggregate counts of GET /api/health. */
  health(): HealthReport;
  /** Ends every lesson (`lesson:ended` with reason `server-shutdown`), then stops everything. */
  close(): Promise<void>;
}

export interface ServerOptions {
  /** Defaults to a JSON logger at the configured level. */
  logger?: Logger;
}

/**
 * Boots the whole server: database (migrated, demo school on first start), media workers, the
 * lesson domain, and fastify with socket.io on one HTTP server. Used by main.ts and in-process
 * by tests. Resolves once it listens.
 */
export async function createServer(config: Config, options: ServerOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const db = openDatabase(join(config.dataDir, 'parta.db'));
  const cleanups: (() => unknown)[] = [() => db.close()];
  const cleanUp = async (): Promise<void> => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch (error) {
        logger.error({ err: error }, 'shutdown step failed');
      }
    }
  };

  try {
    migrate(db);
    const demoAccounts = await seedDemoSchool(db, { password: config.demoPassword, hashPassword, generatePassword });
    if (demoAccounts) logger.info({ users: demoAccounts.length }, 'demo school created');

    const users = new UserRepository(db);
    const sessions = new SessionRepository(db);
    const classes = new ClassRepository(db);
    sessions.deleteExpiredBefore(Date.now() - 7 * 24 * 3_600_000);
    const auth = new LocalAuthenticator({
      users,
      sessions,
      throttle: new LoginThrottle(),
      sessionTtlMs: config.sessionTtlHours * 3_600_000,
    });

    const pool = await MediaWorkerPool.create({ workers: config.mediaWorkers, rtc: config.rtc, logger });
    cleanups.push(() => pool.close());
    const registry = new LessonRegistry(() => pool.createRouter(), logger.child({ module: 'lessons' }));
    const lessons = new LessonService(classes, registry);
    const health = (): HealthReport => ({ status: 'ok', ...registry.counts(), workers: pool.size });

    // socket.io attaches to the HTTP server, so it exists only once the app does.
    let io: LessonSocketServer | null = null;
    const http = await createHttpApp({
      logger,
      webRoot: config.webRoot,
      corsOrigins: config.corsOrigins,
      auth,
      classes,
      liveLessonId: (classId) => registry.get(classId)?.id ?? null,
      health,
      sessionEnded: (token) => {
        if (io) endSessionSockets(io, token);
      },
    });
    cleanups.push(() => http.close());
    const realtime = attachRealtime(http.server, { auth, lessons, logger, corsOrigins: config.corsOrigins });
    io = realtime;
    cleanups.push(() => {
      realtime.disconnectSockets(true);
      realtime.engine.close();
    });
    // Lessons end first, while sockets can still hear `lesson:ended`.
    cleanups.push(() => registry.endAll('server-shutdown'));

    await http.listen({ host: config.host, port: config.port });
    const port = (http.server.address() as AddressInfo).port;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    const url = `http://${host}:${port}`;
    logger.info({ url, workers: pool.size }, 'server listening');

    let closing: Promise<void> | undefined;
    return {
      url,
      port,
      demoAccounts,
      health,
      close: () => (closing ??= cleanUp().then(() => logger.info('server stopped'))),
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
