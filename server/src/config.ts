import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';
import { DESKTOP_APP_ORIGIN } from '../../common/desktopOrigin.js';

/**
 * The server's configuration, read once from the environment and parsed with zod. Every
 * variable is optional; the defaults suit one machine running the server and the app.
 *
 * | variable                 | default            | meaning                                          |
 * | ------------------------ | ------------------ | ------------------------------------------------ |
 * | PARTA_HOST               | 127.0.0.1          | address to listen on (0.0.0.0: the whole network) |
 * | PARTA_PORT               | 3000               | HTTP + realtime port; 0 picks a free one         |
 * | PARTA_DATA_DIR           | ./data             | SQLite database and files                        |
 * | PARTA_WEB_ROOT           | renderer/dist      | built web client, served when present            |
 * | PARTA_RTC_LISTEN_IP      | 127.0.0.1          | IP the media transports listen on                |
 * | PARTA_RTC_ANNOUNCED_IP   | (none)             | IP announced to clients when it differs          |
 * | PARTA_RTC_MIN_PORT       | 40000              | first port of the media range                    |
 * | PARTA_RTC_MAX_PORT       | 49999              | last port of the media range                     |
 * | PARTA_MEDIA_WORKERS      | number of CPUs     | mediasoup worker processes                       |
 * | PARTA_SESSION_TTL_HOURS  | 12                 | how long a sign-in lasts                         |
 * | PARTA_DEMO_PASSWORD      | (random)           | password of every demo user on first start       |
 * | PARTA_LOG_LEVEL          | info               | fatal, error, warn, info, debug, trace, silent   |
 * | PARTA_CORS_ORIGINS       | (desktop app)      | page origins, comma-separated, that may call the |
 * |                          |                    | API and the socket from elsewhere; default: the  |
 * |                          |                    | desktop app's origin, parta-app://renderer       |
 *
 * Relative paths are resolved against the working directory.
 */
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const ip = z.union([z.ipv4(), z.ipv6()]);
/** The origin the desktop app's pages have (its privileged scheme, see electron/main/origins.ts). */
const origins = z
  .string()
  .transform((list) => list.split(',').map((origin) => origin.trim()).filter((origin) => origin !== ''))
  .pipe(z.array(z.string().regex(/^[a-z][a-z0-9+.-]*:\/\/[^/\s]+$/i, 'an origin is scheme://host[:port]')));
const port = z.coerce.number().int().min(0).max(65_535);
const rtcPort = z.coerce.number().int().min(1024).max(65_535);

const envSchema = z
  .object({
    PARTA_HOST: z.string().min(1).default('127.0.0.1'),
    PARTA_PORT: port.default(3000),
    PARTA_DATA_DIR: z.string().min(1).default('./data'),
    PARTA_WEB_ROOT: z.string().min(1).default('renderer/dist'),
    PARTA_RTC_LISTEN_IP: ip.default('127.0.0.1'),
    PARTA_RTC_ANNOUNCED_IP: ip.optional(),
    PARTA_RTC_MIN_PORT: rtcPort.default(40_000),
    PARTA_RTC_MAX_PORT: rtcPort.default(49_999),
    PARTA_MEDIA_WORKERS: z.coerce
      .number()
      .int()
      .min(1)
      .max(64)
      .default(() => Math.max(1, cpus().length)),
    PARTA_SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 365).default(12),
    PARTA_DEMO_PASSWORD: z.string().min(8).max(200).optional(),
    PARTA_LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    PARTA_CORS_ORIGINS: origins.default([DESKTOP_APP_ORIGIN]),
  })
  .refine((env) => env.PARTA_RTC_MIN_PORT <= env.PARTA_RTC_MAX_PORT, {
    message: 'PARTA_RTC_MIN_PORT must not be greater than PARTA_RTC_MAX_PORT',
    path: ['PARTA_RTC_MIN_PORT'],
  })
  .refine(
    (env) => env.PARTA_RTC_MAX_PORT - env.PARTA_RTC_MIN_PORT + 1 >= env.PARTA_MEDIA_WORKERS * 2,
    { message: 'the media port range needs at least two ports per media worker', path: ['PARTA_RTC_MAX_PORT'] },
  )
  .refine(
    (env) => env.PARTA_RTC_ANNOUNCED_IP !== undefined || !['0.0.0.0', '::'].includes(env.PARTA_RTC_LISTEN_IP),
    {
      message: 'listening for media on every address needs PARTA_RTC_ANNOUNCED_IP (the address clients reach)',
      path: ['PARTA_RTC_ANNOUNCED_IP'],
    },
  );

export interface RtcConfig {
  listenIp: string;
  announcedIp: string | undefined;
  minPort: number;
  maxPort: number;
}

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  webRoot: string;
  rtc: RtcConfig;
  mediaWorkers: number;
  sessionTtlHours: number;
  demoPassword: string | undefined;
  logLevel: LogLevel;
  /** Page origins other than the server's own that may call the API and the socket. */
  corsOrigins: string[];
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment (process.env by default). Throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable means "not set", as shells and .env files often leave them.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'config'}: ${issue.message}`);
    throw new ConfigError(`Invalid server configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  return {
    host: e.PARTA_HOST,
    port: e.PARTA_PORT,
    dataDir: resolve(e.PARTA_DATA_DIR),
    webRoot: resolve(e.PARTA_WEB_ROOT),
    rtc: {
      listenIp: e.PARTA_RTC_LISTEN_IP,
      announcedIp: e.PARTA_RTC_ANNOUNCED_IP,
      minPort: e.PARTA_RTC_MIN_PORT,
      maxPort: e.PARTA_RTC_MAX_PORT,
    },
    mediaWorkers: e.PARTA_MEDIA_WORKERS,
    sessionTtlHours: e.PARTA_SESSION_TTL_HOURS,
    demoPassword: e.PARTA_DEMO_PASSWORD,
    logLevel: e.PARTA_LOG_LEVEL,
    corsOrigins: e.PARTA_CORS_ORIGINS,
  };
}
