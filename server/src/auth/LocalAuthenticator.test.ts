import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/connection.js';
import { migrate } from '../db/migrations.js';
import { SessionRepository } from '../db/SessionRepository.js';
import { UserRepository } from '../db/UserRepository.js';
import { expectCode } from '../testing/expectCode.js';
import { tempDir } from '../testing/tempDir.js';
import { hashToken, LocalAuthenticator } from './LocalAuthenticator.js';
import { LoginThrottle } from './LoginThrottle.js';
import { hashPassword } from './passwords.js';

describe('LocalAuthenticator', () => {
  let dir: ReturnType<typeof tempDir>;
  let db: Db;
  let now: number;
  let auth: LocalAuthenticator;
  const ip = { ip: '127.0.0.1' };

  beforeEach(async () => {
    dir = tempDir();
    db = openDatabase(join(dir.path, 'parta.db'));
    migrate(db);
    const users = new UserRepository(db);
    users.create({ login: 'anna', name: 'Анна', role: 'teacher', passwordHash: await hashPassword('right-password') });
    now = Date.parse('2026-09-01T08:00:00Z');
    auth = new LocalAuthenticator({
      users,
      sessions: new SessionRepository(db),
      throttle: new LoginThrottle(3, 60_000, () => now),
      sessionTtlMs: 12 * 3_600_000,
      now: () => now,
    });
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });

  it('issues a session whose token is stored only as a sha256 hash', async () => {
    const session = await auth.authenticate('Anna', 'right-password', ip);
    expect(session.user.login).toBe('anna');
    expect(session.expiresAt.toISOString()).toBe('2026-09-01T20:00:00.000Z');
    const stored = db.prepare('SELECT token_hash FROM sessions').all() as { token_hash: string }[];
    expect(stored).toEqual([{ token_hash: hashToken(session.token) }]);
    expect(JSON.stringify(stored)).not.toContain(session.token);
    expect(await auth.verifyToken(session.token)).toEqual(session.user);
  });

  it('refuses wrong credentials, unknown tokens and expired sessions with typed codes', async () => {
    await expectCode(() => auth.authenticate('anna', 'wrong', ip), 'UNAUTHENTICATED');
    await expectCode(() => auth.authenticate('boris', 'right-password', ip), 'UNAUTHENTICATED');
    await expectCode(() => auth.verifyToken('not-a-token'), 'UNAUTHENTICATED');
    await expectCode(() => auth.verifyToken(''), 'UNAUTHENTICATED');
    const session = await auth.authenticate('anna', 'right-password', ip);
    now += 12 * 3_600_000;
    await expectCode(() => auth.verifyToken(session.token), 'SESSION_EXPIRED');
  });

  it('revokes a session', async () => {
    const session = await auth.authenticate('anna', 'right-password', ip);
    await auth.revoke(session.token);
    await expectCode(() => auth.verifyToken(session.token), 'UNAUTHENTICATED');
  });

  it('throttles repeated failures per address and login, not for others', async () => {
    for (let i = 0; i < 3; i += 1) await expectCode(() => auth.authenticate('anna', 'wrong', ip), 'UNAUTHENTICATED');
    await expectCode(() => auth.authenticate('anna', 'right-password', ip), 'RATE_LIMITED');
    expect((await auth.authenticate('anna', 'right-password', { ip: '10.0.0.2' })).user.login).toBe('anna');
    now += 61_000;
    expect((await auth.authenticate('anna', 'right-password', ip)).user.login).toBe('anna');
  });

  it('throttles guesses sent all at once as strictly as guesses sent one by one', async () => {
    const guesses = await Promise.allSettled(Array.from({ length: 10 }, () => auth.authenticate('anna', 'wrong', ip)));
    const codes = guesses.map((g) => (g.status === 'rejected' ? (g.reason as { code?: string }).code : 'signed-in'));
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(3);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(7);
    await expectCode(() => auth.authenticate('anna', 'right-password', ip), 'RATE_LIMITED');
  });

  it('a successful sign-in clears the failures counted before it', async () => {
    for (let i = 0; i < 2; i += 1) await expectCode(() => auth.authenticate('anna', 'wrong', ip), 'UNAUTHENTICATED');
    expect((await auth.authenticate('anna', 'right-password', ip)).user.login).toBe('anna');
    for (let i = 0; i < 2; i += 1) await expectCode(() => auth.authenticate('anna', 'wrong', ip), 'UNAUTHENTICATED');
    expect((await auth.authenticate('anna', 'right-password', ip)).user.login).toBe('anna');
  });
});
