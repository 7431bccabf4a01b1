import { readFile } from 'node:fs/promises';
import { BrowserWindow } from 'electron';
import type { Protocol, WebPreferences } from 'electron';
import { DESKTOP_APP_SCHEME } from '../../common/desktopOrigin.js';
import { appPaths, bundleFileFor, contentTypeOf } from './origins.js';
import type { RendererLocation } from './origins.js';

/**
 * The app window and where its page comes from. Every window is sandboxed and isolated from
 * Node; the page reaches the main process only through the preload's named functions.
 */
function webPreferencesFor(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
  };
}

export function createMainWindow(location: RendererLocation, appPath: string, log: (message: string) => void): BrowserWindow {
  const paths = appPaths(appPath);
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Parta',
    backgroundColor: '#ffffff',
    icon: process.platform === 'linux' ? paths.icon : undefined,
    webPreferences: webPreferencesFor(paths.preload),
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(location.url).catch((error: unknown) => log(`could not load ${location.url}: ${String(error)}`));
  return window;
}

/** Must run before the app is ready: gives the app scheme the rights of a secure web origin. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: DESKTOP_APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true, stream: true },
    },
  ]);
}

/** Serves the renderer build on the app scheme, refusing anything outside its folder. */
export function serveRendererBundle(protocol: Pick<Protocol, 'handle'>, rendererDir: string, csp: string): void {
  protocol.handle(DESKTOP_APP_SCHEME, async (request) => {
    const file = bundleFileFor(request.url, rendererDir);
    if (file === null || request.method !== 'GET') return new Response('Not found', { status: 404 });
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return new Response('Not found', { status: 404 });
    }
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: {
        'Content-Type': contentTypeOf(file),
        'Content-Security-Policy': csp,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      },
    });
  });
}
