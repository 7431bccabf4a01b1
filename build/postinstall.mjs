// Runs after `npm install`. mediasoup's own install downloads a prebuilt media worker from
// outside the npm registry. Where that works, its worker is used. Where it fails, mediasoup (an
// optional dependency, so the failure never aborts `npm install`) is dropped by npm; then the
// worker is built from the system's libraries (build/media-worker/build-worker.sh), cached
// outside the clone, and mediasoup is installed again with MEDIASOUP_WORKER_BIN pointing at it.
// (Electron needs nothing here: its binary is fetched on first use; build/start.mjs handles it.)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cachedWorkerPath, resolveMediaWorker } from './media-worker/resolve.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const wanted = pkg.optionalDependencies;
const log = (message) => console.log(`parta: ${message}`);

function installed(name) {
  return existsSync(join(root, 'node_modules', name, 'package.json'));
}

function ensureMediaWorker() {
  const found = resolveMediaWorker(root);
  if (found) {
    log(`media worker: ${found.path} (${found.origin})`);
    return found.path;
  }
  log('no prebuilt media worker could be downloaded; building it from system libraries');
  const script = join(root, 'build', 'media-worker', 'build-worker.sh');
  const result = spawnSync('bash', [script, wanted.mediasoup, cachedWorkerPath(wanted.mediasoup)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    console.error('parta: the media worker is missing, so live lessons cannot run.');
    console.error('parta: install the packages named above, then run `npm install` again.');
    process.exit(1);
  }
  const path = result.stdout.trim().split('\n').at(-1);
  log(`media worker built: ${path}`);
  return path;
}

const workerPath = ensureMediaWorker();
if (!installed('mediasoup')) {
  log('installing mediasoup with the media worker above');
  execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', `mediasoup@${wanted.mediasoup}`], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, MEDIASOUP_WORKER_BIN: workerPath },
  });
}
