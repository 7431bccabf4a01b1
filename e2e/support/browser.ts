// Chromium with a fake camera, microphone and screen. Uses Debian's /usr/bin/chromium where it
// exists (Playwright's own browser download is not possible everywhere).
import { existsSync } from 'node:fs';

export const chromiumExecutable = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;

export const chromiumArgs = [
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--no-sandbox',
];
