import { io, type Socket } from 'socket.io-client';
import { z } from 'zod';
import type { Ack } from '../../../common/errors.js';
import { screenSourceSchema, type PartaBridge, type ScreenSource } from '../../../common/ipc.js';
import {
  lessonPushSchemas,
  type JoinResult,
  type LessonRequests,
  type RoomSnapshot,
} from '../../../common/protocol/lesson.js';
import { admissionOrder } from './admissionOrder.js';
import { appError, failure } from './appError.js';
import { Emitter } from './emitter.js';
import { connectErrorDataSchema } from './lessonSchemas.js';
import type {
  DeviceState,
  LessonClientEvents,
  LessonPort,
  LocalMediaState,
  ScreenShareOutcome,
} from './lessonPort.js';
import { AdmissionReadiness } from './AdmissionReadiness.js';
import { captureState, classifyCaptureError, type MediaDevicesLike } from './localMedia.js';
import { MediaSession } from './MediaSession.js';
import { socketRequest, type RequestName } from './socketRequest.js';

export interface LessonClientOptions {
  url: string;
  token: string;
  bridge: PartaBridge | null;
  mediaDevices?: MediaDevicesLike & Partial<Pick<MediaDevices, 'getDisplayMedia'>>;
  requestTimeoutMs?: number;
  connectTimeoutMs?: number;
}

const EMPTY = {} as Record<string, never>;

/**
 * The renderer's one connection to a live lesson: the sole owner of the socket.io socket and
 * (through its MediaSession) of mediasoup-client. Created connected by `connect`; `close`
 * drops everything and emits `close`.
 */
export class LessonClient implements LessonPort {
  readonly #events = new Emitter<LessonClientEvents>();
  readonly #timeoutMs: number;
  /** Aborted on close, so requests still waiting for a reply end at once. */
  readonly #lifetime = new AbortController();
  #media: MediaSession | null = null;
  readonly #readiness = new AdmissionReadiness();
  #closed = false;

  private constructor(
    private readonly socket: Socket,
    private readonly options: LessonClientOptions,
  ) {
    this.#timeoutMs = options.requestTimeoutMs ?? 10_000;
    this.#wirePushes();
    socket.on('disconnect', (reason) => {
      if (this.#closed) return;
      this.#events.emit('connection:lost', { reason });
      this.close();
    });
  }

  static connect(options: LessonClientOptions): Promise<Ack<LessonClient>> {
    // A server under a path (https://school.example/parta) keeps socket.io under that path too;
    // the part after the origin would otherwise be taken for a socket.io namespace.
    let server: URL;
    try {
      server = new URL(options.url);
    } catch {
      return Promise.resolve(failure('UNAVAILABLE', `bad server address ${options.url}`));
    }
    const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
    const socket = io(server.origin, {
      path: `${server.pathname.replace(/\/+$/, '')}/socket.io`,
      auth: { token: options.token },
      autoConnect: false,
      reconnection: false,
      timeout: connectTimeoutMs,
    });
    return new Promise((resolve) => {
      const done = (reply: Ack<LessonClient>) => {
        clearTimeout(timer);
        socket.off('connect', onConnect);
        socket.off('connect_error', onError);
        if (!reply.ok) socket.disconnect();
        resolve(reply);
      };
      const onConnect = () => done({ ok: true, data: new LessonClient(socket, options) });
      const onError = (error: Error & { data?: unknown }) => {
        const known = connectErrorDataSchema.safeParse(error.data);
        done(known.success ? failure(known.data.code, error.message) : failure('UNAVAILABLE', error.message));
      };
      const timer = setTimeout(
        () => done(failure('TIMEOUT', 'lesson server did not answer')),
        connectTimeoutMs + 1_000,
      );
      socket.on('connect', onConnect);
      socket.on('connect_error', onError);
      socket.connect();
    });
  }

  on<K extends keyof LessonClientEvents>(name: K, listener: (payload: LessonClientEvents[K]) => void): () => void {
    return this.#events.on(name, listener);
  }

  #request = <K extends RequestName>(name: K, payload: LessonRequests[K][0]): Promise<Ack<LessonRequests[K][1]>> =>
    socketRequest(this.socket, name, payload, this.#timeoutMs, this.#lifetime.signal);

  #wirePushes(): void {
    for (const name of Object.keys(lessonPushSchemas) as (keyof typeof lessonPushSchemas)[]) {
      this.socket.on(name, (raw: unknown) => {
        const parsed = (lessonPushSchemas[name] as z.ZodType).safeParse(raw);
        if (!parsed.success) {
          console.warn(`malformed ${name} push`, parsed.error.message);
          this.#events.emit('error', appError('INTERNAL', `malformed ${name} push`));
          return;
        }
        this.#onPush(name, parsed.data as never);
      });
    }
  }

  #onPush<K extends keyof typeof lessonPushSchemas>(name: K, payload: LessonClientEvents[K]): void {
    const media = this.#media;
    if (name === 'producer:added') {
      const producer = payload as LessonClientEvents['producer:added'];
      if (media) void media.consume(producer);
      else this.#readiness.announce(producer);
    } else if (name === 'producer:removed') {
      const { producerId } = payload as LessonClientEvents['producer:removed'];
      if (media) media.dropProducer(producerId);
      else this.#readiness.withdraw(producerId);
    } else if (name === 'lesson:started') {
      this.#readiness.prepareDevice((payload as LessonClientEvents['lesson:started']).routerRtpCapabilities);
    }
    this.#events.emit(name, payload);
    if (name === 'lesson:ended' || name === 'lesson:denied') this.#closeMedia();
  }

