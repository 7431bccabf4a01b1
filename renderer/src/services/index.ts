import { ApiClient } from './ApiClient.js';
import { failure } from './appError.js';
import { getBridge } from './bridge.js';
import type { Services } from './registry.js';
import { memoizeServerUrl, resolveServerUrl } from './serverUrl.js';

/** The real services of the app: HTTP and socket to the server found from the bridge or the page. */
export function createServices(): Services {
  const bridge = getBridge();
  const serverUrl = memoizeServerUrl(() => resolveServerUrl(bridge, window.location));
  return {
    bridge,
    storage: window.localStorage,
    api: new ApiClient({ baseUrl: serverUrl }),
    connectLesson: async ({ token }) => {
      let url: string;
      try {
        url = await serverUrl();
      } catch (error) {
        return failure('UNAVAILABLE', String(error));
      }
      // Loaded on first use: socket.io and mediasoup-client are only needed in a lesson.
      const { LessonClient } = await import('./LessonClient.js');
      return LessonClient.connect({ url, token, bridge });
    },
  };
}
