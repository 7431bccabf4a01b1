// Stands in for the desktop app's preload in Chromium (the Electron binary cannot run
// everywhere): the same `window.parta` surface as common/ipc.ts, with two screen sources. It
// remembers what the page selected, so a journey can check the renderer's side of the picker.
import type { Page } from '@playwright/test';

const PIXEL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

export async function installDesktopBridge(page: Page): Promise<void> {
  await page.addInitScript((thumbnail) => {
    const selected: (string | null)[] = [];
    Object.assign(window, {
      __selectedSources: selected,
      parta: {
        app: {
          getInfo: async () => ({
            ok: true,
            data: { version: '0.1.0', platform: 'linux', locale: 'en-US', serverUrl: location.origin },
          }),
        },
        screen: {
          listSources: async () => ({
            ok: true,
            data: [
              { id: 'screen:0:0', name: 'Entire screen', kind: 'screen', thumbnail },
              { id: 'window:42:0', name: 'Geometry — slides', kind: 'window', thumbnail },
            ],
          }),
          selectSource: async (id: string | null) => {
            selected.push(id);
            return { ok: true, data: null };
          },
        },
      },
    });
  }, PIXEL);
}

export function selectedSources(page: Page): Promise<(string | null)[]> {
  return page.evaluate(() => (window as unknown as { __selectedSources: (string | null)[] }).__selectedSources);
}
