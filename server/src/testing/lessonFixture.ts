import { join } from 'node:path';
import type { User } from '../../../common/protocol/auth.js';
import { generatePassword, hashPassword } from '../auth/passwords.js';
import { loadConfig } from '../config.js';
import { ClassRepository } from '../db/ClassRepository.js';
import { openDatabase, type Db } from '../db/connection.js';
import { seedDemoSchool } from '../db/demoSeed.js';
import { migrate } from '../db/migrations.js';
import { UserRepository } from '../db/UserRepository.js';
import { LessonRegistry } from '../lessons/LessonRegistry.js';
import { LessonService } from '../lessons/LessonService.js';
import { createLogger } from '../logger.js';
import { MediaWorkerPool } from '../media/MediaWorkerPool.js';
import { tempDir } from './tempDir.js';

export interface LessonFixture {
  db: Db;
  classes: ClassRepository;
  registry: LessonRegistry;
  service: LessonService;
  pool: MediaWorkerPool;
  user(login: string): User;
  classId(name: string): string;
  close(): Promise<void>;
}

/** The lesson domain over a real SQLite file with the demo school and a real media worker (tests only). */
export async function createLessonFixture(): Promise<LessonFixture> {
  const dir = tempDir();
  const db = openDatabase(join(dir.path, 'parta.db'));
  migrate(db);
  await seedDemoSchool(db, { password: 'demo-password', hashPassword, generatePassword });
  const logger = createLogger('silent');
  const rtc = loadConfig({ PARTA_RTC_MIN_PORT: '42000', PARTA_RTC_MAX_PORT: '42999' }).rtc;
  const pool = await MediaWorkerPool.create({ workers: 1, rtc, logger });
  const classes = new ClassRepository(db);
  const users = new UserRepository(db);
  const registry = new LessonRegistry(() => pool.createRouter(), logger);
  return {
    db,
    classes,
    registry,
    service: new LessonService(classes, registry),
    pool,
    user(login) {
      const found = users.findByLogin(login);
      if (!found) throw new Error(`no demo user ${login}`);
      return found.user;
    },
    classId(name) {
      const found = classes.findByName(name);
      if (!found) throw new Error(`no demo class ${name}`);
      return found.id;
    },
    async close() {
      await registry.endAll('server-shutdown');
      await pool.close();
      db.close();
      dir.remove();
    },
  };
}
