import { describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '../../common/ipc.js';
import type { PartaBridge } from '../../common/ipc.js';

const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, data: null })),
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
  ipcRenderer: { invoke: electron.invoke, send: vi.fn(), on: vi.fn() },
}));

await import('./index.js');
const bridge = electron.exposed.get('parta') as PartaBridge;

describe('window.parta', () => {
  it('is the only thing exposed, with the app and screen groups of named functions only', () => {
    expect([...electron.exposed.keys()]).toEqual(['parta']);
    expect(Object.keys(bridge).sort()).toEqual(['app', 'screen']);
    expect(Object.keys(bridge.app)).toEqual(['getInfo']);
    expect(Object.keys(bridge.screen).sort()).toEqual(['listSources', 'selectSource']);
    const values = [...Object.values(bridge.app), ...Object.values(bridge.screen)];
    for (const value of values) expect(typeof value).toBe('function');
  });

  it('calls each channel of the contract through one named function', async () => {
    electron.invoke.mockClear();
    await bridge.app.getInfo();
    await bridge.screen.listSources();
    await bridge.screen.selectSource('screen:0:0');
    await bridge.screen.selectSource(null);
    expect(electron.invoke.mock.calls).toEqual([
      ['app:getInfo'],
      ['screen:listSources'],
      ['screen:selectSource', 'screen:0:0'],
      ['screen:selectSource', null],
    ]);
    expect(new Set(electron.invoke.mock.calls.map(([channel]) => channel))).toEqual(new Set(ipcChannels));
  });

  it('passes the main process Ack through unchanged', async () => {
    electron.invoke.mockResolvedValueOnce({ ok: false, error: { code: 'FORBIDDEN', message: 'no' } });
    await expect(bridge.screen.listSources()).resolves.toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'no' } });
  });

  it('resolves to UNAVAILABLE instead of throwing when the main process does not answer', async () => {
    electron.invoke.mockRejectedValueOnce(new Error("No handler registered for 'app:getInfo'"));
    await expect(bridge.app.getInfo()).resolves.toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });
});
