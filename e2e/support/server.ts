// Starts a real Parta server the way `npm start` does (build/serverProcess.mjs), on a free port
// with a fresh data folder and the demo school. Used by the Playwright setup and the benchmarks.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnServer } from '../../build/serverProcess.mjs';

export const DEMO_PASSWORD = 'demo-lesson-2026';

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

export async function startServer(root = process.cwd()): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'parta-e2e-'));
  let output = '';
  let started = false;
  const { child, listening } = spawnServer(
    root,
    {
      PARTA_PORT: '0',
      PARTA_DATA_DIR: dataDir,
      PARTA_DEMO_PASSWORD: DEMO_PASSWORD,
      PARTA_LOG_LEVEL: process.env.PARTA_LOG_LEVEL ?? 'warn',
    },
    (chunk, stream) => {
      // Kept until the server listens (to explain a failed start); warnings pass through after.
      if (!started) output += chunk;
      else if (stream === 'stderr') process.stderr.write(chunk);
    },
  );
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('the server did not start within 30 s')), 30_000);
  });
  const url = await Promise.race([listening, timeout])
    .catch((error: unknown) => {
      child.kill('SIGTERM');
      throw new Error(`${String(error)}:\n${output}`);
    })
    .finally(() => clearTimeout(timer));
  started = true;
  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
