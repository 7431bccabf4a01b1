import { z } from 'zod';
import type { Db } from './connection.js';

export interface StoredSession {
  tokenHash: string;
  userId: string;
  createdAt: number;
  expiresAt: number;
}

const sessionRow = z.object({
  token_hash: z.string(),
  user_id: z.string(),
  created_at: z.number().int(),
  expires_at: z.number().int(),
});

/** Sign-in sessions. Only a hash of each token is stored; the token itself lives with the client. */
export class SessionRepository {
  constructor(private readonly db: Db) {}

  create(session: StoredSession): void {
    this.db
      .prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)')
      .run(session.tokenHash, session.userId, session.createdAt, session.expiresAt);
  }

  find(tokenHash: string): StoredSession | undefined {
    const row = this.db.prepare('SELECT * FROM sessions WHERE token_hash = ?').get(tokenHash);
    if (row === undefined) return undefined;
    const parsed = sessionRow.parse(row);
    return {
      tokenHash: parsed.token_hash,
      userId: parsed.user_id,
      createdAt: parsed.created_at,
      expiresAt: parsed.expires_at,
    };
  }

  delete(tokenHash: string): void {
    this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
  }

  /** Drops sessions that expired before `before` (ms). Returns how many went. */
  deleteExpiredBefore(before: number): number {
    return this.db.prepare('DELETE FROM sessions WHERE expires_at < ?').run(before).changes;
  }
}
