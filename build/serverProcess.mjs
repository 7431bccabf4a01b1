// Starts the Parta server (`server/src/main.ts` under tsx) as a child process and resolves with
// the address it prints once it listens. Used by `npm start` and by the journeys' setup, so both
// run the server the same way. The server finds the media worker itself (resolve.mjs).
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const LISTENING = /Parta server listening on (\S+)/;

/**
 * @param {string} root the repository
 * @param {Record<string, string | undefined>} env added to this process's environment
 * @param {(chunk: string, stream: 'stdout' | 'stderr') => void} onOutput what to do with its output
 */
export function spawnServer(root, env, onOutput) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PARTA_WEB_ROOT: join(root, 'renderer', 'dist'), ...process.env, ...env },
  });
  let stdout = '';
  const listening = new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      const text = chunk.toString();
      onOutput(text, 'stdout');
      stdout += text;
      const match = LISTENING.exec(stdout);
      if (match) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`the server stopped (exit ${code})`)));
  });
  child.stderr.on('data', (chunk) => onOutput(chunk.toString(), 'stderr'));
  return { child, listening };
}
