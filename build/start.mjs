// `npm start`: runs the server (embedded SQLite under data/, demo school seeded on first start)
// and opens the desktop app. Where Electron cannot run (no binary and none can be fetched, or no
// display), it serves the web client and prints its address instead.
// `npm run dev` does the same with the Vite dev server (hot reload) in front of the server.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveMediaWorker } from './media-worker/resolve.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dev = process.argv.includes('--dev');
const log = (message) => console.log(`parta: ${message}`);
const children = new Set();

function run(command, args, options = {}) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function buildWebClientIfStale() {
  const built = join(root, 'renderer', 'dist', 'index.html');
  const sources = Math.max(newestMtime(join(root, 'renderer', 'src')), newestMtime(join(root, 'common')));
  if (existsSync(built) && statSync(built).mtimeMs > sources) return;
  log('building the web client');
  const result = spawnSync('npm', ['run', '--silent', 'build:web'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function startServer(env) {
  return new Promise((resolve, reject) => {
    const server = run(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    server.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      const match = /Parta server listening on (\S+)/.exec(chunk.toString());
      if (match) resolve(match[1]);
    });
    server.on('exit', (code) => {
      if (code !== 0) reject(new Error(`the server stopped (exit ${code})`));
      shutdown(code ?? 0);
    });
  });
}

/** Path of a runnable Electron binary, fetching it once if the machine can; null otherwise. */
function electronBinary() {
  const hasDisplay = process.platform !== 'linux' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY;
  if (process.env.PARTA_WEB_ONLY) return null;
  if (!hasDisplay) {
    log('no display (DISPLAY or WAYLAND_DISPLAY is unset), so the desktop app cannot open');
    return null;
  }
  const require = createRequire(import.meta.url);
  const electronDir = dirname(require.resolve('electron/package.json'));
  if (!existsSync(join(electronDir, 'path.txt'))) {
    log('fetching the Electron binary for the desktop app');
    const fetched = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
      cwd: electronDir,
      stdio: 'inherit',
      timeout: 180_000,
    });
    if (fetched.status !== 0) {
      log('the Electron binary could not be fetched');
      return null;
    }
  }
  try {
    return require('electron');
  } catch {
    return null;
  }
}

function shutdown(code) {
  for (const child of children) child.kill('SIGTERM');
  process.exit(code);
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

const worker = resolveMediaWorker(root);
if (!worker) {
  console.error('parta: no media worker found. Run `npm install` first (it builds one if needed).');
  process.exit(1);
}
if (!dev) buildWebClientIfStale();
const serverUrl = await startServer({
  ...process.env,
  MEDIASOUP_WORKER_BIN: worker.path,
  PARTA_WEB_ROOT: process.env.PARTA_WEB_ROOT ?? join(root, 'renderer', 'dist'),
});

const electron = electronBinary();
if (electron) {
  const built = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (built.status === 0) {
    log('opening the desktop app');
    run(electron, ['.'], { env: { ...process.env, PARTA_SERVER_URL: serverUrl } }).on('exit', () =>
      shutdown(0),
    );
  }
} else if (dev) {
  run('npx', ['vite', '--config', 'renderer/vite.config.ts', '--host', '127.0.0.1', '--port', '5173']);
  log('web client (hot reload): http://127.0.0.1:5173');
} else {
  log('open the web client instead:');
  log(`web client: ${serverUrl}`);
}
