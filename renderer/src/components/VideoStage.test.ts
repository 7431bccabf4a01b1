// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { arrangeTiles, type PersonCard, type VideoTile } from '../stores/lessonState.js';
import { fakeTrack, participant } from '../test/fakes.js';
import { flush, mount } from '../test/mount.js';
import VideoStage from './VideoStage.vue';

let view: ReturnType<typeof mount> | null = null;
afterEach(() => view?.unmount());

function tile(overrides: Partial<VideoTile> & Pick<VideoTile, 'producerId' | 'name'>): VideoTile {
  return {
    participantId: `p-${overrides.name}`,
    source: 'camera',
    isHost: false,
    track: fakeTrack(),
    cameraOff: false,
    micOff: false,
    ...overrides,
  };
}

const gleb: PersonCard = { ...participant({ id: 'p9', name: 'Gleb' }), micOff: false };

function render(tiles: VideoTile[], withoutVideo = [gleb]) {
  const { spotlight, gallery } = arrangeTiles(tiles);
  view = mount(VideoStage, { spotlight, gallery, withoutVideo, selfTrack: null, cameraState: 'on' });
  return view;
}

describe('VideoStage', () => {
  it('shows the teacher large and the students smaller, with the contract attributes', () => {
    const view = render([
      tile({ producerId: 'v2', name: 'Anna' }),
      tile({ producerId: 'v1', name: 'Olga Petrovna', isHost: true }),
    ]);
    const big = view.find('.spotlight video[data-testid=video-tile]');
    expect(big?.dataset.participantName).toBe('Olga Petrovna');
    expect(big?.dataset.host).toBe('true');
    expect(big?.dataset.source).toBe('camera');
    const small = view.findAll('.gallery video[data-testid=video-tile]');
    expect(small.map((v) => v.dataset.participantName)).toEqual(['Anna']);
    expect(small[0]?.dataset.host).toBe('false');
  });

  it('gives a shared screen the largest place and moves the teacher camera aside', () => {
    const view = render([
      tile({ producerId: 'v1', name: 'Olga Petrovna', isHost: true }),
      tile({ producerId: 's1', name: 'Olga Petrovna', isHost: true, source: 'screen' }),
    ]);
    expect(view.find('.spotlight video')?.dataset.source).toBe('screen');
    expect(view.find('.gallery video[data-testid=video-tile]')?.dataset.source).toBe('camera');
  });

  it('always has a muted, mirrored preview of my camera and a card for those without video', () => {
    const view = render([]);
    const preview = view.find('video[data-testid=self-preview]') as HTMLVideoElement;
    expect(preview.muted).toBe(true);
    expect(preview.classList.contains('mirrored')).toBe(true);
    expect(view.host.textContent).toContain('Gleb');
    expect(view.findAll('video[data-testid=video-tile]')).toHaveLength(0);
  });

  it('shows the initial and "Camera off" instead of the last frame of a camera turned off', async () => {
    const view = render([tile({ producerId: 'v1', name: 'anna', cameraOff: true }), tile({ producerId: 'v2', name: 'Boris' })]);
    const [anna, boris] = view.findAll('video[data-testid=video-tile]');
    expect(anna?.dataset.cameraOff).toBe('true');
    expect(boris?.dataset.cameraOff).toBe('false');
    const annaTile = anna?.closest('figure');
    expect(annaTile?.querySelector('.avatar')?.textContent).toBe('A');
    expect(annaTile?.textContent).toContain('Camera off');
    expect(boris?.closest('figure')?.textContent).not.toContain('Camera off');

    // Turned on again: the video shows, the label goes.
    view.props.gallery = [tile({ producerId: 'v1', name: 'anna' })];
    await flush();
    const again = view.find('video[data-testid=video-tile]');
    expect(again?.dataset.cameraOff).toBe('false');
    expect(again?.closest('figure')?.textContent).not.toContain('Camera off');
  });

  it('marks a muted microphone next to the name, on video tiles and on name cards', () => {
    const view = render(
      [tile({ producerId: 'v1', name: 'Anna', micOff: true }), tile({ producerId: 'v2', name: 'Boris' })],
      [{ ...gleb, micOff: true }, { ...participant({ id: 'p8', name: 'Dina' }), micOff: false }],
    );
    const muted = view.findAll('[role=img][aria-label="Microphone off"]');
    expect(muted.map((mark) => mark.closest('figcaption')?.querySelector('.tile-name')?.textContent)).toEqual(['Anna', 'Gleb']);
  });
});
