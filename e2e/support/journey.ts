// Steps of the lesson journey as a person does them, shared by the specs and the demo benchmark.
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from './server.js';
import { recordPeerConnections } from './media.js';

/** The demo school's people (server/src/db/demoSeed.ts), by login. */
export const DEMO_NAMES = {
  teacher: 'Анна Петровна Смирнова',
  student1: 'Иван Петров',
  student2: 'Мария Иванова',
  student3: 'Алексей Соколов',
} as const;
export type DemoLogin = keyof typeof DEMO_NAMES;

export interface Person {
  login: DemoLogin;
  name: string;
  context: BrowserContext;
  page: Page;
}

/** Signs a demo person in, in a context of their own, and waits for their classes. */
export async function openAs(
  browser: Browser,
  baseUrl: string,
  login: DemoLogin,
  beforeLoad?: (page: Page) => Promise<void>,
): Promise<Person> {
  const context = await browser.newContext({ baseURL: baseUrl, locale: 'en-US', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(recordPeerConnections);
  await beforeLoad?.(page);
  await page.goto('/');
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('button[type="submit"]').click();
  await expect(page.getByTestId('class-card').first()).toBeVisible();
  return { login, name: DEMO_NAMES[login], context, page };
}

export function classCard(page: Page, className: string) {
  return page.getByTestId('class-card').filter({ hasText: className });
}

export async function startLesson(teacher: Person, className: string): Promise<void> {
  await classCard(teacher.page, className).getByTestId('start-lesson').click();
  await expect(teacher.page.getByTestId('lesson-view')).toBeVisible();
  await expect(teacher.page.getByTestId('self-preview')).toBeVisible();
}

export async function knock(student: Person, className: string): Promise<void> {
  await classCard(student.page, className).getByTestId('join-lesson').click();
  await expect(student.page.getByTestId('waiting-screen')).toBeVisible();
}

export function queueEntry(teacher: Person, name: string) {
  return teacher.page.getByTestId('queue-entry').and(teacher.page.locator(`[data-participant-name="${name}"]`));
}

/** The teacher's camera as the page shows it. */
export const HOST_VIDEO = 'video[data-testid="video-tile"][data-host="true"][data-source="camera"]';

/** Someone's camera or shared screen as the page shows it. */
export function videoSelector(name: string, source: 'camera' | 'screen' = 'camera'): string {
  return `video[data-testid="video-tile"][data-participant-name="${name}"][data-source="${source}"]`;
}

export function hostVideo(page: Page) {
  return page.locator(HOST_VIDEO);
}

export function videoOf(page: Page, name: string, source: 'camera' | 'screen' = 'camera') {
  return page.locator(videoSelector(name, source));
}

/** The whole tile around someone's video: the video, its caption and the camera-off card. */
export function tileOf(page: Page, name: string, source: 'camera' | 'screen' = 'camera') {
  return videoOf(page, name, source).locator('xpath=..');
}
