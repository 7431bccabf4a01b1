import { extname, join, resolve, sep } from 'node:path';
import { DESKTOP_APP_HOST, DESKTOP_APP_ORIGIN, DESKTOP_APP_SCHEME } from '../../common/desktopOrigin.js';

/**
 * Where the renderer comes from. A packaged app serves the built files (out/renderer) from its
 * own privileged scheme, so the page has a real origin of its own instead of file:// (whose
 * extra privileges the grantFileProtocolExtraPrivileges fuse turns off). In development the
 * page comes from the Vite dev server instead.
 */
export interface RendererLocation {
  /** What the window loads first. */
  url: string;
  /** The only origin treated as our own page (IPC senders, permissions, CSP). */
  origin: string;
  dev: boolean;
}

/**
 * scheme://host[:port] of a URL, also for custom schemes (where URL#origin is the opaque
 * "null"); null for anything unparseable or without a host (file:, data:, about:).
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.host === '') return null;
  return `${parsed.protocol}//${parsed.host}`;
}

/** The dev server URL counts only when the app runs unpackaged and it is a loopback http URL. */
export function rendererLocation(options: { isPackaged: boolean; devServerUrl: string | undefined }): RendererLocation {
  const devUrl = options.isPackaged ? undefined : options.devServerUrl;
  if (devUrl) {
    const origin = originOf(devUrl);
    const host = origin ? new URL(devUrl).hostname : '';
    if (origin && /^https?:$/.test(new URL(devUrl).protocol) && isLoopback(host)) {
      return { url: devUrl, origin, dev: true };
    }
  }
  return { url: `${DESKTOP_APP_ORIGIN}/index.html`, origin: DESKTOP_APP_ORIGIN, dev: false };
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** The build output inside the app folder (the asar archive once packaged). */
export function appPaths(appPath: string): { preload: string; rendererDir: string; icon: string } {
  return {
    preload: join(appPath, 'out', 'preload', 'index.cjs'),
    rendererDir: join(appPath, 'out', 'renderer'),
    icon: join(appPath, 'resources', 'icon.png'),
  };
}

/**
 * Maps a request on the app scheme to a file inside the renderer build folder, or null when it
 * must be refused (another host, a path escaping the folder). Paths without an extension are
 * client-side routes and get index.html.
 */
export function bundleFileFor(requestUrl: string, rendererDir: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${DESKTOP_APP_SCHEME}:` || url.host !== DESKTOP_APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const relative = pathname === '/' || extname(pathname) === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = resolve(rendererDir);
  const file = resolve(root, relative);
  if (!file.startsWith(root + sep)) return null;
  return file;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.webm': 'video/webm',
  '.wasm': 'application/wasm',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}
