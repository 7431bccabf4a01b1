import { describe, expect, it, vi } from 'vitest';
import { DomainError } from '../../common/errors.js';
import { ipcChannels } from '../../common/ipc.js';
import type { IpcChannel } from '../../common/ipc.js';
import { createIpcDispatcher, isTrustedSender } from './ipcDispatch.js';
import type { IpcHandlers, SenderFacts } from './ipcDispatch.js';

const appOrigin = 'parta-app://renderer';
const ours: SenderFacts = { webContentsId: 7, frame: { url: 'parta-app://renderer/index.html#/classes', isMainFrame: true } };

function handlers(overrides: Partial<IpcHandlers> = {}): IpcHandlers {
  return {
    'app:getInfo': () => ({ version: '0.1.0', platform: 'linux', locale: 'ru', serverUrl: 'http://127.0.0.1:3000' }),
    'screen:listSources': () => [],
    'screen:selectSource': () => null,
    ...overrides,
  };
}

function dispatcher(h: IpcHandlers = handlers()) {
  const log = vi.fn();
  const dispatch = createIpcDispatcher(h, { isTrusted: (s) => isTrustedSender(s, { webContentsId: 7, appOrigin }), log });
  return { dispatch, log };
}

describe('IPC sender check', () => {
  it('trusts only the main frame of the app window showing our page', () => {
    const trusted = { webContentsId: 7, appOrigin };
    expect(isTrustedSender(ours, trusted)).toBe(true);
    expect(isTrustedSender({ ...ours, webContentsId: 8 }, trusted)).toBe(false);
    expect(isTrustedSender({ webContentsId: 7, frame: { url: ours.frame!.url, isMainFrame: false } }, trusted)).toBe(false);
    expect(isTrustedSender({ webContentsId: 7, frame: { url: 'https://evil.example/', isMainFrame: true } }, trusted)).toBe(false);
    expect(isTrustedSender({ webContentsId: 7, frame: null }, trusted)).toBe(false);
    expect(isTrustedSender(ours, { webContentsId: null, appOrigin })).toBe(false);
  });
});

describe('IPC dispatch', () => {
  it('answers a valid call from the app with ok', async () => {
    const { dispatch } = dispatcher();
    await expect(dispatch('app:getInfo', ours, [])).resolves.toEqual({
      ok: true,
      data: { version: '0.1.0', platform: 'linux', locale: 'ru', serverUrl: 'http://127.0.0.1:3000' },
    });
  });

  it('passes parsed arguments to the handler', async () => {
    const select = vi.fn(() => null);
    const { dispatch } = dispatcher(handlers({ 'screen:selectSource': select }));
    await expect(dispatch('screen:selectSource', ours, ['screen:0:0'])).resolves.toEqual({ ok: true, data: null });
    await expect(dispatch('screen:selectSource', ours, [null])).resolves.toEqual({ ok: true, data: null });
    expect(select.mock.calls).toEqual([['screen:0:0'], [null]]);
  });

  it.each<[IpcChannel, unknown[]]>([
    ['screen:selectSource', []],
    ['screen:selectSource', [42]],
    ['screen:selectSource', ['']],
    ['screen:selectSource', ['x'.repeat(201)]],
    ['screen:selectSource', ['screen:0:0', 'extra']],
    ['app:getInfo', [{ evil: true }]],
  ])('refuses bad arguments to %s %j with BAD_REQUEST without calling the handler', async (channel, args) => {
    const spy = vi.fn(() => null);
    const { dispatch } = dispatcher(handlers({ 'screen:selectSource': spy, 'app:getInfo': spy as never }));
    const reply = await dispatch(channel, ours, args);
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error.code).toBe('BAD_REQUEST');
    expect(spy).not.toHaveBeenCalled();
  });

  it('refuses a caller outside the app window with FORBIDDEN', async () => {
    const spy = vi.fn(() => []);
    const { dispatch, log } = dispatcher(handlers({ 'screen:listSources': spy }));
    const reply = await dispatch('screen:listSources', { webContentsId: 99, frame: ours.frame }, []);
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(spy).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalled();
  });

  it('refuses a channel outside the contract', async () => {
    const { dispatch } = dispatcher();
    const reply = await dispatch('shell:openPath' as IpcChannel, ours, ['/']);
    expect(reply).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('turns a domain error into its code and anything else into INTERNAL, never a throw', async () => {
    const { dispatch, log } = dispatcher(
      handlers({
        'screen:selectSource': () => {
          throw new DomainError('NOT_FOUND', 'gone');
        },
        'screen:listSources': async () => {
          throw new Error('capturer crashed');
        },
      }),
    );
    await expect(dispatch('screen:selectSource', ours, ['window:1:0'])).resolves.toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'gone' },
    });
    const reply = await dispatch('screen:listSources', ours, []);
    expect(reply).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(reply)).not.toContain('capturer crashed');
    expect(log.mock.calls.join('\n')).toContain('capturer crashed');
  });

  it('does not pass on a result outside the contract', async () => {
    const { dispatch } = dispatcher(handlers({ 'screen:listSources': () => [{ id: 'x' }] as never }));
    await expect(dispatch('screen:listSources', ours, [])).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('has a handler type covering every channel of the contract', () => {
    expect(Object.keys(handlers()).sort()).toEqual([...ipcChannels].sort());
  });
});
