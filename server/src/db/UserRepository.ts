import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { roleSchema, type Role, type User } from '../../../common/protocol/auth.js';
import type { Statement } from 'better-sqlite3';
import type { Db } from './connection.js';

const userRow = z.object({
  id: z.string(),
  login: z.string(),
  name: z.string(),
  role: roleSchema,
  password_hash: z.string(),
});

export interface UserWithPassword {
  user: User;
  passwordHash: string;
}

export interface NewUser {
  login: string;
  name: string;
  role: Role;
  passwordHash: string;
}

/**
 * People who can sign in. Rows are parsed on the way out, like everything read back from
 * storage. Statements are prepared once.
 */
export class UserRepository {
  private readonly insert: Statement<[string, string, string, Role, string, number]>;
  private readonly selectById: Statement<[string]>;
  private readonly selectByLogin: Statement<[string]>;
  private readonly selectCount: Statement<[], { n: number }>;

  constructor(db: Db) {
    this.insert = db.prepare('INSERT INTO users (id, login, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)');
    this.selectById = db.prepare('SELECT * FROM users WHERE id = ?');
    this.selectByLogin = db.prepare('SELECT * FROM users WHERE login = ?');
    this.selectCount = db.prepare('SELECT COUNT(*) AS n FROM users');
  }

  create(input: NewUser): User {
    const id = randomUUID();
    this.insert.run(id, input.login, input.name, input.role, input.passwordHash, Date.now());
    return { id, login: input.login, name: input.name, role: input.role };
  }

  findById(id: string): User | undefined {
    const row = this.selectById.get(id);
    return row === undefined ? undefined : toUser(userRow.parse(row));
  }

  /** Logins compare without regard to case. */
  findByLogin(login: string): UserWithPassword | undefined {
    const row = this.selectByLogin.get(login);
    if (row === undefined) return undefined;
    const parsed = userRow.parse(row);
    return { user: toUser(parsed), passwordHash: parsed.password_hash };
  }

  count(): number {
    return this.selectCount.get()?.n ?? 0;
  }
}

function toUser(row: z.infer<typeof userRow>): User {
  return { id: row.id, login: row.login, name: row.name, role: row.role };
}
