import type { DesktopCapturer, DesktopCapturerSource, Session, Streams, WebFrameMain } from 'electron';
import type { ScreenSource } from '../../common/ipc.js';
import { originOf } from './origins.js';
import type { ScreenSelection } from './ScreenSelection.js';

/**
 * Screen sharing through the app's own picker: the page lists sources ('screen:listSources'),
 * the user picks one ('screen:selectSource'), then the page calls getDisplayMedia and the
 * handler here hands over exactly that source. Without a fresh pick the request is denied.
 */
export const THUMBNAIL_SIZE = { width: 320, height: 180 } as const;

export function toScreenSource(source: Pick<DesktopCapturerSource, 'id' | 'name' | 'thumbnail'>): ScreenSource {
  return {
    id: source.id,
    name: source.name,
    kind: source.id.startsWith('screen:') ? 'screen' : 'window',
    thumbnail: source.thumbnail.isEmpty() ? '' : source.thumbnail.toDataURL(),
  };
}

export async function listScreenSources(
  capturer: Pick<DesktopCapturer, 'getSources'>,
  selection: ScreenSelection,
): Promise<ScreenSource[]> {
  const sources = await capturer.getSources({ types: ['screen', 'window'], thumbnailSize: THUMBNAIL_SIZE });
  const listed = sources.filter((source) => source.id.length > 0 && source.id.length <= 200).map(toScreenSource);
  selection.remember(listed);
  return listed;
}

type FrameFacts = Pick<WebFrameMain, 'processId' | 'routingId' | 'url'>;

/** The requesting frame is the main frame of the app window, showing our own page. */
export function isAppFrame(frame: FrameFacts | null, appMainFrame: FrameFacts | null, appOrigin: string): boolean {
  if (!frame || !appMainFrame) return false;
  return (
    frame.processId === appMainFrame.processId &&
    frame.routingId === appMainFrame.routingId &&
    originOf(frame.url) === appOrigin
  );
}

export interface DisplayMediaRequestFacts {
  appFrame: boolean;
  videoRequested: boolean;
  audioRequested: boolean;
}

/** What to grant a getDisplayMedia request, or null to deny it. Takes the pick (once). */
export function grantFor(request: DisplayMediaRequestFacts, selection: ScreenSelection, platform: string): Streams | null {
  if (!request.appFrame || !request.videoRequested) return null;
  const source = selection.take();
  if (!source) return null;
  // System audio can only be captured on Windows, and only with a whole screen.
  const withAudio = request.audioRequested && platform === 'win32' && source.id.startsWith('screen:');
  return withAudio ? { video: source, audio: 'loopback' } : { video: source };
}

export function installDisplayMediaHandler(
  session: Pick<Session, 'setDisplayMediaRequestHandler'>,
  selection: ScreenSelection,
  options: {
    isAppFrame(frame: WebFrameMain | null): boolean;
    platform: string;
    log(message: string): void;
  },
): void {
  session.setDisplayMediaRequestHandler((request, callback) => {
    let appFrame = false;
    try {
      appFrame = options.isAppFrame(request.frame);
    } catch {
      // The frame went away while the request was pending.
    }
    const streams = grantFor(
      { appFrame, videoRequested: request.videoRequested, audioRequested: request.audioRequested },
      selection,
      options.platform,
    );
    if (!streams) options.log('screen share denied: no fresh pick from the app window');
    callback(streams);
  });
}
