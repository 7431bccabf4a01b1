import { z } from 'zod';
import type { Ack } from './errors.js';

/**
 * The contract between the renderer (through the preload bridge) and the Electron main
 * process. One entry per capability, named 'domain:verb'. The main process parses every
 * argument with the schema here; the preload exposes exactly these functions and nothing else.
 */
export const screenSourceSchema = z.object({
  id: z.string().min(1).max(200),
  name: z.string(),
  kind: z.enum(['screen', 'window']),
  /** A small PNG data URL of the source, for the picker. */
  thumbnail: z.string(),
});
export type ScreenSource = z.infer<typeof screenSourceSchema>;

export const appInfoSchema = z.object({
  version: z.string(),
  platform: z.string(),
  locale: z.string(),
  serverUrl: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const ipcContract = {
  'app:getInfo': { args: z.tuple([]), result: appInfoSchema },
  'screen:listSources': { args: z.tuple([]), result: z.array(screenSourceSchema) },
  /** The source the next getDisplayMedia call will capture; null cancels the pending share. */
  'screen:selectSource': {
    args: z.tuple([z.string().min(1).max(200).nullable()]),
    result: z.null(),
  },
} as const;

export type IpcChannel = keyof typeof ipcContract;
export type IpcArgs<C extends IpcChannel> = z.infer<(typeof ipcContract)[C]['args']>;
export type IpcResult<C extends IpcChannel> = z.infer<(typeof ipcContract)[C]['result']>;

export const ipcChannels = Object.keys(ipcContract) as IpcChannel[];

/**
 * What `window.parta` looks like in the renderer when the app runs in Electron: one function
 * per channel, each resolving to an Ack (a refused or malformed call never throws).
 */
export interface PartaBridge {
  app: { getInfo(): Promise<Ack<AppInfo>> };
  screen: {
    listSources(): Promise<Ack<ScreenSource[]>>;
    selectSource(sourceId: string | null): Promise<Ack<null>>;
  };
}
