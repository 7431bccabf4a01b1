// Runs after `npm install`. Makes sure the two packages whose own install downloads a binary
// from outside the npm registry are usable on every machine:
//  - mediasoup: its prebuilt media worker is used where the download worked; otherwise the
//    worker is built from the system's libraries (build/media-worker/build-worker.sh), cached
//    outside the clone, and mediasoup is installed again pointing MEDIASOUP_WORKER_BIN at it.
//  - electron: where its binary could not be downloaded, the package is installed without it
//    (types and build tools still work; `npm start` then serves the web client).
// Both are optional dependencies, so a failed download never aborts `npm install`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cachedWorkerPath, resolveMediaWorker } from './media-worker/resolve.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const wanted = { ...pkg.dependencies, ...pkg.devDependencies, ...pkg.optionalDependencies };
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
const reinstall = ['mediasoup', 'electron'].filter((name) => !installed(name));
if (reinstall.length > 0) {
  log(`installing ${reinstall.join(', ')} without downloads from outside the npm registry`);
  execFileSync(
    'npm',
    ['install', '--no-save', '--no-audit', '--no-fund', ...reinstall.map((n) => `${n}@${wanted[n]}`)],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, MEDIASOUP_WORKER_BIN: workerPath, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
    },
  );
}
