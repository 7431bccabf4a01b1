import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './e2e/support/browser.js';

// Every journey runs in real Chromium against a real server started by e2e/globalSetup.ts
// (fresh data folder, demo school, real mediasoup). Tag lesson journeys @lesson.
export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/globalSetup.ts',
  fullyParallel: false,
  workers: 1,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: 'electron/**',
      use: {
        browserName: 'chromium',
        launchOptions: { executablePath: chromiumExecutable, args: chromiumArgs },
        permissions: ['camera', 'microphone'],
      },
    },
    { name: 'electron', testMatch: 'electron/**/*.spec.ts' },
  ],
});
