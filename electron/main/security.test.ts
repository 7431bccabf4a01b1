import { EventEmitter } from 'node:events';
import type { App, Session, Shell, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { installSecurity } from './security.js';

/** Just enough of WebContents to drive the guards the way Electron does. */
class FakeContents extends EventEmitter {
  readonly id: number;
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  constructor(id: number) {
    super();
    this.id = id;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }
  /** Emits an Electron-style event and tells whether a listener prevented it. */
  fire(name: string, fields: Record<string, unknown> = {}): boolean {
    let prevented = false;
    this.emit(name, { ...fields, preventDefault: () => (prevented = true) });
    return prevented;
  }
}

function setup() {
  const app = new EventEmitter();
  const handlers: {
    request?: Parameters<Session['setPermissionRequestHandler']>[0];
    check?: Parameters<Session['setPermissionCheckHandler']>[0];
    headers?: (details: Record<string, unknown>, callback: (response: Record<string, unknown>) => void) => void;
  } = {};
  const session = {
    setPermissionRequestHandler: (h: typeof handlers.request) => (handlers.request = h),
    setPermissionCheckHandler: (h: typeof handlers.check) => (handlers.check = h),
    webRequest: { onHeadersReceived: (h: typeof handlers.headers) => (handlers.headers = h) },
  };
  const openExternal = vi.fn(async () => undefined);
  const appWindow = new FakeContents(1);
  const { csp } = installSecurity(app as unknown as App, session as unknown as Session, { openExternal } as Pick<Shell, 'openExternal'>, {
    appOrigin: 'parta-app://renderer',
    devOrigin: null,
    links: { serverOrigin: 'https://school.example.org', hosts: null },
    isAppContents: (contents) => contents.id === appWindow.id,
    log: () => undefined,
  });
  const created = (contents: FakeContents): FakeContents => {
    app.emit('web-contents-created', {}, contents);
    return contents;
  };
  return { handlers, openExternal, appWindow: created(appWindow), created, csp };
}

describe('guards on every web contents', () => {
  it('refuses every navigation; a followed https link opens in the system browser instead', () => {
    const { appWindow, openExternal } = setup();
    expect(appWindow.fire('will-frame-navigate', { url: 'https://en.wikipedia.org/wiki/Moon', isMainFrame: true })).toBe(true);
    expect(appWindow.fire('will-frame-navigate', { url: 'file:///etc/passwd', isMainFrame: true })).toBe(true);
    expect(appWindow.fire('will-frame-navigate', { url: 'parta-app://renderer/other.html', isMainFrame: true })).toBe(true);
    expect(openExternal.mock.calls).toEqual([['https://en.wikipedia.org/wiki/Moon']]);
  });

  it('never opens a window; allowed links go to the system browser', () => {
    const { appWindow, openExternal } = setup();
    expect(appWindow.openHandler?.({ url: 'https://school.example.org/help' })).toEqual({ action: 'deny' });
    expect(appWindow.openHandler?.({ url: 'smb://attacker.example/share' })).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://school.example.org/help']]);
  });

  it('refuses <webview> and redirects away from our origin, in any web contents', () => {
    const { created } = setup();
    const other = created(new FakeContents(2));
    expect(other.fire('will-attach-webview')).toBe(true);
    expect(other.fire('will-redirect', { url: 'https://evil.example/' })).toBe(true);
    expect(other.fire('will-redirect', { url: 'parta-app://renderer/index.html' })).toBe(false);
  });
});

describe('permissions and CSP through the session', () => {
  it('grants media to the app window only', () => {
    const { handlers, appWindow } = setup();
    const answers: boolean[] = [];
    const details = { isMainFrame: true, requestingUrl: 'parta-app://renderer/index.html' };
    handlers.request!(appWindow as unknown as WebContents, 'media', (granted) => answers.push(granted), details);
    handlers.request!(new FakeContents(2) as unknown as WebContents, 'media', (granted) => answers.push(granted), details);
    handlers.request!(appWindow as unknown as WebContents, 'geolocation', (granted) => answers.push(granted), details);
    expect(answers).toEqual([true, false, false]);
    expect(handlers.check!(appWindow as unknown as WebContents, 'notifications', 'parta-app://renderer', { isMainFrame: true })).toBe(true);
    expect(handlers.check!(null, 'notifications', 'parta-app://renderer', { isMainFrame: true })).toBe(false);
  });

  it('adds the CSP header to our documents and leaves other responses alone', () => {
    const { handlers, csp } = setup();
    const responses: Array<Record<string, unknown>> = [];
    handlers.headers!({ url: 'parta-app://renderer/index.html', resourceType: 'mainFrame', responseHeaders: {} }, (r) => responses.push(r));
    handlers.headers!({ url: 'https://school.example.org/api/me', resourceType: 'xhr', responseHeaders: {} }, (r) => responses.push(r));
    expect(responses).toEqual([{ responseHeaders: { 'Content-Security-Policy': [csp] } }, {}]);
    expect(csp).toContain('connect-src \'self\' https://school.example.org wss://school.example.org');
  });
});
