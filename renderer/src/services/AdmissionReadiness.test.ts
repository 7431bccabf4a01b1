// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { producer } from '../test/fakes.js';
import { AdmissionReadiness } from './AdmissionReadiness.js';
import type { MediaDevicesLike } from './localMedia.js';

function cameraAndMicrophone() {
  const stops = { video: vi.fn(), audio: vi.fn() };
  const track = (kind: 'video' | 'audio') => ({ kind, stop: stops[kind] }) as unknown as MediaStreamTrack;
  const devices: MediaDevicesLike = {
    getUserMedia: vi.fn(async () => ({
      getVideoTracks: () => [track('video')],
      getAudioTracks: () => [track('audio')],
    })) as unknown as MediaDevicesLike['getUserMedia'],
  };
  return { devices, stops };
}

describe('AdmissionReadiness', () => {
  it('captures once while waiting and hands the capture over once', async () => {
    const { devices } = cameraAndMicrophone();
    const readiness = new AdmissionReadiness();
    await readiness.capture(devices);
    await readiness.capture(devices);
    expect(devices.getUserMedia).toHaveBeenCalledOnce();
    const taken = await readiness.takeCapture();
    expect(taken && 'track' in taken.camera).toBe(true);
    expect(await readiness.takeCapture()).toBeUndefined();
  });

  it('stops a capture nobody took when cleared (leaving the queue, being denied)', async () => {
    const { devices, stops } = cameraAndMicrophone();
    const readiness = new AdmissionReadiness();
    await readiness.capture(devices);
    readiness.clear();
    await vi.waitFor(() => expect(stops.video).toHaveBeenCalled());
    expect(stops.audio).toHaveBeenCalled();
  });

  it('keeps producers announced before the media session was ready, without doubles or withdrawn ones', () => {
    const readiness = new AdmissionReadiness();
    readiness.announce(producer({ producerId: 'cam', participantId: 't' }));
    readiness.announce(producer({ producerId: 'gone', participantId: 't' }));
    readiness.withdraw('gone');
    const snapshot = [producer({ producerId: 'cam', participantId: 't' }), producer({ producerId: 'mic', participantId: 't' })];
    expect(readiness.producersWith(snapshot).map((p) => p.producerId)).toEqual(['cam', 'mic']);
    expect(readiness.producersWith([])).toEqual([]);
  });

  it('prepares the media device only once the lesson’s capabilities are known', () => {
    const readiness = new AdmissionReadiness();
    readiness.prepareDevice(null);
    expect(readiness.device).toBeNull();
    readiness.prepareDevice({ codecs: [] });
    expect(readiness.device?.capabilities).toBe(JSON.stringify({ codecs: [] }));
  });
});
