// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { captureCameraAndMicrophone, type MediaDevicesLike } from './localMedia.js';

function failure(name: string): Error {
  const error = new Error(name);
  error.name = name;
  return error;
}

function stream(kinds: ('audio' | 'video')[]): MediaStream {
  const tracks = kinds.map((kind) => ({ kind }) as MediaStreamTrack);
  return {
    getVideoTracks: () => tracks.filter((t) => t.kind === 'video'),
    getAudioTracks: () => tracks.filter((t) => t.kind === 'audio'),
  } as unknown as MediaStream;
}

describe('captureCameraAndMicrophone', () => {
  it('asks once and returns both tracks', async () => {
    const getUserMedia = vi.fn(async () => stream(['audio', 'video']));
    const result = await captureCameraAndMicrophone({ getUserMedia });
    expect('track' in result.camera && 'track' in result.microphone).toBe(true);
    expect(getUserMedia).toHaveBeenCalledOnce();
  });

  it('marks both as denied when the user refuses, without asking again', async () => {
    const getUserMedia = vi.fn(async () => {
      throw failure('NotAllowedError');
    });
    const result = await captureCameraAndMicrophone({ getUserMedia });
    expect(result).toEqual({ camera: { state: 'denied' }, microphone: { state: 'denied' } });
    expect(getUserMedia).toHaveBeenCalledOnce();
  });

  it('keeps the microphone when there is no camera', async () => {
    const devices: MediaDevicesLike = {
      getUserMedia: vi.fn(async (constraints?: MediaStreamConstraints) => {
        if (constraints?.video) throw failure('NotFoundError');
        return stream(['audio']);
      }),
    };
    const result = await captureCameraAndMicrophone(devices);
    expect(result.camera).toEqual({ state: 'unavailable' });
    expect('track' in result.microphone).toBe(true);
  });

  it('reports a busy device as failed', async () => {
    const getUserMedia = vi.fn(async () => {
      throw failure('NotReadableError');
    });
    const result = await captureCameraAndMicrophone({ getUserMedia });
    expect(result.camera).toEqual({ state: 'failed' });
  });

  it('copes with a page that has no media devices at all', async () => {
    expect(await captureCameraAndMicrophone(undefined)).toEqual({
      camera: { state: 'unavailable' },
      microphone: { state: 'unavailable' },
    });
  });
});
