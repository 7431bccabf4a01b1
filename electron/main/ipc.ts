import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { ipcChannels } from '../../common/ipc.js';
import type { IpcDispatcher, SenderFacts } from './ipcDispatch.js';

/**
 * One ipcMain.handle per channel of the contract, each a thin door into the dispatcher, which
 * checks the sender, parses the arguments and always answers with an Ack.
 */
export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle'>, dispatch: IpcDispatcher): void {
  for (const channel of ipcChannels) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => dispatch(channel, senderFactsOf(event), args));
  }
}

function senderFactsOf(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>): SenderFacts {
  try {
    const frame = event.senderFrame;
    return {
      webContentsId: event.sender.id,
      frame: frame ? { url: frame.url, isMainFrame: frame.parent === null } : null,
    };
  } catch {
    // A frame destroyed while the message was in flight: treat it as no frame at all.
    return { webContentsId: event.sender.id, frame: null };
  }
}
