// The desktop app as a user starts it: the built main process, preload and renderer in real
// Electron, with a fresh profile. Runs where the Electron binary is installed; elsewhere (its
// download is blocked on some machines) every test here is skipped with the reason.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, expect, test } from '@playwright/test';
import type { ElectronApplication, Page } from '@playwright/test';
import type { PartaBridge } from '../../common/ipc.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Where the Electron executable is, or null. Does what the electron package's index.js does to
 * find it, without requiring that file: it starts a download when the binary is missing.
 */
function electronExecutable(): string | null {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const executable = override ? join(override, relative || 'electron') : relative ? join(packageDir, 'dist', relative) : null;
  return executable && existsSync(executable) ? executable : null;
}

function skipReason(executable: string | null): string | null {
  if (executable === null) {
    return 'the Electron binary is not installed (node_modules/electron has no dist/ or path.txt: its download failed or was skipped)';
  }
  if (process.platform === 'linux' && !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY']) {
    return 'Electron needs a display: run the Electron project under xvfb-run';
  }
  return null;
}

type AppWindow = Window & { parta?: PartaBridge; require?: unknown; process?: unknown };

const executable = electronExecutable();
const reason = skipReason(executable);

test.describe('desktop app @electron', () => {
  // Skipped, with the reason printed, where the desktop app cannot run: no Electron binary
  // (its download failed or was skipped, as on machines that reach only the npm registry) or,
  // on Linux, no display. Everywhere else these journeys run.
  test.skip(reason !== null, reason ?? '');

  let app: ElectronApplication;
  let page: Page;
  let profile: string;

  test.beforeAll(async () => {
    // The desktop app is built only where it can run (the web journeys use renderer/dist).
    execFileSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
    profile = mkdtempSync(join(tmpdir(), 'parta-electron-'));
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) {
      // The packaged page, not a dev server, is what is tested.
      if (value !== undefined && key !== 'ELECTRON_RENDERER_URL') env[key] = value;
    }
    env['PARTA_PROFILE_DIR'] = profile;
    if (process.env['PARTA_E2E_URL']) env['PARTA_SERVER_URL'] = process.env['PARTA_E2E_URL'];
    const args = [root];
    // Chromium refuses to start as root with its OS sandbox (CI containers); the renderer
    // sandbox of the app (no Node, isolated preload) is what this spec checks.
    if (process.getuid?.() === 0) args.unshift('--no-sandbox');
    app = await _electron.launch({ executablePath: executable!, args, cwd: root, env });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    // Links that would leave the app are recorded instead of opening a real browser.
    await app.evaluate(({ shell }) => {
      const opened: string[] = [];
      (globalThis as { openedExternally?: string[] }).openedExternally = opened;
      shell.openExternal = async (url: string) => {
        opened.push(url);
      };
    });
  });

  test.afterAll(async () => {
    await app?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  test('the page runs sandboxed and isolated, with only the named bridge @electron', async () => {
    const surface = await page.evaluate(() => {
      const w = window as AppWindow;
      return {
        require: typeof w.require,
        process: typeof w.process,
        bridge: Object.keys(w.parta ?? {}).sort(),
        app: Object.keys(w.parta?.app ?? {}).sort(),
        screen: Object.keys(w.parta?.screen ?? {}).sort(),
        origin: location.origin,
      };
    });
    expect(surface).toEqual({
      require: 'undefined',
      process: 'undefined',
      bridge: ['app', 'screen'],
      app: ['getInfo'],
      screen: ['listSources', 'selectSource'],
      origin: 'parta-app://renderer',
    });

    const info = await page.evaluate(() => (window as AppWindow).parta!.app.getInfo());
    expect(info.ok).toBe(true);
    const refused = await page.evaluate(() => (window as AppWindow).parta!.screen.selectSource(42 as unknown as string));
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  test('navigating away or opening windows is refused; https links go to the system browser @electron', async () => {
    const before = page.url();
    await page.evaluate(() => {
      location.href = 'https://example.org/elsewhere';
    });
    await page.evaluate(() => {
      location.href = 'file:///etc/passwd';
    });
    const popup = await page.evaluate(() => window.open('https://example.org/popup') === null);
    await expect.poll(() => app.evaluate(() => (globalThis as { openedExternally?: string[] }).openedExternally)).toEqual([
      'https://example.org/elsewhere',
      'https://example.org/popup',
    ]);
    expect(popup).toBe(true);
    expect(page.url()).toBe(before);
    expect(app.windows()).toHaveLength(1);
  });

  test('shows the sign-in screen @electron', async () => {
    await expect(page.locator('input[name="login"]')).toBeVisible();
    await expect(page.locator('input[name="password"]')).toBeVisible();
    await expect(page.locator('button[type="submit"]')).toBeVisible();
  });
});
