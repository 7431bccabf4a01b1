import type { ChildProcess } from 'node:child_process';

export function spawnServer(
  root: string,
  env: Record<string, string | undefined>,
  onOutput: (chunk: string, stream: 'stdout' | 'stderr') => void,
): { child: ChildProcess; listening: Promise<string> };
