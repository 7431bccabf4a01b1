import { defineStore } from 'pinia';
import { computed, reactive, toRefs } from 'vue';
import type { Ack, AppError, ErrorCode } from '../../../common/errors.js';
import type { RoomSnapshot } from '../../../common/protocol/lesson.js';
import { appError } from '../services/appError.js';
import type { LessonPort } from '../services/lessonPort.js';
import { services } from '../services/registry.js';
import { bindLessonEvents } from './lessonEvents.js';
import {
  applyRoom,
  arrangeTiles,
  initialLessonState,
  isLive,
  lobbyInOrder,
  participantsWithoutVideo,
  recordError,
  remoteAudioTracks,
  remoteVideoTiles,
  type LessonState,
} from './lessonState.js';
import { useAuthStore } from './useAuthStore.js';
import { useClassesStore } from './useClassesStore.js';

export const useLessonStore = defineStore('lesson', () => {
  const state = reactive<LessonState>(initialLessonState());
  let client: LessonPort | null = null;
  let unsubscribe: (() => void)[] = [];
  /** Bumped on every enter/leave so a late reply of an abandoned attempt is ignored. */
  let attempt = 0;
  /** Set while our own lesson:end is on its way: the lesson:ended push then is our doing. */
  let endingByMe = false;

  const self = computed(() => (state.selfId ? state.participants[state.selfId] : undefined));
  const isTeacher = computed(() => {
    if (self.value) return self.value.role === 'teacher';
    const summary = state.classId ? useClassesStore().byId[state.classId] : undefined;
    return summary?.myRole === 'teacher';
  });
  const lobbyList = computed(() => lobbyInOrder(state));
  const tiles = computed(() => arrangeTiles(remoteVideoTiles(state)));
  const withoutVideo = computed(() => participantsWithoutVideo(state));
  const audioTracks = computed(() => remoteAudioTracks(state));
  const participantCount = computed(() => Object.keys(state.participants).length);
  const errorList = computed(() => Object.values(state.errors).filter((e): e is AppError => !!e));

  function fail(error: AppError): void {
    recordError(state, error);
    useAuthStore().handleFailure(error);
  }

  /** Unsubscribes from the client and lets go of it; the caller decides how it ends. */
  function takeClient(): LessonPort | null {
    for (const off of unsubscribe) off();
    unsubscribe = [];
    const current = client;
    client = null;
    return current;
  }

  function detach(): void {
    takeClient()?.close();
  }

  function subscribe(c: LessonPort): void {
    unsubscribe = bindLessonEvents(c, state, {
      admitted: (room) => void onAdmitted(room),
      denied: (className) => {
        state.phase = 'denied';
        if (className) state.className = className;
        detach();
      },
      ended: (reason) => finish(endingByMe ? 'ended-by-me' : reason),
      connectionLost: () => {
        if (isLive(state.phase)) finish('connection-lost');
      },
      error: fail,
      closed: () => {
        if (client === c) {
          client = null;
          unsubscribe = [];
        }
      },
    });
  }

  function finish(reason: LessonState['endReason']): void {
    attempt += 1;
    detach();
    state.phase = 'ended';
    state.endReason = reason;
    state.lobby = {};
    state.screen = 'off';
    state.cameraTrack = null;
    state.screenTrack = null;
    state.tracks = {};
  }

  async function onAdmitted(room: RoomSnapshot): Promise<void> {
    const c = client;
    if (!c) return;
    const mine = attempt;
    applyRoom(state, room);
    state.microphone = 'starting';
    state.camera = 'starting';
    const media = await c.setupMedia(room);
    if (mine !== attempt) return;
    if (!media.ok) {
      fail(media.error);
      state.microphone = 'failed';
      state.camera = 'failed';
      return;
    }
    const local = await c.publishCameraAndMicrophone();
    if (mine !== attempt) return;
    state.microphone = local.microphone;
    state.camera = local.camera;
  }

  /** While waiting: capture camera and microphone now, for the preview and a quick admission. */
  async function prepareDevices(c: LessonPort, mine: number): Promise<void> {
    const local = await c.prepareCameraAndMicrophone();
    if (mine !== attempt || state.phase !== 'waiting') return;
    state.camera = local.camera;
    state.microphone = local.microphone;
  }

  /** Opens the lesson of a class: teachers start (or re-enter) it, students knock and wait. */
  async function enter(classId: string): Promise<void> {
    if (state.classId === classId && isLive(state.phase)) return;
    detach();
    Object.assign(state, initialLessonState());
    const mine = ++attempt;
    state.classId = classId;
    state.phase = 'connecting';
    const abort = (error: AppError) => {
      if (mine !== attempt) return;
      detach();
      state.phase = 'idle';
      fail(error);
    };

    const auth = useAuthStore();
    const classes = useClassesStore();
    if (!auth.token) return abort(appError('UNAUTHENTICATED', 'not signed in'));
    if (!classes.byId[classId]) await classes.load();
    if (mine !== attempt) return;
    const summary = classes.byId[classId];
    if (!summary) return abort(classes.error ?? appError('NOT_FOUND', `class ${classId}`));
    state.className = summary.name;

    const connected = await services().connectLesson({ token: auth.token });
    if (mine !== attempt) {
      if (connected.ok) connected.data.close();
      return;
    }
    if (!connected.ok) return abort(connected.error);
    client = connected.data;
    subscribe(client);

    if (summary.myRole === 'teacher') {
      const started = await client.start(classId);
      if (mine !== attempt) return;
      if (!started.ok) return abort(started.error);
      await onAdmitted(started.data);
      return;
    }
    const joined = await client.join(classId);
    if (mine !== attempt) return;
    if (!joined.ok) return abort(joined.error);
    if (joined.data.status === 'admitted') {
      await onAdmitted(joined.data.room);
    } else if (state.phase === 'connecting') {
      // (An admission pushed before this reply has already moved us on.)
      state.phase = 'waiting';
      state.className = joined.data.className;
      state.lessonStarted = joined.data.lessonStarted;
      void prepareDevices(client, mine);
    }
  }

  /** Leaves the lesson or the queue and forgets it. */
  async function leave(): Promise<void> {
    attempt += 1;
    const c = takeClient();
    Object.assign(state, initialLessonState());
    await c?.leave();
  }

  async function endLesson(): Promise<void> {
    if (!client || endingByMe) return;
    endingByMe = true;
    try {
      const reply = await client.end();
      if (state.phase === 'ended') return;
      if (reply.ok) finish('ended-by-me');
      else fail(reply.error);
    } finally {
      endingByMe = false;
    }
  }

  async function lobbyAction(key: string, run: (c: LessonPort) => Promise<Ack<unknown>>) {
    if (!client || state.pending[key]) return;
    state.pending[key] = true;
    try {
      const reply = await run(client);
      if (!reply.ok) fail(reply.error);
    } finally {
      delete state.pending[key];
    }
  }

  const admit = (participantId: string) => lobbyAction(participantId, (c) => c.admit(participantId));
  const deny = (participantId: string) => lobbyAction(participantId, (c) => c.deny(participantId));
  const admitAll = () => lobbyAction('*', (c) => c.admitAll());

  async function toggleDevice(source: 'camera' | 'microphone'): Promise<void> {
    const c = client;
    if (!c || state[source] === 'starting') return;
    const mine = attempt;
    const enable = state[source] !== 'on';
    state[source] = enable ? 'starting' : 'off';
    const next = await c.setDeviceEnabled(source, enable);
    if (mine === attempt && client === c) state[source] = next;
  }

  async function toggleScreen(): Promise<void> {
    const c = client;
    if (!c || state.screen === 'starting') return;
    if (state.screen === 'on') {
      // The local:track push of the stopped screen sets it off.
      await c.stopScreenShare();
      return;
    }
    if (!isTeacher.value) {
      state.notice = 'screen-teacher-only';
      return;
    }
    if (!c.needsScreenSourcePicker()) return shareScreen(null);
    state.screen = 'picking';
    state.screenSources = null;
    const sources = await c.listScreenSources();
    if (state.screen !== 'picking') return;
    if (sources.ok) state.screenSources = sources.data;
    else {
      fail(sources.error);
      state.screen = 'off';
    }
  }

  async function shareScreen(sourceId: string | null): Promise<void> {
    const c = client;
    if (!c) return;
    const mine = attempt;
    state.screen = 'starting';
    state.screenSources = null;
    const reply = await c.startScreenShare(sourceId);
    if (mine !== attempt) return;
    if (!reply.ok) {
      fail(reply.error);
      state.screen = 'off';
    } else {
      state.screen = reply.data === 'started' && state.screenTrack ? 'on' : 'off';
    }
  }

  async function cancelScreenPick(): Promise<void> {
    state.screen = 'off';
    state.screenSources = null;
    await client?.cancelScreenSourcePick();
  }

  function dismissError(code: ErrorCode): void {
    delete state.errors[code];
  }

  function dismissNotice(): void {
    state.notice = null;
  }

  return {
    ...toRefs(state),
    self,
    isTeacher,
    lobbyList,
    tiles,
    withoutVideo,
    audioTracks,
    participantCount,
    errorList,
    enter,
    leave,
    endLesson,
    admit,
    deny,
    admitAll,
    toggleMicrophone: () => toggleDevice('microphone'),
    toggleCamera: () => toggleDevice('camera'),
    toggleScreen,
    shareScreen,
    cancelScreenPick,
    dismissError,
    dismissNotice,
  };
});
