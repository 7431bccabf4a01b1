import { pino, type Logger } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger };

/** One JSON logger for the whole server; modules take a child with their own `module` field. */
export function createLogger(level: LogLevel): Logger {
  return pino({
    level,
    base: { service: 'parta' },
    redact: { paths: ['req.headers.authorization', 'token', 'password'], censor: '[redacted]' },
  });
}
