import type { App, Session, Shell, WebContents } from 'electron';
import { originOf } from './origins.js';
import { buildCsp, externalLinkTarget, isPermissionGranted, needsCsp, withCspHeader } from './securityPolicy.js';
import type { ExternalLinkRules } from './securityPolicy.js';

/**
 * Wires the decisions of securityPolicy.ts to Electron. Every web contents the app ever creates
 * gets the same guards: no navigation, no new windows, no <webview>. Links the user follows
 * leave for the system browser when the allow-list says so, and are dropped otherwise.
 */
export interface SecurityOptions {
  appOrigin: string;
  devOrigin: string | null;
  links: ExternalLinkRules;
  /** True for the web contents of the app's own window. */
  isAppContents(contents: WebContents): boolean;
  log(message: string): void;
}

export function installSecurity(
  app: Pick<App, 'on'>,
  session: Session,
  shell: Pick<Shell, 'openExternal'>,
  options: SecurityOptions,
): { csp: string } {
  const openExternally = (url: string): void => {
    const target = externalLinkTarget(url, options.links);
    if (target === null) {
      options.log(`refused to open ${describe(url)}`);
      return;
    }
    shell.openExternal(target).catch((error: unknown) => options.log(`could not open a link: ${String(error)}`));
  };

  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, options, openExternally));

  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    callback(
      isPermissionGranted(
        {
          permission,
          requestingUrl: details.requestingUrl,
          isMainFrame: details.isMainFrame,
          fromAppWindow: options.isAppContents(contents),
        },
        options.appOrigin,
      ),
    );
  });
  session.setPermissionCheckHandler((contents, permission, requestingOrigin, details) =>
    isPermissionGranted(
      {
        permission,
        requestingUrl: details.requestingUrl ?? requestingOrigin,
        isMainFrame: details.isMainFrame,
        fromAppWindow: contents !== null && options.isAppContents(contents),
      },
      options.appOrigin,
    ),
  );

  const csp = buildCsp({ serverOrigin: options.links.serverOrigin, devOrigin: options.devOrigin });
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!needsCsp(details, options.appOrigin)) {
      callback({});
      return;
    }
    callback({ responseHeaders: withCspHeader(details.responseHeaders, csp) });
  });
  return { csp };
}

function guardWebContents(contents: WebContents, options: SecurityOptions, openExternally: (url: string) => void): void {
  contents.on('will-frame-navigate', (event) => {
    event.preventDefault();
    if (event.isMainFrame) openExternally(event.url);
  });
  contents.on('will-redirect', (event) => {
    // Loads the app starts itself may be redirected within its own origin; nothing else.
    if (originOf(event.url) !== options.appOrigin) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    options.log('refused to attach a <webview>');
  });
}

/** Where a link led, without its query or fragment (which may hold tokens), for the log. */
function describe(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return 'an unparseable URL';
  }
}
