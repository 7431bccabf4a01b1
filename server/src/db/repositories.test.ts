import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, verifyPassword } from '../auth/passwords.js';
import { tempDir } from '../testing/tempDir.js';
import { ClassRepository } from './ClassRepository.js';
import { openDatabase, type Db } from './connection.js';
import { seedDemoSchool } from './demoSeed.js';
import { migrate, MIGRATIONS } from './migrations.js';
import { SessionRepository } from './SessionRepository.js';
import { UserRepository } from './UserRepository.js';

describe('database', () => {
  let dir: ReturnType<typeof tempDir>;
  let db: Db;
  beforeEach(() => {
    dir = tempDir();
    db = openDatabase(join(dir.path, 'nested', 'parta.db'));
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });

  it('opens in WAL mode with foreign keys and migrates once', () => {
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(migrate(db)).toBe(MIGRATIONS.length);
    expect(migrate(db)).toBe(0);
    const versions = db.prepare('SELECT version FROM migrations ORDER BY version').all();
    expect(versions).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
  });

  it('seeds the demo school once, with argon2id hashes', async () => {
    migrate(db);
    const options = { password: undefined, hashPassword, generatePassword };
    const accounts = await seedDemoSchool(db, options);
    expect(accounts?.map((a) => [a.login, a.className])).toEqual([
      ['teacher', '7Б'],
      ['student1', '7Б'],
      ['student2', '7Б'],
      ['student3', '7Б'],
      ['teacher2', '8А'],
      ['student4', '8А'],
    ]);
    expect(new Set(accounts?.map((a) => a.password)).size).toBe(6);
    expect(await seedDemoSchool(db, options)).toBeNull();

    const users = new UserRepository(db);
    const teacher = users.findByLogin('TEACHER');
    expect(teacher?.user.name).toBe('Анна Петровна Смирнова');
    expect(teacher?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(teacher?.passwordHash ?? '', accounts?.[0]?.password ?? '')).toBe(true);
    expect(await verifyPassword(teacher?.passwordHash ?? '', 'wrong')).toBe(false);

    const classes = new ClassRepository(db);
    const class7b = classes.findByName('7Б');
    const class8a = classes.findByName('8А');
    expect(classes.roleOf(class7b?.id ?? '', teacher?.user.id ?? '')).toBe('teacher');
    expect(classes.roleOf(class8a?.id ?? '', teacher?.user.id ?? '')).toBeNull();
    expect(classes.teachesAny(teacher?.user.id ?? '')).toBe(true);
    expect(classes.teachesAny(users.findByLogin('student1')?.user.id ?? '')).toBe(false);
  });

  it('keeps sessions by token hash and drops them with their user', async () => {
    migrate(db);
    const users = new UserRepository(db);
    const sessions = new SessionRepository(db);
    const user = users.create({ login: 'x', name: 'X', role: 'student', passwordHash: 'h' });
    sessions.create({ tokenHash: 'abc', userId: user.id, createdAt: 1, expiresAt: 2 });
    expect(sessions.find('abc')).toEqual({ tokenHash: 'abc', userId: user.id, createdAt: 1, expiresAt: 2 });
    expect(sessions.deleteExpiredBefore(2)).toBe(0);
    expect(sessions.deleteExpiredBefore(3)).toBe(1);
    sessions.create({ tokenHash: 'def', userId: user.id, createdAt: 1, expiresAt: 2 });
    db.prepare('DELETE FROM users WHERE id = ?').run(user.id);
    expect(sessions.find('def')).toBeUndefined();
  });
});
