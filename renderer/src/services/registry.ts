import type { PartaBridge } from '../../../common/ipc.js';
import type { ApiPort } from './ApiClient.js';
import type { LessonClientFactory } from './lessonPort.js';

/**
 * The I/O the stores use, set once at start-up (`main.ts`) and replaced by fakes in tests.
 * Stores reach services only through here, components never.
 */
export interface Services {
  api: ApiPort;
  connectLesson: LessonClientFactory;
  bridge: PartaBridge | null;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
}

let current: Services | null = null;

export function configureServices(services: Services): void {
  current = services;
}

export function services(): Services {
  if (!current) throw new Error('services are not configured (main.ts calls configureServices)');
  return current;
}
