import type { DesktopCapturer, DesktopCapturerSource, NativeImage, Session, Streams } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { screenSourceSchema } from '../../common/ipc.js';
import { ScreenSelection } from './ScreenSelection.js';
import { THUMBNAIL_SIZE, grantFor, installDisplayMediaHandler, isAppFrame, listScreenSources, toScreenSource } from './screenShare.js';

function image(dataUrl: string | null): NativeImage {
  return { isEmpty: () => dataUrl === null, toDataURL: () => dataUrl ?? '' } as unknown as NativeImage;
}

function source(id: string, name: string, thumbnail = image('data:image/png;base64,iVBORw0KGgo=')): DesktopCapturerSource {
  return { id, name, thumbnail, display_id: '', appIcon: image(null) } as DesktopCapturerSource;
}

describe('listing screens and windows', () => {
  it('asks for screens and windows with small thumbnails and maps them to the contract', async () => {
    const getSources = vi.fn(async () => [source('screen:0:0', 'Entire screen'), source('window:42:0', 'Slides', image(null))]);
    const selection = new ScreenSelection();
    const listed = await listScreenSources({ getSources } as Pick<DesktopCapturer, 'getSources'>, selection);
    expect(getSources).toHaveBeenCalledWith({ types: ['screen', 'window'], thumbnailSize: THUMBNAIL_SIZE });
    expect(listed).toEqual([
      { id: 'screen:0:0', name: 'Entire screen', kind: 'screen', thumbnail: 'data:image/png;base64,iVBORw0KGgo=' },
      { id: 'window:42:0', name: 'Slides', kind: 'window', thumbnail: '' },
    ]);
    for (const item of listed) expect(screenSourceSchema.parse(item)).toEqual(item);
    // The listing is what the user may pick from.
    expect(() => selection.select('window:42:0')).not.toThrow();
  });

  it('leaves out sources whose id the contract would refuse', async () => {
    const getSources = async () => [source('', 'nameless'), source(`window:${'9'.repeat(300)}:0`, 'long'), source('screen:1:0', 'Screen 2')];
    const listed = await listScreenSources({ getSources } as Pick<DesktopCapturer, 'getSources'>, new ScreenSelection());
    expect(listed.map((s) => s.id)).toEqual(['screen:1:0']);
  });

  it('maps one source', () => {
    expect(toScreenSource(source('window:1:1', 'Parta')).kind).toBe('window');
  });
});

describe('granting getDisplayMedia', () => {
  const request = { appFrame: true, videoRequested: true, audioRequested: false };
  const picked = () => {
    const selection = new ScreenSelection();
    selection.remember([
      { id: 'screen:0:0', name: 'Entire screen' },
      { id: 'window:42:0', name: 'Slides' },
    ]);
    return selection;
  };

  it('grants exactly the picked source, then nothing until the next pick', () => {
    const selection = picked();
    selection.select('window:42:0');
    expect(grantFor(request, selection, 'linux')).toEqual({ video: { id: 'window:42:0', name: 'Slides' } });
    expect(grantFor(request, selection, 'linux')).toBeNull();
  });

  it('denies without a pick, for another frame, or without video', () => {
    expect(grantFor(request, picked(), 'linux')).toBeNull();
    const selection = picked();
    selection.select('screen:0:0');
    expect(grantFor({ ...request, appFrame: false }, selection, 'linux')).toBeNull();
    expect(grantFor({ ...request, videoRequested: false }, selection, 'linux')).toBeNull();
    // Those refusals did not use up the pick.
    expect(grantFor(request, selection, 'linux')).not.toBeNull();
  });

  it('adds system audio only on Windows for a whole screen', () => {
    const withAudio = { ...request, audioRequested: true };
    const on = (platform: string, id: string) => {
      const selection = picked();
      selection.select(id);
      return grantFor(withAudio, selection, platform);
    };
    expect(on('win32', 'screen:0:0')).toEqual({ video: { id: 'screen:0:0', name: 'Entire screen' }, audio: 'loopback' });
    expect(on('win32', 'window:42:0')).toEqual({ video: { id: 'window:42:0', name: 'Slides' } });
    expect(on('darwin', 'screen:0:0')).toEqual({ video: { id: 'screen:0:0', name: 'Entire screen' } });
  });

  it('recognises the app window main frame by process, routing id and origin', () => {
    const main = { processId: 4, routingId: 1, url: 'parta-app://renderer/index.html' };
    expect(isAppFrame(main, main, 'parta-app://renderer')).toBe(true);
    expect(isAppFrame({ ...main, routingId: 2 }, main, 'parta-app://renderer')).toBe(false);
    expect(isAppFrame({ ...main, url: 'https://evil.example/' }, { ...main, url: 'https://evil.example/' }, 'parta-app://renderer')).toBe(false);
    expect(isAppFrame(null, main, 'parta-app://renderer')).toBe(false);
    expect(isAppFrame(main, null, 'parta-app://renderer')).toBe(false);
  });

  it('answers every request through the session handler, denying with null', () => {
    let handler: Parameters<Session['setDisplayMediaRequestHandler']>[0] = null;
    const session = { setDisplayMediaRequestHandler: (h: typeof handler) => (handler = h) };
    const selection = picked();
    const log = vi.fn();
    installDisplayMediaHandler(session as Pick<Session, 'setDisplayMediaRequestHandler'>, selection, {
      isAppFrame: () => true,
      platform: 'linux',
      log,
    });
    const answers: Array<Streams | null> = [];
    const ask = () =>
      handler!({ frame: null, securityOrigin: 'parta-app://renderer', videoRequested: true, audioRequested: false, userGesture: true }, (s) =>
        answers.push(s),
      );
    ask();
    selection.select('screen:0:0');
    ask();
    expect(answers).toEqual([null, { video: { id: 'screen:0:0', name: 'Entire screen' } }]);
    expect(log).toHaveBeenCalledTimes(1);
  });
});
