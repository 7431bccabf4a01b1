import { describe, expect, it } from 'vitest';
import { buildCsp, externalLinkTarget, isPermissionGranted, needsCsp, withCspHeader } from './securityPolicy.js';

const rules = { serverOrigin: 'http://10.0.0.5:3000', hosts: null };

describe('external links', () => {
  it('sends https links to the system browser', () => {
    expect(externalLinkTarget('https://en.wikipedia.org/wiki/Photosynthesis', rules)).toBe(
      'https://en.wikipedia.org/wiki/Photosynthesis',
    );
  });

  it('allows plain http only for the school server itself', () => {
    expect(externalLinkTarget('http://10.0.0.5:3000/files/42', rules)).toBe('http://10.0.0.5:3000/files/42');
    expect(externalLinkTarget('http://example.org/', rules)).toBeNull();
  });

  it.each([
    'file:///C:/Windows/System32/calc.exe',
    'javascript:alert(1)',
    'ms-msdt:/id PCWDiagnostic',
    'smb://attacker.example/share',
    'parta-app://renderer/index.html',
    'data:text/html,<script>alert(1)</script>',
    'https://user:secret@example.org/',
    'not a url',
  ])('drops %s', (url) => {
    expect(externalLinkTarget(url, rules)).toBeNull();
  });

  it('honours a host allow-list, subdomains included, lookalikes not', () => {
    const listed = { ...rules, hosts: ['example.org'] };
    expect(externalLinkTarget('https://example.org/a', listed)).toBe('https://example.org/a');
    expect(externalLinkTarget('https://docs.example.org/a', listed)).toBe('https://docs.example.org/a');
    expect(externalLinkTarget('https://evil-example.org/a', listed)).toBeNull();
    expect(externalLinkTarget('https://example.org.evil.net/a', listed)).toBeNull();
    expect(externalLinkTarget('http://10.0.0.5:3000/help', listed)).toBe('http://10.0.0.5:3000/help');
  });
});

describe('permissions', () => {
  const appOrigin = 'parta-app://renderer';
  const ask = (permission: string, overrides: Partial<Parameters<typeof isPermissionGranted>[0]> = {}) =>
    isPermissionGranted(
      { permission, requestingUrl: 'parta-app://renderer/index.html', isMainFrame: true, fromAppWindow: true, ...overrides },
      appOrigin,
    );

  it('grants camera, microphone, screen capture and notifications to our own page', () => {
    expect(ask('media')).toBe(true);
    expect(ask('display-capture')).toBe(true);
    expect(ask('notifications')).toBe(true);
    expect(ask('media', { requestingUrl: 'parta-app://renderer' })).toBe(true);
  });

  it('refuses every other permission', () => {
    for (const permission of ['geolocation', 'openExternal', 'clipboard-read', 'hid', 'usb', 'serial', 'midiSysex', 'unknown']) {
      expect(ask(permission)).toBe(false);
    }
  });

  it('refuses other origins, subframes and other web contents', () => {
    expect(ask('media', { requestingUrl: 'https://school.example.org/' })).toBe(false);
    expect(ask('media', { requestingUrl: 'file:///tmp/x.html' })).toBe(false);
    expect(ask('media', { isMainFrame: false })).toBe(false);
    expect(ask('media', { fromAppWindow: false })).toBe(false);
  });
});

describe('content security policy', () => {
  const directive = (csp: string, name: string): string[] =>
    csp
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .find(([key]) => key === name)
      ?.slice(1) ?? [];

  it('lets the page connect to itself and the configured server (http and ws) only', () => {
    const csp = buildCsp({ serverOrigin: 'https://school.example.org' });
    expect(directive(csp, 'connect-src')).toEqual(["'self'", 'https://school.example.org', 'wss://school.example.org']);
    expect(directive(csp, 'script-src')).toEqual(["'self'"]);
    expect(directive(csp, 'object-src')).toEqual(["'none'"]);
    expect(directive(csp, 'frame-ancestors')).toEqual(["'none'"]);
    expect(directive(csp, 'base-uri')).toEqual(["'none'"]);
    expect(csp).not.toContain('unsafe-eval');
  });

  it('adds the dev server and its hot-reload socket while developing', () => {
    const csp = buildCsp({ serverOrigin: 'http://127.0.0.1:3000', devOrigin: 'http://localhost:5173' });
    expect(directive(csp, 'connect-src')).toEqual([
      "'self'",
      'http://127.0.0.1:3000',
      'ws://127.0.0.1:3000',
      'http://localhost:5173',
      'ws://localhost:5173',
    ]);
  });

  it('is added to our documents only', () => {
    const origin = 'http://localhost:5173';
    expect(needsCsp({ url: 'http://localhost:5173/', resourceType: 'mainFrame' }, origin)).toBe(true);
    expect(needsCsp({ url: 'http://localhost:5173/src/main.ts', resourceType: 'script' }, origin)).toBe(false);
    expect(needsCsp({ url: 'http://127.0.0.1:3000/api/me', resourceType: 'mainFrame' }, origin)).toBe(false);
  });

  it('keeps a policy the response already has, so ours can only narrow it', () => {
    const headers = withCspHeader({ 'content-security-policy': ["default-src 'self'"], 'Content-Type': 'text/html' }, 'x');
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': ["default-src 'self'", 'x'] });
    expect(withCspHeader(undefined, 'x')).toEqual({ 'Content-Security-Policy': ['x'] });
  });
});
