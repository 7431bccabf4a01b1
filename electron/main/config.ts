import { isAbsolute } from 'node:path';
import { z } from 'zod';

/**
 * The desktop app's configuration: which school server it talks to and where external links
 * may go. Values come in layers, lowest first: built-in defaults, then the environment, then
 * (in a later step) managed policy files an administrator deploys. Each layer is parsed on its
 * own, so one bad layer is reported and skipped instead of taking the others down with it.
 */
export const DEFAULT_SERVER_URL = 'http://127.0.0.1:3000';

const serverUrlSchema = z.url({ protocol: /^https?$/ }).refine(
  (value) => {
    // zod 4 runs this check even after the URL check failed; that failure is reported already.
    if (!URL.canParse(value)) return true;
    const url = new URL(value);
    return url.username === '' && url.password === '' && url.search === '' && url.hash === '';
  },
  { message: 'the server URL must not carry credentials, a query or a fragment' },
);

const hostSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(z.regexes.hostname, { message: 'a host name such as example.org' });

const configLayerSchema = z
  .object({
    serverUrl: serverUrlSchema,
    /** Hosts (and their subdomains) that https links may open in the system browser; null: any. */
    externalLinkHosts: z.array(hostSchema).max(200).nullable(),
    /** A separate user-data folder (fresh profiles for tests, portable installs). */
    profileDir: z.string().min(1).refine(isAbsolute, { message: 'must be an absolute path' }).nullable(),
  })
  .partial()
  .strict();

type ConfigLayerValues = z.infer<typeof configLayerSchema>;

export interface AppConfig {
  serverUrl: string;
  /** scheme://host[:port] of the school server, for CSP and link decisions. */
  serverOrigin: string;
  externalLinkHosts: string[] | null;
  profileDir: string | null;
}

export interface ConfigLayer {
  /** Where the values came from, for messages: 'defaults', 'environment', a policy file path. */
  source: string;
  values: unknown;
}

export interface ConfigProblem {
  source: string;
  message: string;
}

export interface LoadedConfig {
  config: AppConfig;
  problems: ConfigProblem[];
}

const defaultLayer: ConfigLayer = {
  source: 'defaults',
  values: { serverUrl: DEFAULT_SERVER_URL, externalLinkHosts: null, profileDir: null },
};

/** Reads the environment variables the app understands; unset or empty ones are left out. */
export function environmentLayer(env: NodeJS.ProcessEnv): ConfigLayer {
  const values: Record<string, string> = {};
  const serverUrl = env['PARTA_SERVER_URL']?.trim();
  if (serverUrl) values['serverUrl'] = serverUrl;
  const profileDir = env['PARTA_PROFILE_DIR']?.trim();
  if (profileDir) values['profileDir'] = profileDir;
  return { source: 'environment', values };
}

export function wsOriginOf(httpOrigin: string): string {
  return httpOrigin.replace(/^http(s?):/, 'ws$1:');
}

/** Merges the layers in order; a layer that fails its schema is skipped and reported. */
export function loadConfig(layers: ConfigLayer[]): LoadedConfig {
  const problems: ConfigProblem[] = [];
  let merged: ConfigLayerValues = {};
  for (const layer of [defaultLayer, ...layers]) {
    const parsed = configLayerSchema.safeParse(layer.values);
    if (!parsed.success) {
      problems.push({ source: layer.source, message: z.prettifyError(parsed.error) });
      continue;
    }
    merged = { ...merged, ...parsed.data };
  }
  const serverUrl = merged.serverUrl ?? DEFAULT_SERVER_URL;
  const serverOrigin = new URL(serverUrl).origin;
  return {
    config: {
      serverUrl,
      serverOrigin,
      externalLinkHosts: merged.externalLinkHosts ?? null,
      profileDir: merged.profileDir ?? null,
    },
    problems,
  };
}

/** The configuration of this process: defaults, then the environment. */
export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): LoadedConfig {
  return loadConfig([environmentLayer(env)]);
}
