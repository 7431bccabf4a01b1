import { app, BrowserWindow, desktopCapturer, ipcMain, protocol, session, shell } from 'electron';
import type { WebContents } from 'electron';
import { loadAppConfig } from './config.js';
import { registerIpcHandlers } from './ipc.js';
import { createIpcDispatcher, isTrustedSender } from './ipcDispatch.js';
import type { IpcHandlers } from './ipcDispatch.js';
import { appPaths, rendererLocation } from './origins.js';
import { ScreenSelection } from './ScreenSelection.js';
import { installDisplayMediaHandler, isAppFrame, listScreenSources } from './screenShare.js';
import { installSecurity } from './security.js';
import { createMainWindow, registerAppScheme, serveRendererBundle } from './window.js';

/**
 * The composition root of the main process: one instance, one window, every guard installed
 * before the first page loads. The logic lives in the modules it wires together.
 */
const log = (message: string): void => console.warn(`parta: ${message}`);

const { config, problems } = loadAppConfig(process.env);
for (const problem of problems) log(`ignored configuration from ${problem.source}: ${problem.message}`);
if (config.profileDir) app.setPath('userData', config.profileDir);

// Before `ready`: a sandbox for every renderer and the app's own scheme.
app.enableSandbox();
registerAppScheme(protocol);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start();
}

function start(): void {
  const location = rendererLocation({
    isPackaged: app.isPackaged,
    devServerUrl: process.env['ELECTRON_RENDERER_URL'],
  });
  const selection = new ScreenSelection();
  let mainWindow: BrowserWindow | null = null;

  /** The live app window's page; null before the window opens and after it is gone. */
  const appContents = (): WebContents | null =>
    mainWindow !== null && !mainWindow.isDestroyed() ? mainWindow.webContents : null;
  const isAppContents = (contents: WebContents): boolean => contents.id === appContents()?.id;

  const handlers: IpcHandlers = {
    'app:getInfo': () => ({
      version: app.getVersion(),
      platform: process.platform,
      locale: app.getLocale(),
      serverUrl: config.serverUrl,
    }),
    'screen:listSources': () => listScreenSources(desktopCapturer, selection),
    'screen:selectSource': (sourceId) => {
      selection.select(sourceId);
      return null;
    },
  };

  const openWindow = (): BrowserWindow => {
    const window = createMainWindow(location, app.getAppPath(), log);
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    mainWindow = window;
    return window;
  };

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) openWindow();
  });

  app
    .whenReady()
    .then(() => {
      const ses = session.defaultSession;
      const { csp } = installSecurity(app, ses, shell, {
        appOrigin: location.origin,
        devOrigin: location.dev ? location.origin : null,
        links: { serverOrigin: config.serverOrigin, hosts: config.externalLinkHosts },
        isAppContents,
        log,
      });
      if (!location.dev) serveRendererBundle(protocol, appPaths(app.getAppPath()).rendererDir, csp);
      installDisplayMediaHandler(ses, selection, {
        isAppFrame: (frame) => {
          const contents = appContents();
          return contents !== null && isAppFrame(frame, contents.mainFrame, location.origin);
        },
        platform: process.platform,
        log,
      });
      const dispatch = createIpcDispatcher(handlers, {
        isTrusted: (sender) =>
          isTrustedSender(sender, {
            webContentsId: appContents()?.id ?? null,
            appOrigin: location.origin,
          }),
        log,
      });
      registerIpcHandlers(ipcMain, dispatch);
      openWindow();
    })
    .catch((error: unknown) => {
      log(`could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      app.quit();
    });
}
