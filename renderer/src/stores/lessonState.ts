import { markRaw } from 'vue';
import type { AppError, ErrorCode } from '../../../common/errors.js';
import type { ScreenSource } from '../../../common/ipc.js';
import type {
  LessonEndReason,
  LobbyEntry,
  MediaSource,
  Participant,
  ProducerInfo,
  RoomSnapshot,
} from '../../../common/protocol/lesson.js';
import type { DeviceState, RemoteTrack } from '../services/lessonPort.js';

/**
 * The state of the live lesson as the renderer sees it, normalised by id, and the pure
 * functions that change it. The store applies client events through these; tests call them.
 */
export type LessonPhase = 'idle' | 'connecting' | 'waiting' | 'denied' | 'in-lesson' | 'ended';

/** On the way in, in the queue or in the lesson: a connection is held for it. */
export function isLive(phase: LessonPhase): boolean {
  return phase === 'connecting' || phase === 'waiting' || phase === 'in-lesson';
}
/** Why the lesson is over for us: the server's reasons plus our own. */
export type EndReason = LessonEndReason | 'connection-lost' | 'ended-by-me';
export type LocalDeviceState = DeviceState | 'starting';
export type ScreenState = 'off' | 'picking' | 'starting' | 'on';
export type LessonNotice = 'screen-teacher-only' | null;

export interface LessonState {
  phase: LessonPhase;
  classId: string | null;
  className: string;
  lessonId: string | null;
  selfId: string | null;
  /** While waiting: whether the teacher has started the lesson yet. */
  lessonStarted: boolean;
  endReason: EndReason | null;
  participants: Record<string, Participant>;
  producers: Record<string, ProducerInfo>;
  /** Remote tracks by producer id; raw (never proxied). */
  tracks: Record<string, MediaStreamTrack>;
  lobby: Record<string, LobbyEntry>;
  microphone: LocalDeviceState;
  camera: LocalDeviceState;
  screen: ScreenState;
  cameraTrack: MediaStreamTrack | null;
  screenTrack: MediaStreamTrack | null;
  screenSources: ScreenSource[] | null;
  /** Lobby requests in flight, by participant id ('*' for admit all). */
  pending: Record<string, true>;
  errors: Partial<Record<ErrorCode, AppError>>;
  notice: LessonNotice;
}

export function initialLessonState(): LessonState {
  return {
    phase: 'idle',
    classId: null,
    className: '',
    lessonId: null,
    selfId: null,
    lessonStarted: false,
    endReason: null,
    participants: {},
    producers: {},
    tracks: {},
    lobby: {},
    microphone: 'off',
    camera: 'off',
    screen: 'off',
    cameraTrack: null,
    screenTrack: null,
    screenSources: null,
    pending: {},
    errors: {},
    notice: null,
  };
}

export function applyRoom(state: LessonState, room: RoomSnapshot): void {
  state.phase = 'in-lesson';
  state.lessonId = room.lessonId;
  state.classId = room.classId;
  state.className = room.className;
  state.selfId = room.selfId;
  state.participants = Object.fromEntries(room.participants.map((p) => [p.id, p]));
  state.producers = Object.fromEntries(room.producers.map((p) => [p.producerId, p]));
  state.tracks = {};
  applyLobby(state, room.lobby);
}

export function applyLobby(state: LessonState, entries: LobbyEntry[]): void {
  state.lobby = Object.fromEntries(entries.map((e) => [e.participantId, e]));
  for (const id of Object.keys(state.pending)) {
    if (id !== '*' && !state.lobby[id]) delete state.pending[id];
  }
}

export function addParticipant(state: LessonState, participant: Participant): void {
  state.participants[participant.id] = participant;
  delete state.lobby[participant.id];
}

export function removeParticipant(state: LessonState, participantId: string): void {
  delete state.participants[participantId];
  for (const producer of Object.values(state.producers)) {
    if (producer.participantId === participantId) removeProducer(state, producer.producerId);
  }
}

export function addProducer(state: LessonState, producer: ProducerInfo): void {
  state.producers[producer.producerId] = producer;
}

