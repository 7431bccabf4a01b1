import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Configuration } from 'app-builder-lib';
// electron-builder's own loader and schema check, exactly as its CLI runs them.
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { describe, expect, it } from 'vitest';
import { loadConfigFromFile } from 'electron-vite';
import { appPaths } from './main/origins.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const readJson = <T>(path: string): T => JSON.parse(readFileSync(join(root, path), 'utf8')) as T;
const pkg = readJson<{
  main: string;
  type: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}>('package.json');

// electron.vite.config.ts as electron-vite's CLI loads it.
const electronViteConfig = (await loadConfigFromFile({ command: 'build', mode: 'production' }, join(root, 'electron.vite.config.ts'))).config;
const config: Configuration = await getConfig(root, join(root, 'electron-builder.yml'), null);
const quietLogger = { isEnabled: false, data: new Map(), add: () => undefined, save: async () => undefined };

function targetsOf(platform: Configuration['win'] | Configuration['mac'] | Configuration['linux']): Array<{ target: string; arch: string[] }> {
  const raw = platform?.target;
  const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
  return list.map((entry) =>
    typeof entry === 'string' ? { target: entry, arch: [] } : { target: entry.target, arch: [entry.arch ?? []].flat().map(String) },
  );
}

function filePatterns(): string[] {
  const files = [config.files ?? []].flat();
  return files.flatMap((entry) => (typeof entry === 'string' ? [entry] : [entry?.filter ?? []].flat()));
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own configuration check', async () => {
    await expect(validateConfiguration(structuredClone(config), quietLogger)).resolves.toBeUndefined();
  });

  it('is checked for real: an invalid fuse value is refused', async () => {
    const broken = { ...structuredClone(config), electronFuses: { runAsNode: 'no' } } as unknown as Configuration;
    await expect(validateConfiguration(broken, quietLogger)).rejects.toThrow(/runAsNode/);
  });

  it('names the app and pins the Electron version that is installed', () => {
    expect(config.appId).toBe('org.parta.app');
    expect(config.productName).toBe('Parta');
    expect(config.directories?.output).toBe('dist');
    expect(config.electronVersion).toBe(pkg.devDependencies['electron']);
    expect(config.electronVersion).toBe(readJson<{ version: string }>('node_modules/electron/package.json').version);
  });

  it('sets every Electron fuse explicitly', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
    // onlyLoadAppFromAsar and the integrity check need the archive.
    expect(config.asar).toBe(true);
  });

  it('packs the build output and resources, never sources, tests or maps', () => {
    const patterns = filePatterns();
    expect(patterns).toEqual(expect.arrayContaining(['out/**', 'package.json', 'resources/**']));
    expect(patterns).toEqual(
      expect.arrayContaining([
        '!**/*.{ts,mts,cts,tsx,vue,map}',
        '!**/*.test.*',
        '!{electron,renderer,server,common,e2e,bench,docs,build}/**',
      ]),
    );
    const included = patterns.filter((pattern) => !pattern.startsWith('!'));
    expect(included.sort()).toEqual(['out/**', 'package.json', 'resources/**']);
    expect(config.asarUnpack).toEqual(['**/node_modules/better-sqlite3/**']);
  });

  it('builds msi (per machine) and nsis, a universal dmg, AppImage and deb', () => {
    expect(targetsOf(config.win).map((t) => t.target)).toEqual(['msi', 'nsis']);
    expect(config.msi?.perMachine).toBe(true);
    expect(config.msi?.upgradeCode).toMatch(/^[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}$/);
    expect(targetsOf(config.mac)).toEqual([{ target: 'dmg', arch: ['universal'] }]);
    expect(config.mac?.hardenedRuntime).toBe(true);
    expect(targetsOf(config.linux).map((t) => t.target)).toEqual(['AppImage', 'deb']);
  });

  it('keeps every package the main process loads at runtime in the app', () => {
    // The main build leaves dependencies external: each must be a runtime dependency and
    // must not be caught by an exclusion in the file list.
    const excluded = filePatterns().filter((p) => p.startsWith('!**/node_modules/'));
    const sources = readdirSync(join(root, 'electron/main')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const packages = new Set<string>();
    for (const file of sources) {
      const text = readFileSync(join(root, 'electron/main', file), 'utf8');
      for (const [, spec] of text.matchAll(/^import (?!type )[^;]*?from '([^'.][^']*)';/gms)) {
        if (spec === 'electron' || spec!.startsWith('node:')) continue;
        packages.add(spec!.startsWith('@') ? spec!.split('/').slice(0, 2).join('/') : spec!.split('/')[0]!);
      }
    }
    expect([...packages]).toContain('zod');
    for (const name of packages) {
      expect(pkg.dependencies, `${name} must be a runtime dependency`).toHaveProperty([name]);
      for (const pattern of excluded) expect(pattern.includes(`/${name}/`) || pattern.includes(`${name},`)).toBe(false);
    }
  });
});

describe('build output the app and the installers rely on', () => {
  type LibOptions = { formats?: string[]; fileName?: string | ((format: string, entry: string) => string) };
  const lib = (side: 'main' | 'preload'): LibOptions => electronViteConfig[side]?.build?.lib as LibOptions;
  const fileOf = (options: LibOptions, format: string): string =>
    typeof options.fileName === 'function' ? options.fileName(format, 'index') : String(options.fileName);

  it('emits the main process where package.json "main" points, as an ES module', () => {
    expect(pkg.type).toBe('module');
    expect(lib('main').formats).toEqual(['es']);
    expect(`out/main/${fileOf(lib('main'), 'es')}`).toBe(pkg.main);
  });

  it('emits the preload as CommonJS where the window loads it (a sandbox cannot run ESM preloads)', () => {
    expect(lib('preload').formats).toEqual(['cjs']);
    const emitted = join('/app', 'out/preload', fileOf(lib('preload'), 'cjs'));
    expect(emitted).toBe(appPaths('/app').preload);
    expect(basename(emitted)).toBe('index.cjs');
  });

  it('gives the sandboxed preload nothing to require but electron', () => {
    const visit = (file: string, seen = new Set<string>()): Set<string> => {
      if (seen.has(file)) return seen;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const [, spec] of text.matchAll(/^import (?!type )[^;]*?from '([^']+)';/gms)) {
        if (spec!.startsWith('.')) visit(resolve(dirname(file), spec!.replace(/\.js$/, '.ts')), seen);
        else seen.add(`package:${spec}`);
      }
      return seen;
    };
    const packages = [...visit(join(root, 'electron/preload/index.ts'))].filter((s) => s.startsWith('package:'));
    expect(packages).toEqual(['package:electron']);
  });
});
