import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindowConstructorOptions, Protocol } from 'electron';
import { afterAll, describe, expect, it, vi } from 'vitest';

// The Electron package cannot load outside Electron: stand in for the one class window.ts uses.
const created = vi.hoisted(() => [] as Array<{ options: BrowserWindowConstructorOptions; loaded: string[] }>);
vi.mock('electron', () => ({
  BrowserWindow: class {
    readonly loaded: string[] = [];
    constructor(readonly options: BrowserWindowConstructorOptions) {
      created.push(this);
    }
    once(): void {}
    loadURL(url: string): Promise<void> {
      this.loaded.push(url);
      return Promise.resolve();
    }
  },
}));

const { createMainWindow, registerAppScheme, serveRendererBundle } = await import('./window.js');

describe('the app window', () => {
  it('is sandboxed, isolated, without Node, with web security, loading the preload from the build', () => {
    createMainWindow({ url: 'parta-app://renderer/index.html', origin: 'parta-app://renderer', dev: false }, '/opt/parta/app.asar', () => undefined);
    const window = created.at(-1)!;
    expect(window.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: join('/opt/parta/app.asar', 'out', 'preload', 'index.cjs'),
    });
    expect(window.options.show).toBe(false);
    expect(window.loaded).toEqual(['parta-app://renderer/index.html']);
  });

  it('registers its scheme as a secure standard origin', () => {
    const registerSchemesAsPrivileged = vi.fn();
    registerAppScheme({ registerSchemesAsPrivileged });
    expect(registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'parta-app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
  });
});

describe('serving the renderer build', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parta-renderer-'));
  mkdirSync(join(dir, 'out', 'renderer', 'assets'), { recursive: true });
  writeFileSync(join(dir, 'out', 'renderer', 'index.html'), '<!doctype html><title>Parta</title>');
  writeFileSync(join(dir, 'out', 'renderer', 'assets', 'index.js'), 'export {}');
  writeFileSync(join(dir, 'out', 'secret.txt'), 'outside');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  let handler: ((request: Request) => Promise<Response>) | null = null;
  const protocol = { handle: (_scheme: string, h: typeof handler) => (handler = h) } as unknown as Pick<Protocol, 'handle'>;
  serveRendererBundle(protocol, join(dir, 'out', 'renderer'), "default-src 'self'");
  const get = (url: string, method = 'GET') => handler!(new Request(url, { method }));

  it('serves the page with our CSP and the right types', async () => {
    const page = await get('parta-app://renderer/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(await page.text()).toContain('<title>Parta</title>');
    const script = await get('parta-app://renderer/assets/index.js');
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers client-side routes with the page and refuses the rest', async () => {
    expect(await (await get('parta-app://renderer/lessons/42')).text()).toContain('Parta');
    expect((await get('parta-app://renderer/missing.js')).status).toBe(404);
    expect((await get('parta-app://renderer/..%2fsecret.txt')).status).toBe(404);
    expect((await get('parta-app://other/index.html')).status).toBe(404);
    expect((await get('parta-app://renderer/index.html', 'POST')).status).toBe(404);
  });
});
