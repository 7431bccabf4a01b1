// `npm start`: runs the server (embedded SQLite under data/, demo school seeded on first start)
// and opens the desktop app. Where Electron cannot run (no binary and none can be fetched, or no
// display), it serves the web client and prints its address instead.
// `npm run dev` does the same with the Vite dev server (hot reload) serving the page, to the
// desktop app or the browser.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveMediaWorker } from './media-worker/resolve.mjs';
import { spawnServer } from './serverProcess.mjs';

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

function startServer() {
  const { child, listening } = spawnServer(root, {}, (chunk, stream) =>
    (stream === 'stdout' ? process.stdout : process.stderr).write(chunk),
  );
  children.add(child);
  child.on('exit', (code) => shutdown(code ?? 0));
  return listening;
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

if (!resolveMediaWorker(root)) {
  console.error('parta: no media worker found. Run `npm install` first (it builds one if needed).');
  process.exit(1);
}
if (!dev) buildWebClientIfStale();
const serverUrl = await startServer();
const devUrl = 'http://127.0.0.1:5173';
if (dev) run('npx', ['vite', '--config', 'renderer/vite.config.ts', '--host', '127.0.0.1', '--port', '5173']);

/** Builds and opens the desktop app; false when it cannot. */
function openDesktopApp(electron) {
  const built = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) {
    log('the desktop app did not build (see above)');
    return false;
  }
  log('opening the desktop app');
  // In dev the page and its API calls both go through the Vite dev server (it proxies the API
  // and the socket to the server), so the page stays on one origin.
  const page = dev ? { ELECTRON_RENDERER_URL: devUrl, PARTA_SERVER_URL: devUrl } : { PARTA_SERVER_URL: serverUrl };
  const env = { ...process.env, ...page };
  run(electron, ['.'], { env }).on('exit', () => shutdown(0));
  return true;
}

const electron = electronBinary();
if (!electron || !openDesktopApp(electron)) {
  log('open the web client instead:');
  log(dev ? `web client (hot reload): ${devUrl}` : `web client: ${serverUrl}`);
}
