// Points the server's tests at the media worker the install found or built
// (see build/media-worker/resolve.mjs), exactly as `npm start` does.
import { resolveMediaWorker } from '../media-worker/resolve.mjs';

export default function setup(): void {
  const found = resolveMediaWorker(process.cwd());
  if (!found) {
    throw new Error('No mediasoup worker: run `npm install` (it builds one from system libraries).');
  }
  process.env.MEDIASOUP_WORKER_BIN = found.path;
}
