import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { roleSchema, type Role } from '../../../common/protocol/auth.js';
import type { Statement } from 'better-sqlite3';
import type { Db } from './connection.js';

export interface ClassInfo {
  id: string;
  schoolId: string;
  name: string;
}

/** A class as listed for one member: what GET /api/classes needs except the live lesson. */
export interface MemberClass {
  id: string;
  name: string;
  myRole: Role;
  teacherName: string;
  studentCount: number;
}

const classRow = z.object({ id: z.string(), school_id: z.string(), name: z.string() });
const memberClassRow = z.object({
  id: z.string(),
  name: z.string(),
  my_role: roleSchema,
  teacher_names: z.string().nullable(),
  student_count: z.number().int().nonnegative(),
});

/** Schools, classes and who belongs to them (as a teacher or a student). Statements are prepared once. */
export class ClassRepository {
  private readonly insertSchool: Statement<[string, string]>;
  private readonly insertClass: Statement<[string, string, string]>;
  private readonly upsertMember: Statement<[string, string, Role]>;
  private readonly selectById: Statement<[string]>;
  private readonly selectByName: Statement<[string]>;
  private readonly selectRole: Statement<[string, string], { role: unknown }>;
  private readonly selectTeaches: Statement<[string]>;
  private readonly selectForMember: Statement<[string]>;

  constructor(db: Db) {
    this.insertSchool = db.prepare('INSERT INTO schools (id, name) VALUES (?, ?)');
    this.insertClass = db.prepare('INSERT INTO classes (id, school_id, name) VALUES (?, ?, ?)');
    this.upsertMember = db.prepare(
      'INSERT INTO class_members (class_id, user_id, role) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET role = excluded.role',
    );
    this.selectById = db.prepare('SELECT id, school_id, name FROM classes WHERE id = ?');
    this.selectByName = db.prepare('SELECT id, school_id, name FROM classes WHERE name = ? ORDER BY id LIMIT 1');
    this.selectRole = db.prepare('SELECT role FROM class_members WHERE class_id = ? AND user_id = ?');
    this.selectTeaches = db.prepare("SELECT 1 FROM class_members WHERE user_id = ? AND role = 'teacher' LIMIT 1");
    this.selectForMember = db.prepare(
      `SELECT c.id, c.name, me.role AS my_role,
         (SELECT group_concat(name, ', ') FROM (
            SELECT u.name FROM class_members t JOIN users u ON u.id = t.user_id
            WHERE t.class_id = c.id AND t.role = 'teacher' ORDER BY u.name)) AS teacher_names,
         (SELECT COUNT(*) FROM class_members s WHERE s.class_id = c.id AND s.role = 'student') AS student_count
       FROM class_members me JOIN classes c ON c.id = me.class_id
       WHERE me.user_id = ?
       ORDER BY c.name, c.id`,
    );
  }

  createSchool(name: string): string {
    const id = randomUUID();
    this.insertSchool.run(id, name);
    return id;
  }

  createClass(schoolId: string, name: string): ClassInfo {
    const id = randomUUID();
    this.insertClass.run(id, schoolId, name);
    return { id, schoolId, name };
  }

  addMember(classId: string, userId: string, role: Role): void {
    this.upsertMember.run(classId, userId, role);
  }

  findById(classId: string): ClassInfo | undefined {
    return toClassInfo(this.selectById.get(classId));
  }

  findByName(name: string): ClassInfo | undefined {
    return toClassInfo(this.selectByName.get(name));
  }

  /** The user's role in the class, or null when they do not belong to it. */
  roleOf(classId: string, userId: string): Role | null {
    const row = this.selectRole.get(classId, userId);
    return row === undefined ? null : roleSchema.parse(row.role);
  }

  /** Whether the user teaches at least one class. */
  teachesAny(userId: string): boolean {
    return this.selectTeaches.get(userId) !== undefined;
  }

  /** The classes the user teaches or studies in, by name. */
  listForMember(userId: string): MemberClass[] {
    return this.selectForMember.all(userId).map((row) => {
      const parsed = memberClassRow.parse(row);
      return {
        id: parsed.id,
        name: parsed.name,
        myRole: parsed.my_role,
        teacherName: parsed.teacher_names ?? '',
        studentCount: parsed.student_count,
      };
    });
  }
}

function toClassInfo(row: unknown): ClassInfo | undefined {
  if (row === undefined) return undefined;
  const parsed = classRow.parse(row);
  return { id: parsed.id, schoolId: parsed.school_id, name: parsed.name };
}
