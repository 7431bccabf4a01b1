import { wsOriginOf } from './config.js';
import { originOf } from './origins.js';

/**
 * The security decisions of the main process as plain functions, so they are tested without
 * Electron. security.ts wires them to Electron's events and handlers.
 */

export interface ExternalLinkRules {
  /** The school server may be linked over http too (a server on the local network). */
  serverOrigin: string;
  /** https hosts (with their subdomains) allowed to open; null allows any https host. */
  hosts: string[] | null;
}

/**
 * The allow-list for links the user follows out of the app: the URL to hand to the system
 * browser, or null to drop it. Only https (and the configured server's own origin) passes;
 * never file:, custom protocol handlers, javascript: or URLs carrying credentials.
 */
export function externalLinkTarget(url: string, rules: ExternalLinkRules): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.username !== '' || parsed.password !== '') return null;
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  if (originOf(parsed.href) === rules.serverOrigin) return parsed.href;
  if (parsed.protocol !== 'https:') return null;
  if (rules.hosts === null) return parsed.href;
  const host = parsed.hostname.toLowerCase();
  const allowed = rules.hosts.some((entry) => host === entry || host.endsWith(`.${entry}`));
  return allowed ? parsed.href : null;
}

/** The only powers the page may ask for; everything else (geolocation, usb, ...) is refused. */
const GRANTED_PERMISSIONS: readonly string[] = ['media', 'display-capture', 'notifications'];

export interface PermissionFacts {
  permission: string;
  /** The URL of the frame asking (request handler) or its origin (check handler). */
  requestingUrl: string;
  isMainFrame: boolean;
  /** The request comes from the app's own window, not some other web contents. */
  fromAppWindow: boolean;
}

export function isPermissionGranted(facts: PermissionFacts, appOrigin: string): boolean {
  return (
    facts.fromAppWindow &&
    facts.isMainFrame &&
    originOf(facts.requestingUrl) === appOrigin &&
    GRANTED_PERMISSIONS.includes(facts.permission)
  );
}

export interface CspOptions {
  serverOrigin: string;
  /** The Vite dev server's origin while developing: its hot-reload socket must connect. */
  devOrigin?: string | null;
}

/**
 * The Content-Security-Policy of the app's page. Scripts come from the app itself only; the
 * network reaches the app and the configured school server (http and its ws twin) and nothing
 * else; no plugins, frames, form posts or <base> rewrites.
 */
export function buildCsp(options: CspOptions): string {
  const server = options.serverOrigin;
  const connect = ["'self'", server, wsOriginOf(server)];
  if (options.devOrigin) connect.push(options.devOrigin, wsOriginOf(options.devOrigin));
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:', 'blob:', server]],
    ['media-src', ["'self'", 'blob:', 'mediastream:', server]],
    ['font-src', ["'self'", 'data:']],
    ['connect-src', unique(connect)],
    ['worker-src', ["'self'", 'blob:']],
    ['object-src', ["'none'"]],
    ['frame-src', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
  ];
  return directives.map(([name, values]) => `${name} ${values.join(' ')}`).join('; ');
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** The header is added to documents of our own origin only (not to the API's responses). */
export function needsCsp(details: { url: string; resourceType: string }, appOrigin: string): boolean {
  return (
    (details.resourceType === 'mainFrame' || details.resourceType === 'subFrame') &&
    originOf(details.url) === appOrigin
  );
}

/**
 * Adds our policy to a response's headers. A policy the response already carries stays: the
 * browser enforces every policy it gets, so ours can only narrow what is allowed.
 */
export function withCspHeader(
  headers: Record<string, string[] | string> | undefined,
  csp: string,
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  const existing: string[] = [];
  for (const [name, value] of Object.entries(headers ?? {})) {
    const values = Array.isArray(value) ? value : [value];
    if (name.toLowerCase() === 'content-security-policy') existing.push(...values);
    else result[name] = values;
  }
  result['Content-Security-Policy'] = [...existing, csp];
  return result;
}