  start(classId: string): Promise<Ack<RoomSnapshot>> {
    return this.#request('lesson:start', { classId });
  }

  async join(classId: string): Promise<Ack<JoinResult>> {
    const reply = await this.#request('lesson:join', { classId });
    if (reply.ok && reply.data.status === 'waiting') this.#readiness.prepareDevice(reply.data.routerRtpCapabilities);
    return reply;
  }

  async setupMedia(room: RoomSnapshot): Promise<Ack<null>> {
    // A fresh session; what was captured while waiting is kept for it.
    this.#media?.close();
    this.#media = null;
    const created = await MediaSession.create(room, this.#request, this.#events, this.#devices(), this.#readiness.device);
    if (!created.ok) return created;
    if (this.#closed) {
      created.data.close();
      return failure('UNAVAILABLE', 'closed while setting up media');
    }
    this.#media = created.data;
    // What the newcomer waits for (the teacher) comes first and alone; the rest follows.
    const producers = this.#readiness.producersWith(room.producers);
    const [first, ...rest] = admissionOrder({ participants: room.participants, producers });
    if (first) await created.data.consume(first);
    for (const producer of rest) void created.data.consume(producer);
    return { ok: true, data: null };
  }

  async prepareCameraAndMicrophone(): Promise<LocalMediaState> {
    const captured = await this.#readiness.capture(this.#devices());
    if (this.#closed) return { camera: 'off', microphone: 'off' };
    if ('track' in captured.camera) this.#events.emit('local:track', { source: 'camera', track: captured.camera.track });
    return { camera: captureState(captured.camera), microphone: captureState(captured.microphone) };
  }

  async publishCameraAndMicrophone(): Promise<LocalMediaState> {
    if (!this.#media) return { camera: 'unavailable', microphone: 'unavailable' };
    return this.#media.publishCameraAndMicrophone(await this.#readiness.takeCapture());
  }

  async setDeviceEnabled(source: 'camera' | 'microphone', enabled: boolean): Promise<DeviceState> {
    if (!this.#media) return 'unavailable';
    return this.#media.setDeviceEnabled(source, enabled);
  }

  needsScreenSourcePicker(): boolean {
    return this.options.bridge !== null;
  }

  async listScreenSources(): Promise<Ack<ScreenSource[]>> {
    const bridge = this.options.bridge;
    if (!bridge) return { ok: true, data: [] };
    const reply = await bridge.screen.listSources();
    if (!reply.ok) return reply;
    const parsed = z.array(screenSourceSchema).safeParse(reply.data);
    return parsed.success ? { ok: true, data: parsed.data } : failure('INTERNAL', 'malformed screen source list');
  }

  async cancelScreenSourcePick(): Promise<void> {
    await this.options.bridge?.screen.selectSource(null);
  }

  async startScreenShare(sourceId: string | null): Promise<Ack<ScreenShareOutcome>> {
    const media = this.#media;
    if (!media) return failure('NOT_ADMITTED', 'not in a lesson');
    const bridge = this.options.bridge;
    if (bridge) {
      if (!sourceId) return failure('BAD_REQUEST', 'pick a screen or window first');
      const selected = await bridge.screen.selectSource(sourceId);
      if (!selected.ok) return selected;
    }
    const devices = this.#devices();
    if (!devices?.getDisplayMedia) return failure('UNAVAILABLE', 'screen capture is not supported here');
    let track: MediaStreamTrack | undefined;
    try {
      const stream = await devices.getDisplayMedia({ video: { frameRate: { ideal: 15, max: 30 } }, audio: false });
      track = stream.getVideoTracks()[0];
    } catch (error) {
      // The user closed the browser's own picker: nothing to report.
      if (classifyCaptureError(error) === 'denied') return { ok: true, data: 'cancelled' };
      return failure('UNAVAILABLE', `screen capture failed: ${String(error)}`);
    }
    if (!track) return failure('UNAVAILABLE', 'no screen track');
    const produced = await media.startScreen(track);
    return produced.ok ? { ok: true, data: 'started' } : produced;
  }

  async stopScreenShare(): Promise<void> {
    await this.#media?.stopProducing('screen');
  }

  admit(participantId: string): Promise<Ack<null>> {
    return this.#request('lobby:admit', { participantId });
  }

  admitAll(): Promise<Ack<{ admitted: number }>> {
    return this.#request('lobby:admitAll', EMPTY);
  }

  deny(participantId: string): Promise<Ack<null>> {
    return this.#request('lobby:deny', { participantId });
  }

  async leave(): Promise<Ack<null>> {
    this.#closeMedia();
    const reply = await this.#request('lesson:leave', EMPTY);
    this.close();
    return reply;
  }

  async end(): Promise<Ack<null>> {
    const reply = await this.#request('lesson:end', EMPTY);
    if (reply.ok) this.close();
    return reply;
  }

  #devices(): LessonClientOptions['mediaDevices'] {
    return this.options.mediaDevices ?? (typeof navigator === 'undefined' ? undefined : navigator.mediaDevices);
  }

  #closeMedia(): void {
    this.#media?.close();
    this.#media = null;
    this.#readiness.clear();
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#closeMedia();
    this.#lifetime.abort();
    this.socket.disconnect();
    this.#events.emit('close', null);
    this.#events.clear();
  }
}
