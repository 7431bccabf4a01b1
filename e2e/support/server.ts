// Starts a real Parta server as a child process on a free port with a fresh data folder and
// the demo school, exactly as `npm start` runs it. Used by the Playwright setup and the benchmarks.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveMediaWorker } from '../../build/media-worker/resolve.mjs';

export const DEMO_PASSWORD = 'demo-lesson-2026';

export interface RunningServer {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function startServer(root = process.cwd()): Promise<RunningServer> {
  const worker = resolveMediaWorker(root);
  if (!worker) throw new Error('No mediasoup worker: run `npm install` first.');
  const dataDir = mkdtempSync(join(tmpdir(), 'parta-e2e-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      MEDIASOUP_WORKER_BIN: worker.path,
      PARTA_PORT: '0',
      PARTA_DATA_DIR: dataDir,
      PARTA_WEB_ROOT: join(root, 'renderer', 'dist'),
      PARTA_DEMO_PASSWORD: DEMO_PASSWORD,
      PARTA_LOG_LEVEL: process.env.PARTA_LOG_LEVEL ?? 'warn',
    },
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /Parta server listening on (\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  return {
    url,
    process: child,
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
