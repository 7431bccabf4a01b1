import type { Ack, AppError } from '../../../common/errors.js';
import type { ScreenSource } from '../../../common/ipc.js';
import type {
  JoinResult,
  LessonPushes,
  MediaSource,
  RoomSnapshot,
} from '../../../common/protocol/lesson.js';

/** What a local camera or microphone is doing, as far as the user should know. */
export type DeviceState = 'on' | 'off' | 'denied' | 'unavailable' | 'failed';

export interface LocalMediaState {
  camera: DeviceState;
  microphone: DeviceState;
}

/** A remote producer's track, ready to render (its consumer is resumed right after). */
export interface RemoteTrack {
  producerId: string;
  participantId: string;
  kind: 'audio' | 'video';
  source: MediaSource;
  track: MediaStreamTrack;
}

export type ScreenShareOutcome = 'started' | 'cancelled';

/** Events of a lesson client: the server's pushes (parsed) plus what the media layer reports. */
export interface LessonClientEvents extends LessonPushes {
  /** A remote track is ready to play. */
  'track:added': RemoteTrack;
  /** Our own camera (for the preview) or screen track started or stopped. */
  'local:track': { source: 'camera' | 'screen'; track: MediaStreamTrack | null };
  /** The socket dropped without us asking: the server has already let us go. */
  'connection:lost': { reason: string };
  /** Something failed in the background (consuming a track, a transport, a malformed push). */
  error: AppError;
  close: null;
}

/** The one way the stores talk to a live lesson. `LessonClient` implements it; tests use fakes. */
export interface LessonPort {
  on<K extends keyof LessonClientEvents>(name: K, listener: (payload: LessonClientEvents[K]) => void): () => void;
  start(classId: string): Promise<Ack<RoomSnapshot>>;
  join(classId: string): Promise<Ack<JoinResult>>;
  /** Loads the device, creates both transports and consumes the snapshot's producers. */
  setupMedia(room: RoomSnapshot): Promise<Ack<null>>;
  /**
   * Captures camera and microphone ahead of admission, so a waiting participant sees their own
   * preview and the admission itself does not wait for the devices. Sent on publish.
   */
  prepareCameraAndMicrophone(): Promise<LocalMediaState>;
  /** Sends camera and microphone (captured now unless prepared); a refusal is a state, not an error. */
  publishCameraAndMicrophone(): Promise<LocalMediaState>;
  setDeviceEnabled(source: 'camera' | 'microphone', enabled: boolean): Promise<DeviceState>;
  /** True in the desktop app, where the user picks a screen or window before sharing. */
  needsScreenSourcePicker(): boolean;
  listScreenSources(): Promise<Ack<ScreenSource[]>>;
  cancelScreenSourcePick(): Promise<void>;
  /** `sourceId` is the picked source in the desktop app and null in a browser. */
  startScreenShare(sourceId: string | null): Promise<Ack<ScreenShareOutcome>>;
  stopScreenShare(): Promise<void>;
  admit(participantId: string): Promise<Ack<null>>;
  admitAll(): Promise<Ack<{ admitted: number }>>;
  deny(participantId: string): Promise<Ack<null>>;
  /** Tells the server we leave, then closes. */
  leave(): Promise<Ack<null>>;
  /** Teachers: ends the lesson for everyone. */
  end(): Promise<Ack<null>>;
  /** Drops media and the socket; emits `close`. Safe to call twice. */
  close(): void;
}

export interface LessonConnectOptions {
  token: string;
}

export type LessonClientFactory = (options: LessonConnectOptions) => Promise<Ack<LessonPort>>;
