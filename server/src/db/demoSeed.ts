import type { Role } from '../../../common/protocol/auth.js';
import type { Db } from './connection.js';
import { ClassRepository } from './ClassRepository.js';
import { UserRepository } from './UserRepository.js';

export interface DemoAccount {
  login: string;
  name: string;
  role: Role;
  className: string;
  password: string;
}

interface DemoPerson {
  login: string;
  name: string;
  role: Role;
  className: string;
}

export const DEMO_SCHOOL = 'Школа №1';

const PEOPLE: readonly DemoPerson[] = [
  { login: 'teacher', name: 'Анна Петровна Смирнова', role: 'teacher', className: '7Б' },
  { login: 'student1', name: 'Иван Петров', role: 'student', className: '7Б' },
  { login: 'student2', name: 'Мария Иванова', role: 'student', className: '7Б' },
  { login: 'student3', name: 'Алексей Соколов', role: 'student', className: '7Б' },
  { login: 'teacher2', name: 'Ольга Николаевна Кузнецова', role: 'teacher', className: '8А' },
  { login: 'student4', name: 'Дмитрий Волков', role: 'student', className: '8А' },
];

export interface SeedOptions {
  hashPassword(password: string): Promise<string>;
  /** One password for every demo user; otherwise each gets a random one from `generatePassword`. */
  password: string | undefined;
  generatePassword(): string;
}

/**
 * Creates the demo school on an empty database: class 7Б (a teacher and three students) and
 * class 8А (its own teacher and a student). Returns the accounts with their passwords, or null
 * when the database already has users (then nothing is touched).
 */
export async function seedDemoSchool(db: Db, options: SeedOptions): Promise<DemoAccount[] | null> {
  const users = new UserRepository(db);
  if (users.count() > 0) return null;
  const accounts = PEOPLE.map((p) => ({ ...p, password: options.password ?? options.generatePassword() }));
  // Hash outside the transaction (async), then write everything at once.
  const hashes = await Promise.all(accounts.map((a) => options.hashPassword(a.password)));
  const classes = new ClassRepository(db);
  const created = db.transaction(() => {
    if (users.count() > 0) return false;
    const schoolId = classes.createSchool(DEMO_SCHOOL);
    const classIds = new Map<string, string>();
    accounts.forEach((account, i) => {
      let classId = classIds.get(account.className);
      if (classId === undefined) {
        classId = classes.createClass(schoolId, account.className).id;
        classIds.set(account.className, classId);
      }
      const user = users.create({
        login: account.login,
        name: account.name,
        role: account.role,
        passwordHash: hashes[i] ?? '',
      });
      classes.addMember(classId, user.id, account.role);
    });
    return true;
  })();
  return created ? accounts : null;
}
