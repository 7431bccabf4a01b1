// The Playwright `test` of the journeys: a real server started by e2e/globalSetup.ts, and an
// `open` fixture that signs demo people in and closes their contexts after each test.
import { test as base, expect, type Page } from '@playwright/test';
import { openAs, type DemoLogin, type Person } from './journey.js';

export function serverUrl(): string {
  const url = process.env.PARTA_E2E_URL;
  if (!url) throw new Error('PARTA_E2E_URL is not set: run through playwright.config.ts');
  return url;
}

export interface Health {
  lessons: number;
  participants: number;
  waiting: number;
  transports: number;
}

/** The server's own counts (GET /api/health): what it holds, whatever the pages show. */
export async function health(page: Page): Promise<Health> {
  const response = await page.request.get(`${serverUrl()}/api/health`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as Health;
}

interface OpenOptions {
  /** Where this person's browser reaches the server (default: directly). */
  via?: string;
  beforeLoad?: (page: Page) => Promise<void>;
}

export const test = base.extend<{ open: (login: DemoLogin, options?: OpenOptions) => Promise<Person> }>({
  open: async ({ browser }, use) => {
    const people: Person[] = [];
    await use(async (login, options = {}) => {
      const person = await openAs(browser, options.via ?? serverUrl(), login, options.beforeLoad);
      people.push(person);
      return person;
    });
    await Promise.all(people.map((p) => p.context.close()));
  },
});

export { expect };
