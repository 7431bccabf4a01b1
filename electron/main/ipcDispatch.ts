import { DomainError, fail, ok } from '../../common/errors.js';
import type { Ack } from '../../common/errors.js';
import { ipcContract } from '../../common/ipc.js';
import type { IpcArgs, IpcChannel, IpcResult } from '../../common/ipc.js';
import { originOf } from './origins.js';

/**
 * The IPC pipeline without Electron: who may call, what they may pass, what comes back.
 * Every call ends in an Ack; nothing thrown inside reaches the renderer as an exception.
 */
export type IpcHandlers = {
  [C in IpcChannel]: (...args: IpcArgs<C>) => IpcResult<C> | Promise<IpcResult<C>>;
};

export interface SenderFacts {
  /** The id of the web contents the message came from. */
  webContentsId: number;
  /** The frame that sent it; null when it navigated away or was destroyed meanwhile. */
  frame: { url: string; isMainFrame: boolean } | null;
}

export interface TrustedSender {
  /** The app window's web contents; null while no window exists. */
  webContentsId: number | null;
  appOrigin: string;
}

/** Only the main frame of the app's own window, showing our own page, may call. */
export function isTrustedSender(sender: SenderFacts, trusted: TrustedSender): boolean {
  return (
    trusted.webContentsId !== null &&
    sender.webContentsId === trusted.webContentsId &&
    sender.frame !== null &&
    sender.frame.isMainFrame &&
    originOf(sender.frame.url) === trusted.appOrigin
  );
}

export interface DispatchOptions {
  isTrusted(sender: SenderFacts): boolean;
  log(message: string): void;
}

export type IpcDispatcher = <C extends IpcChannel>(
  channel: C,
  sender: SenderFacts,
  rawArgs: unknown[],
) => Promise<Ack<IpcResult<C>>>;

export function createIpcDispatcher(handlers: IpcHandlers, options: DispatchOptions): IpcDispatcher {
  return async <C extends IpcChannel>(channel: C, sender: SenderFacts, rawArgs: unknown[]) => {
    if (!Object.hasOwn(ipcContract, channel)) {
      return fail<IpcResult<C>>('NOT_FOUND', `unknown channel ${String(channel)}`);
    }
    if (!options.isTrusted(sender)) {
      options.log(`${channel}: refused a call from outside the app window`);
      return fail<IpcResult<C>>('FORBIDDEN', 'not allowed from this frame');
    }
    const contract = ipcContract[channel];
    const args = contract.args.safeParse(rawArgs);
    if (!args.success) {
      return fail<IpcResult<C>>('BAD_REQUEST', `${channel}: ${args.error.issues.map(describeIssue).join('; ')}`);
    }
    // The mapped handler type cannot follow the correlation between `channel` and its
    // arguments through a generic index; the schema above has checked them.
    const handler = handlers[channel] as (...args: unknown[]) => unknown;
    let value: unknown;
    try {
      value = await handler(...(args.data as unknown[]));
    } catch (error) {
      if (error instanceof DomainError) return fail<IpcResult<C>>(error.code, error.message);
      options.log(`${channel}: handler failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return fail<IpcResult<C>>('INTERNAL', `${channel} failed`);
    }
    const result = contract.result.safeParse(value);
    if (!result.success) {
      options.log(`${channel}: handler returned a value outside the contract`);
      return fail<IpcResult<C>>('INTERNAL', `${channel} returned an invalid result`);
    }
    return ok(result.data as IpcResult<C>);
  };
}

function describeIssue(issue: { path: PropertyKey[]; message: string }): string {
  const where = issue.path.length > 0 ? `argument ${issue.path.map(String).join('.')}` : 'arguments';
  return `${where}: ${issue.message}`;
}
