import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '../../common/ipc.js';

/**
 * The composition root against a stand-in Electron: the order of the steps before `ready`,
 * what is installed once ready, and the IPC doors as the page would knock on them.
 */
function fakeElectron(options: { gotLock: boolean }) {
  const calls: string[] = [];
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    enableSandbox: () => calls.push('enableSandbox'),
    setPath: (name: string, path: string) => calls.push(`setPath ${name} ${path}`),
    requestSingleInstanceLock: () => (calls.push('requestSingleInstanceLock'), options.gotLock),
    quit: vi.fn(() => calls.push('quit')),
    whenReady: () => Promise.resolve().then(() => calls.push('ready')),
    isReady: () => true,
    getAppPath: () => '/opt/parta/resources/app.asar',
    getVersion: () => '0.1.0',
    getLocale: () => 'ru',
  });
  const ipcHandlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  const windows: FakeWindow[] = [];
  class FakeWindow extends EventEmitter {
    readonly webContents = { id: 11, mainFrame: { processId: 3, routingId: 1, url: 'parta-app://renderer/index.html' } };
    readonly loaded: string[] = [];
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      super();
      windows.push(this);
      calls.push('new BrowserWindow');
    }
    loadURL(url: string): Promise<void> {
      this.loaded.push(url);
      return Promise.resolve();
    }
    isDestroyed = () => false;
    isMinimized = () => false;
    restore = vi.fn();
    focus = vi.fn();
    show = vi.fn();
    static getAllWindows = () => windows;
  }
  const session = {
    setPermissionRequestHandler: () => calls.push('setPermissionRequestHandler'),
    setPermissionCheckHandler: () => calls.push('setPermissionCheckHandler'),
    setDisplayMediaRequestHandler: () => calls.push('setDisplayMediaRequestHandler'),
    webRequest: { onHeadersReceived: () => calls.push('onHeadersReceived') },
  };
  return {
    calls,
    windows,
    ipcHandlers,
    module: {
      app,
      BrowserWindow: FakeWindow,
      desktopCapturer: { getSources: async () => [] },
      ipcMain: {
        handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => Promise<unknown>) => ipcHandlers.set(channel, handler),
        removeHandler: (channel: string) => ipcHandlers.delete(channel),
      },
      protocol: {
        registerSchemesAsPrivileged: () => calls.push('registerSchemesAsPrivileged'),
        handle: (scheme: string) => calls.push(`protocol.handle ${scheme}`),
      },
      session: { defaultSession: session },
      shell: { openExternal: vi.fn(async () => undefined) },
    },
  };
}

async function boot(options: { gotLock: boolean }, env: Record<string, string> = {}) {
  vi.resetModules();
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  const electron = fakeElectron(options);
  vi.doMock('electron', () => electron.module);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  await import('./index.js');
  if (options.gotLock) await vi.waitFor(() => expect(electron.windows).toHaveLength(1));
  return electron;
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.doUnmock('electron');
  vi.restoreAllMocks();
});

describe('main process start', () => {
  it('sandboxes every renderer and registers the app scheme before ready, then opens one window', async () => {
    const electron = await boot({ gotLock: true }, { PARTA_PROFILE_DIR: '/tmp/parta-test-profile', ELECTRON_RENDERER_URL: '' });
    const order = electron.calls;
    expect(order.slice(0, 4)).toEqual([
      'setPath userData /tmp/parta-test-profile',
      'enableSandbox',
      'registerSchemesAsPrivileged',
      'requestSingleInstanceLock',
    ]);
    expect(order.indexOf('ready')).toBeLessThan(order.indexOf('new BrowserWindow'));
    for (const step of ['setPermissionRequestHandler', 'setPermissionCheckHandler', 'onHeadersReceived', 'setDisplayMediaRequestHandler', 'protocol.handle parta-app']) {
      expect(order, step).toContain(step);
      expect(order.indexOf(step), step).toBeLessThan(order.indexOf('new BrowserWindow'));
    }
    expect(electron.windows).toHaveLength(1);
    expect(electron.windows[0]?.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(electron.windows[0]?.loaded).toEqual(['parta-app://renderer/index.html']);
    expect([...electron.ipcHandlers.keys()].sort()).toEqual([...ipcChannels].sort());
  });

  it('answers the app window over IPC and refuses anyone else', async () => {
    const electron = await boot({ gotLock: true }, { PARTA_SERVER_URL: 'https://school.example.org' });
    const getInfo = electron.ipcHandlers.get('app:getInfo')!;
    const fromApp = { sender: { id: 11 }, senderFrame: { url: 'parta-app://renderer/index.html', parent: null } };
    await expect(getInfo(fromApp)).resolves.toEqual({
      ok: true,
      data: { version: '0.1.0', platform: process.platform, locale: 'ru', serverUrl: 'https://school.example.org' },
    });
    const fromElsewhere = { sender: { id: 12 }, senderFrame: { url: 'parta-app://renderer/index.html', parent: null } };
    await expect(getInfo(fromElsewhere)).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const select = electron.ipcHandlers.get('screen:selectSource')!;
    await expect(select(fromApp, 'screen:0:0')).resolves.toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await expect(select(fromApp, { id: 1 })).resolves.toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('quits when the last window closes, except on macOS', async () => {
    const electron = await boot({ gotLock: true });
    electron.module.app.emit('window-all-closed');
    expect(electron.module.app.quit).toHaveBeenCalledTimes(process.platform === 'darwin' ? 0 : 1);
  });

  it('focuses the running window when started a second time', async () => {
    const electron = await boot({ gotLock: true });
    electron.module.app.emit('second-instance');
    expect(electron.windows[0]?.focus).toHaveBeenCalled();
  });

  it('leaves at once when another instance already runs', async () => {
    const electron = await boot({ gotLock: false });
    expect(electron.module.app.quit).toHaveBeenCalled();
    expect(electron.windows).toHaveLength(0);
    expect(electron.ipcHandlers.size).toBe(0);
  });
});