/** Its owner turned it off or on again (camera off, microphone muted). */
export function setProducerPaused(state: LessonState, producerId: string, paused: boolean): void {
  const producer = state.producers[producerId];
  if (producer) producer.paused = paused;
}

export function removeProducer(state: LessonState, producerId: string): void {
  delete state.producers[producerId];
  delete state.tracks[producerId];
}

/** Every consumed producer came in the room or a push applied first; a track of any other is ignored. */
export function addTrack(state: LessonState, remote: RemoteTrack): void {
  if (!state.producers[remote.producerId]) return;
  state.tracks[remote.producerId] = markRaw(remote.track);
}

export function recordError(state: LessonState, error: AppError): void {
  state.errors[error.code] = error;
}

/** One remote video to render. */
export interface VideoTile {
  producerId: string;
  participantId: string;
  name: string;
  source: MediaSource;
  isHost: boolean;
  track: MediaStreamTrack;
  /** Its owner turned the camera off: show who it is, not the last frame. */
  cameraOff: boolean;
  /** On a camera tile: the others cannot hear this person. */
  micOff: boolean;
}

/** Someone else in the lesson who sends no camera video, shown as a name card. */
export type PersonCard = Participant & { micOff: boolean };

/** Whether the others cannot hear someone: their microphone is muted or not sent at all. */
export function microphoneOff(state: LessonState, participantId: string): boolean {
  return !Object.values(state.producers).some(
    (p) => p.participantId === participantId && p.source === 'microphone' && !p.paused,
  );
}

export function remoteVideoTiles(state: LessonState): VideoTile[] {
  const tiles: VideoTile[] = [];
  for (const producer of Object.values(state.producers)) {
    const track = state.tracks[producer.producerId];
    const participant = state.participants[producer.participantId];
    if (producer.kind !== 'video' || !track || !participant || participant.id === state.selfId) continue;
    tiles.push({
      producerId: producer.producerId,
      participantId: participant.id,
      name: participant.name,
      source: producer.source,
      isHost: participant.isHost,
      track,
      cameraOff: producer.source === 'camera' && producer.paused,
      micOff: producer.source === 'camera' && microphoneOff(state, participant.id),
    });
  }
  return tiles;
}

/** Hosts first, then by name. */
function byHostThenName(a: { isHost: boolean; name: string }, b: { isHost: boolean; name: string }): number {
  return Number(b.isHost) - Number(a.isHost) || a.name.localeCompare(b.name);
}

/**
 * Where each video goes: a shared screen is shown largest, then the host's camera; the rest
 * go to the gallery (hosts first, then by name).
 */
export function arrangeTiles(tiles: VideoTile[]): { spotlight: VideoTile | null; gallery: VideoTile[] } {
  const spotlight =
    tiles.find((t) => t.source === 'screen' && t.isHost) ??
    tiles.find((t) => t.source === 'screen') ??
    tiles.find((t) => t.source === 'camera' && t.isHost) ??
    null;
  const gallery = tiles
    .filter((t) => t !== spotlight)
    .sort(byHostThenName);
  return { spotlight, gallery };
}

/** Others in the lesson who send no camera video (shown as a name card). */
export function participantsWithoutVideo(state: LessonState): PersonCard[] {
  const withVideo = new Set(
    Object.values(state.producers)
      .filter((p) => p.kind === 'video' && p.source === 'camera' && state.tracks[p.producerId])
      .map((p) => p.participantId),
  );
  return Object.values(state.participants)
    .filter((p) => p.id !== state.selfId && !withVideo.has(p.id))
    .sort(byHostThenName)
    .map((p) => ({ ...p, micOff: microphoneOff(state, p.id) }));
}

export function remoteAudioTracks(state: LessonState): { producerId: string; track: MediaStreamTrack }[] {
  return Object.values(state.producers)
    .filter((p) => p.kind === 'audio' && p.participantId !== state.selfId && state.tracks[p.producerId])
    .map((p) => ({ producerId: p.producerId, track: state.tracks[p.producerId] as MediaStreamTrack }));
}

export function lobbyInOrder(state: LessonState): LobbyEntry[] {
  return Object.values(state.lobby).sort((a, b) => a.knockedAt.localeCompare(b.knockedAt));
}
