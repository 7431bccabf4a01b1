import { createServer } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { DEMO_SCHOOL, type DemoAccount } from './db/demoSeed.js';

// Boot only: read the configuration, start the server, print where it listens, stop cleanly.

function printDemoAccounts(accounts: DemoAccount[], sharedPassword: boolean): void {
  const width = Math.max(...accounts.map((a) => a.login.length));
  const lines = [
    '',
    `Demo school created (${DEMO_SCHOOL}). Sign in with:`,
    ...accounts.map(
      (a) => `  ${a.login.padEnd(width)}  ${a.password}   ${a.name}, ${a.role === 'teacher' ? 'teacher' : 'student'} of ${a.className}`,
    ),
    sharedPassword
      ? '(the password is PARTA_DEMO_PASSWORD)'
      : 'These passwords are shown only once; write them down.',
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const server = await createServer(config);
  if (server.demoAccounts) printDemoAccounts(server.demoAccounts, config.demoPassword !== undefined);
  process.stdout.write(`Parta server listening on ${server.url}\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      process.stderr.write(`${signal} again: exiting now\n`);
      process.exit(1);
    }
    stopping = true;
    const force = setTimeout(() => {
      process.stderr.write('shutdown took too long: exiting\n');
      process.exit(1);
    }, 10_000);
    force.unref();
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`shutdown failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`Parta server failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
