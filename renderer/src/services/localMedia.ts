import type { DeviceState } from './lessonPort.js';

export type CaptureOutcome = { track: MediaStreamTrack } | { state: Exclude<DeviceState, 'on' | 'off'> };

export type MediaDevicesLike = Pick<MediaDevices, 'getUserMedia'>;

export interface CapturedDevices {
  camera: CaptureOutcome;
  microphone: CaptureOutcome;
}

export function captureState(outcome: CaptureOutcome): DeviceState {
  return 'track' in outcome ? 'on' : outcome.state;
}

export function stopCaptured(captured: CapturedDevices): void {
  for (const outcome of [captured.camera, captured.microphone]) if ('track' in outcome) outcome.track.stop();
}

const VIDEO: MediaTrackConstraints = {
  width: { ideal: 640 },
  height: { ideal: 360 },
  frameRate: { ideal: 15, max: 15 },
};
const AUDIO: MediaTrackConstraints = { echoCancellation: true, noiseSuppression: true, autoGainControl: true };

/** Why a capture failed, in the terms the UI explains to the user. */
export function classifyCaptureError(error: unknown): Exclude<DeviceState, 'on' | 'off'> {
  const name = error instanceof Error || (typeof error === 'object' && error !== null && 'name' in error)
    ? String((error as { name: unknown }).name)
    : '';
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError') return 'unavailable';
  return 'failed';
}

export async function captureOne(
  devices: MediaDevicesLike | undefined,
  source: 'camera' | 'microphone',
): Promise<CaptureOutcome> {
  if (!devices) return { state: 'unavailable' };
  try {
    const stream = await devices.getUserMedia(source === 'camera' ? { video: VIDEO } : { audio: AUDIO });
    const track = source === 'camera' ? stream.getVideoTracks()[0] : stream.getAudioTracks()[0];
    return track ? { track } : { state: 'unavailable' };
  } catch (error) {
    return { state: classifyCaptureError(error) };
  }
}

/**
 * Asks for camera and microphone in one prompt; when that fails for a reason other than a
 * refusal (say, no camera), tries each on its own so a missing camera keeps the microphone.
 */
export async function captureCameraAndMicrophone(devices: MediaDevicesLike | undefined): Promise<CapturedDevices> {
  if (!devices) return { camera: { state: 'unavailable' }, microphone: { state: 'unavailable' } };
  try {
    const stream = await devices.getUserMedia({ video: VIDEO, audio: AUDIO });
    const video = stream.getVideoTracks()[0];
    const audio = stream.getAudioTracks()[0];
    return {
      camera: video ? { track: video } : { state: 'unavailable' },
      microphone: audio ? { track: audio } : { state: 'unavailable' },
    };
  } catch (error) {
    const state = classifyCaptureError(error);
    if (state === 'denied') return { camera: { state }, microphone: { state } };
    const microphone = await captureOne(devices, 'microphone');
    const camera = await captureOne(devices, 'camera');
    return { camera, microphone };
  }
}
