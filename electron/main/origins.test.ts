import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DESKTOP_APP_ORIGIN } from '../../common/desktopOrigin.js';
import { appPaths, bundleFileFor, contentTypeOf, originOf, rendererLocation } from './origins.js';

describe('renderer location', () => {
  it('loads the packaged files from the app scheme', () => {
    expect(rendererLocation({ isPackaged: true, devServerUrl: 'http://localhost:5173' })).toEqual({
      url: 'parta-app://renderer/index.html',
      origin: DESKTOP_APP_ORIGIN,
      dev: false,
    });
  });

  it('uses the Vite dev server only when unpackaged and on loopback', () => {
    expect(rendererLocation({ isPackaged: false, devServerUrl: 'http://localhost:5173/' })).toEqual({
      url: 'http://localhost:5173/',
      origin: 'http://localhost:5173',
      dev: true,
    });
    expect(rendererLocation({ isPackaged: false, devServerUrl: 'http://evil.example:5173/' }).dev).toBe(false);
    expect(rendererLocation({ isPackaged: false, devServerUrl: 'file:///tmp/index.html' }).dev).toBe(false);
    expect(rendererLocation({ isPackaged: false, devServerUrl: undefined }).dev).toBe(false);
  });
});

describe('build output paths', () => {
  it('finds the build output inside the app folder', () => {
    expect(appPaths('/app')).toEqual({
      preload: join('/app', 'out/preload/index.cjs'),
      rendererDir: join('/app', 'out/renderer'),
      icon: join('/app', 'resources/icon.png'),
    });
  });

});

describe('originOf', () => {
  it('gives scheme and host for web and custom schemes alike', () => {
    expect(originOf('https://school.example.org/a?b')).toBe('https://school.example.org');
    expect(originOf('parta-app://renderer/index.html#/x')).toBe('parta-app://renderer');
    expect(originOf('http://127.0.0.1:3000/')).toBe('http://127.0.0.1:3000');
  });

  it('has no origin for file:, data:, about: or garbage', () => {
    expect(originOf('file:///etc/passwd')).toBeNull();
    expect(originOf('data:text/html,hi')).toBeNull();
    expect(originOf('about:blank')).toBeNull();
    expect(originOf('::')).toBeNull();
  });
});

describe('serving the renderer bundle', () => {
  const root = resolve('/opt/parta/out/renderer');

  it('maps files inside the bundle', () => {
    expect(bundleFileFor('parta-app://renderer/index.html', root)).toBe(join(root, 'index.html'));
    expect(bundleFileFor('parta-app://renderer/assets/index-abc.js?v=1', root)).toBe(join(root, 'assets/index-abc.js'));
  });

  it('answers client-side routes with index.html', () => {
    expect(bundleFileFor('parta-app://renderer/', root)).toBe(join(root, 'index.html'));
    expect(bundleFileFor('parta-app://renderer/lessons/42', root)).toBe(join(root, 'index.html'));
  });

  it('refuses other hosts, schemes and anything escaping the folder', () => {
    expect(bundleFileFor('parta-app://other/index.html', root)).toBeNull();
    expect(bundleFileFor('https://renderer/index.html', root)).toBeNull();
    // Dot segments are resolved by the URL parser at the bundle's root, never above it.
    expect(bundleFileFor('parta-app://renderer/%2e%2e/%2e%2e/main/index.js', root)).toBe(join(root, 'main/index.js'));
    expect(bundleFileFor('parta-app://renderer/assets/..%2f..%2fmain%2findex.js', root)).toBeNull();
    expect(bundleFileFor('parta-app://renderer/a%00.js', root)).toBeNull();
    expect(bundleFileFor('parta-app://renderer/%E0%A4%A.js', root)).toBeNull();
  });

  it('sends scripts as JavaScript (module scripts need it) and unknown files as bytes', () => {
    expect(contentTypeOf('/x/index.js')).toMatch(/^text\/javascript/);
    expect(contentTypeOf('/x/INDEX.HTML')).toMatch(/^text\/html/);
    expect(contentTypeOf('/x/blob.bin')).toBe('application/octet-stream');
  });
});
