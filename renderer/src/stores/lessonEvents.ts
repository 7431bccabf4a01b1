import { markRaw } from 'vue';
import type { AppError } from '../../../common/errors.js';
import type { RoomSnapshot } from '../../../common/protocol/lesson.js';
import type { LessonClientEvents, LessonPort } from '../services/lessonPort.js';
import {
  addParticipant,
  addProducer,
  addTrack,
  applyLobby,
  removeParticipant,
  removeProducer,
  setProducerPaused,
  type LessonState,
} from './lessonState.js';

/** What the store itself decides when the lesson's life changes. */
export interface LessonLifecycle {
  admitted(room: RoomSnapshot): void;
  denied(className: string): void;
  ended(reason: LessonClientEvents['lesson:ended']['reason']): void;
  connectionLost(): void;
  error(error: AppError): void;
  closed(): void;
}

/**
 * Wires a lesson client's events to the state: plain changes go straight through the reducers
 * of lessonState.ts, changes of the lesson's life go to the store. Returns the unsubscribers.
 */
export function bindLessonEvents(client: LessonPort, state: LessonState, life: LessonLifecycle): (() => void)[] {
  return [
    client.on('lesson:admitted', (room) => life.admitted(room)),
    client.on('lesson:denied', ({ className }) => life.denied(className)),
    client.on('lesson:ended', ({ reason }) => life.ended(reason)),
    client.on('lesson:started', () => {
      state.lessonStarted = true;
    }),
    client.on('lobby:changed', (entries) => applyLobby(state, entries)),
    client.on('participant:joined', (p) => addParticipant(state, p)),
    client.on('participant:left', ({ participantId }) => removeParticipant(state, participantId)),
    client.on('producer:added', (p) => addProducer(state, p)),
    client.on('producer:removed', ({ producerId }) => removeProducer(state, producerId)),
    client.on('producer:paused', ({ producerId }) => setProducerPaused(state, producerId, true)),
    client.on('producer:resumed', ({ producerId }) => setProducerPaused(state, producerId, false)),
    client.on('track:added', (remote) => addTrack(state, remote)),
    client.on('local:track', ({ source, track }) => {
      if (source === 'camera') {
        state.cameraTrack = track ? markRaw(track) : null;
        if (!track && state.camera === 'on') state.camera = 'off';
      } else {
        state.screenTrack = track ? markRaw(track) : null;
        if (!track) state.screen = 'off';
      }
    }),
    client.on('connection:lost', () => life.connectionLost()),
    client.on('error', (error) => life.error(error)),
    client.on('close', () => life.closed()),
  ];
}
