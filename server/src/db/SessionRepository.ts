import { z } from 'zod';
import type { Statement } from 'better-sqlite3';
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

/**
 * Sign-in sessions. Only a hash of each token is stored; the token itself lives with the client.
 * Statements are prepared once (`find` runs for every authenticated request and socket).
 */
export class SessionRepository {
  private readonly insert: Statement<[string, string, number, number]>;
  private readonly select: Statement<[string]>;
  private readonly deleteOne: Statement<[string]>;
  private readonly deleteExpired: Statement<[number]>;

  constructor(db: Db) {
    this.insert = db.prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)');
    this.select = db.prepare('SELECT * FROM sessions WHERE token_hash = ?');
    this.deleteOne = db.prepare('DELETE FROM sessions WHERE token_hash = ?');
    this.deleteExpired = db.prepare('DELETE FROM sessions WHERE expires_at < ?');
  }

  create(session: StoredSession): void {
    this.insert.run(session.tokenHash, session.userId, session.createdAt, session.expiresAt);
  }

  find(tokenHash: string): StoredSession | undefined {
    const row = this.select.get(tokenHash);
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
    this.deleteOne.run(tokenHash);
  }

  /** Drops sessions that expired before `before` (ms). Returns how many went. */
  deleteExpiredBefore(before: number): number {
    return this.deleteExpired.run(before).changes;
  }
}
