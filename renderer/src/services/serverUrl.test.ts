// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { PartaBridge } from '../../../common/ipc.js';
import { resolveServerUrl } from './serverUrl.js';

function bridge(serverUrl: string | null): PartaBridge {
  return {
    app: {
      getInfo: async () =>
        serverUrl === null
          ? { ok: false, error: { code: 'UNAVAILABLE', message: 'x' } }
          : { ok: true, data: { version: '0.1.0', platform: 'linux', locale: 'ru', serverUrl } },
    },
    screen: {
      listSources: async () => ({ ok: true, data: [] }),
      selectSource: async () => ({ ok: true, data: null }),
    },
  };
}

const web = { origin: 'https://school.example', protocol: 'https:' };
const app = { origin: 'parta-app://renderer', protocol: 'parta-app:' };

describe('resolveServerUrl', () => {
  it('uses the page origin in a browser', async () => {
    expect(await resolveServerUrl(null, web)).toBe('https://school.example');
  });

  it('uses the configured server in the desktop app', async () => {
    expect(await resolveServerUrl(bridge('https://lessons.school.example/'), app)).toBe('https://lessons.school.example');
  });

  it('refuses to guess when the desktop app gives no server and the page has no web origin', async () => {
    await expect(resolveServerUrl(bridge(null), app)).rejects.toThrow();
    await expect(resolveServerUrl(bridge('javascript:alert(1)'), app)).rejects.toThrow();
  });
});
