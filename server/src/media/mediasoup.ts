import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Mediasoup from 'mediasoup';
import { resolveMediaWorker } from '../../../build/media-worker/resolve.mjs';

export type MediasoupModule = typeof Mediasoup;
export type { types as ms } from 'mediasoup';

const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

let loading: Promise<MediasoupModule> | undefined;

/**
 * mediasoup reads MEDIASOUP_WORKER_BIN once, when its module loads. So the module is loaded
 * here, lazily, after pointing that variable at the worker the install found or built (the
 * same lookup `npm start` does), which lets `tsx server/src/main.ts` run on its own.
 */
export function loadMediasoup(): Promise<MediasoupModule> {
  loading ??= (async () => {
    if (!process.env.MEDIASOUP_WORKER_BIN) {
      const found = resolveMediaWorker(repositoryRoot);
      if (found) process.env.MEDIASOUP_WORKER_BIN = found.path;
    }
    const mediasoup = await import('mediasoup');
    return mediasoup;
  })();
  return loading;
}
