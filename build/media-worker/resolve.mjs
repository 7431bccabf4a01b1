// Where the mediasoup worker binary is, in order of preference:
//   1. MEDIASOUP_WORKER_BIN, when set by the operator;
//   2. the prebuilt worker mediasoup downloaded into its own package;
//   3. the worker built from system libraries by build-worker.sh, cached outside the clone.
// Used by the install (build/postinstall.mjs), by the start script (to say early when there is
// none) and by the server (server/src/media/mediasoup.ts), which loads mediasoup with it.
import { accessSync, constants, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function cachedWorkerPath(version) {
  const cacheRoot =
    process.env.PARTA_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'parta');
  return join(cacheRoot, `mediasoup-worker-${version}`, 'mediasoup-worker');
}

/** @returns {{ path: string, origin: string } | null} */
export function resolveMediaWorker(root) {
  const fromEnv = process.env.MEDIASOUP_WORKER_BIN;
  if (fromEnv && executable(fromEnv)) return { path: fromEnv, origin: 'MEDIASOUP_WORKER_BIN' };
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const version = pkg.optionalDependencies.mediasoup;
  const bundled = join(root, 'node_modules', 'mediasoup', 'worker', 'out', 'Release', 'mediasoup-worker');
  if (executable(bundled)) return { path: bundled, origin: 'prebuilt' };
  const cached = cachedWorkerPath(version);
  if (executable(cached)) return { path: cached, origin: 'built from system libraries' };
  return null;
}
