import { contextBridge, ipcRenderer } from 'electron';
import { fail } from '../../common/errors.js';
import type { Ack } from '../../common/errors.js';
import type { IpcArgs, IpcChannel, IpcResult, PartaBridge } from '../../common/ipc.js';

/**
 * The page's only door to the main process: `window.parta`, one named function per channel of
 * common/ipc.ts. No raw ipcRenderer, no generic invoke, no Node. Runs in a sandboxed renderer,
 * so it is built as CommonJS and may import nothing but 'electron' and pure code.
 */
function invoke<C extends IpcChannel>(channel: C, ...args: IpcArgs<C>): Promise<Ack<IpcResult<C>>> {
  return (ipcRenderer.invoke(channel, ...args) as Promise<Ack<IpcResult<C>>>).catch((error: unknown) =>
    fail<IpcResult<C>>('UNAVAILABLE', `${channel}: ${error instanceof Error ? error.message : String(error)}`),
  );
}

const bridge: PartaBridge = {
  app: {
    getInfo: () => invoke('app:getInfo'),
  },
  screen: {
    listSources: () => invoke('screen:listSources'),
    selectSource: (sourceId) => invoke('screen:selectSource', sourceId),
  },
};

contextBridge.exposeInMainWorld('parta', bridge);
