import { vi } from 'vitest';
import type { Ack } from '../../../common/errors.js';
import type { ClassSummary, LoginRequest, LoginResponse, User } from '../../../common/protocol/auth.js';
import type { JoinResult, LobbyEntry, Participant, ProducerInfo, RoomSnapshot } from '../../../common/protocol/lesson.js';
import type { ApiPort } from '../services/ApiClient.js';
import { Emitter } from '../services/emitter.js';
import type {
  DeviceState,
  LessonClientEvents,
  LessonPort,
  LocalMediaState,
  ScreenShareOutcome,
} from '../services/lessonPort.js';
import type { Services } from '../services/registry.js';

export function memoryStorage(initial: Record<string, string> = {}): Services['storage'] & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

export const teacher: User = { id: 'u-t', login: 'olga', name: 'Olga Petrovna', role: 'teacher' };
export const student: User = { id: 'u-s', login: 'misha', name: 'Misha', role: 'student' };

export function classSummary(overrides: Partial<ClassSummary> = {}): ClassSummary {
  return {
    id: 'c1',
    name: '5A Mathematics',
    myRole: 'student',
    teacherName: 'Olga Petrovna',
    studentCount: 24,
    liveLessonId: null,
    ...overrides,
  };
}

export class FakeApi implements ApiPort {
  loginReply: Ack<LoginResponse> = { ok: false, error: { code: 'UNAUTHENTICATED', message: 'bad' } };
  meReply: Ack<User> = { ok: true, data: student };
  classesReply: Ack<ClassSummary[]> = { ok: true, data: [classSummary()] };
  readonly calls: string[] = [];

  async login(request: LoginRequest): Promise<Ack<LoginResponse>> {
    this.calls.push(`login:${request.login}`);
    return this.loginReply;
  }

  async me(token: string): Promise<Ack<User>> {
    this.calls.push(`me:${token}`);
    return this.meReply;
  }

  async classes(token: string): Promise<Ack<ClassSummary[]>> {
    this.calls.push(`classes:${token}`);
    return this.classesReply;
  }

  async logout(token: string): Promise<Ack<null>> {
    this.calls.push(`logout:${token}`);
    return { ok: true, data: null };
  }
}

const okNull: Ack<null> = { ok: true, data: null };

/** A lesson client that answers from fields and lets a test push server events. */
export class FakeLessonClient implements LessonPort {
  readonly events = new Emitter<LessonClientEvents>();
  startReply: Ack<RoomSnapshot> | null = null;
  joinReply: Ack<JoinResult> = {
    ok: true,
    data: { status: 'waiting', participantId: 'p-self', className: '5A Mathematics', lessonStarted: false, routerRtpCapabilities: null },
  };
  mediaReply: LocalMediaState = { camera: 'on', microphone: 'on' };
  admitReply: Ack<null> = okNull;
  closed = false;
  readonly setupMedia = vi.fn(async (_room: RoomSnapshot): Promise<Ack<null>> => okNull);
  readonly admit = vi.fn(async (_id: string): Promise<Ack<null>> => this.admitReply);
  readonly deny = vi.fn(async (_id: string): Promise<Ack<null>> => okNull);
  readonly admitAll = vi.fn(async (): Promise<Ack<{ admitted: number }>> => ({ ok: true, data: { admitted: 0 } }));
  readonly leave = vi.fn(async (): Promise<Ack<null>> => {
    this.close();
    return okNull;
  });
  readonly end = vi.fn(async (): Promise<Ack<null>> => okNull);
  readonly setDeviceEnabled = vi.fn(async (_s: 'camera' | 'microphone', on: boolean): Promise<DeviceState> => (on ? 'on' : 'off'));
  readonly startScreenShare = vi.fn(async (_id: string | null): Promise<Ack<ScreenShareOutcome>> => ({ ok: true, data: 'cancelled' }));
  pickerNeeded = false;

  on<K extends keyof LessonClientEvents>(name: K, listener: (payload: LessonClientEvents[K]) => void): () => void {
    return this.events.on(name, listener);
  }

  emit<K extends keyof LessonClientEvents>(name: K, payload: LessonClientEvents[K]): void {
    this.events.emit(name, payload);
  }

  async start(_classId: string): Promise<Ack<RoomSnapshot>> {
    return this.startReply ?? { ok: false, error: { code: 'FORBIDDEN', message: 'not a teacher' } };
  }

  async join(_classId: string): Promise<Ack<JoinResult>> {
    return this.joinReply;
  }

  async prepareCameraAndMicrophone(): Promise<LocalMediaState> {
    return this.mediaReply;
  }

  async publishCameraAndMicrophone(): Promise<LocalMediaState> {
    return this.mediaReply;
  }

  needsScreenSourcePicker(): boolean {
    return this.pickerNeeded;
  }

  async listScreenSources() {
    return { ok: true as const, data: [] };
  }

  async cancelScreenSourcePick(): Promise<void> {}

  /** As the real client: the stopped screen's track is announced gone. */
  async stopScreenShare(): Promise<void> {
    this.events.emit('local:track', { source: 'screen', track: null });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.events.emit('close', null);
  }
}

export function participant(overrides: Partial<Participant> & Pick<Participant, 'id' | 'name'>): Participant {
  return { userId: `u-${overrides.id}`, role: 'student', isHost: false, ...overrides };
}

export function lobbyEntry(participantId: string, name: string, knockedAt = '2030-01-01T09:00:00.000Z'): LobbyEntry {
  return { participantId, userId: `u-${participantId}`, name, role: 'student', knockedAt };
}

export function producer(overrides: Partial<ProducerInfo> & Pick<ProducerInfo, 'producerId' | 'participantId'>): ProducerInfo {
  return { kind: 'video', source: 'camera', paused: false, ...overrides };
}

export function room(overrides: Partial<RoomSnapshot> = {}): RoomSnapshot {
  return {
    lessonId: 'l1',
    classId: 'c1',
    className: '5A Mathematics',
    selfId: 'p-self',
    routerRtpCapabilities: { codecs: [] },
    participants: [
      participant({ id: 'p-host', name: 'Olga Petrovna', role: 'teacher', isHost: true }),
      participant({ id: 'p-self', name: 'Misha' }),
    ],
    producers: [],
    lobby: [],
    ...overrides,
  };
}

/** Stands in for a MediaStreamTrack (happy-dom has none); only identity matters to the store. */
export function fakeTrack(kind: 'audio' | 'video' = 'video'): MediaStreamTrack {
  return { kind, id: `t-${Math.random()}`, enabled: true, stop: () => undefined } as unknown as MediaStreamTrack;
}

export function fakeServices(overrides: Partial<Services> & { client?: FakeLessonClient } = {}): Services & {
  api: FakeApi;
  storage: ReturnType<typeof memoryStorage>;
} {
  const client = overrides.client;
  return {
    bridge: null,
    connectLesson: async () => (client ? { ok: true, data: client } : { ok: false, error: { code: 'UNAVAILABLE', message: 'none' } }),
    ...overrides,
    api: (overrides.api as FakeApi | undefined) ?? new FakeApi(),
    storage: (overrides.storage as ReturnType<typeof memoryStorage> | undefined) ?? memoryStorage(),
  };
}
