// One real server for the whole run; specs read its address from PARTA_E2E_URL.
import { startServer } from './support/server.js';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const server = await startServer();
  process.env.PARTA_E2E_URL = server.url;
  return () => server.stop();
}
