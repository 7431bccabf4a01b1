import { appInfoSchema, type PartaBridge } from '../../../common/ipc.js';

/**
 * Where the Parta server lives: in Electron the server URL the desktop app was configured
 * with (the page itself loads from a local file); in a browser the page's own origin.
 */
export async function resolveServerUrl(
  bridge: PartaBridge | null,
  location: Pick<Location, 'origin' | 'protocol'>,
): Promise<string> {
  if (bridge) {
    try {
      const reply = await bridge.app.getInfo();
      if (reply.ok) {
        const info = appInfoSchema.safeParse(reply.data);
        if (info.success && /^https?:\/\//i.test(info.data.serverUrl)) {
          return info.data.serverUrl.replace(/\/+$/, '');
        }
      }
    } catch {
      // fall through to the page origin
    }
  }
  if (location.protocol === 'http:' || location.protocol === 'https:') return location.origin;
  throw new Error('No server address: the desktop app did not give one and the page has no web origin.');
}

/** Resolves once and remembers the answer (a failed resolution is retried next time). */
export function memoizeServerUrl(resolve: () => Promise<string>): () => Promise<string> {
  let pending: Promise<string> | null = null;
  return () => {
    pending ??= resolve().catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
}
