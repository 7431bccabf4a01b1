import { expect, test } from '@playwright/test';
import { NetworkLink } from './support/NetworkLink.js';
import { framesDecoded } from './support/media.js';
import { hostVideo, knock, openAs, queueEntry, startLesson, videoOf, type Person } from './support/journey.js';

const baseUrl = (): string => process.env.PARTA_E2E_URL ?? '';

interface Health {
  participants: number;
  waiting: number;
  transports: number;
}

test.describe('a dropped network @lesson', () => {
  const people: Person[] = [];
  let link: NetworkLink | undefined;
  test.afterEach(async () => {
    await Promise.all(people.splice(0).map((p) => p.context.close()));
    await link?.close();
  });

  test('a student whose network drops leaves cleanly, is told so, and gets back in through the queue @lesson', async ({
    browser,
  }) => {
    link = await NetworkLink.open(baseUrl());
    const teacher = await openAs(browser, baseUrl(), 'teacher', 'Анна Петровна Смирнова');
    const ivan = await openAs(browser, link.url, 'student1', 'Иван Петров');
    people.push(teacher, ivan);
    const health = async (): Promise<Health> =>
      (await (await teacher.page.request.get(`${baseUrl()}/api/health`)).json()) as Health;

    await startLesson(teacher, '7Б');
    await knock(ivan, '7Б');
    await queueEntry(teacher, ivan.name).getByTestId('admit').click();
    await expect(hostVideo(ivan.page)).toBeVisible();
    await expect.poll(() => framesDecoded(ivan.page)).toBeGreaterThan(0);
    await expect(videoOf(teacher.page, ivan.name)).toBeVisible();

    link.cut();

    // The student is told, the teacher's room lets go of them, and the server keeps nothing.
    await expect(ivan.page.getByTestId('ended-screen')).toContainText('The connection to the lesson was lost.');
    await expect(videoOf(teacher.page, ivan.name)).toHaveCount(0);
    await expect.poll(async () => (await health()).transports).toBe(2);
    expect((await health()).participants).toBe(1);

    // Back online: joining again means knocking again; the teacher decides.
    link.restore();
    await ivan.page.getByTestId('rejoin').click();
    await expect(ivan.page.getByTestId('waiting-screen')).toBeVisible();
    await expect(queueEntry(teacher, ivan.name)).toBeVisible();
    await queueEntry(teacher, ivan.name).getByTestId('admit').click();
    await expect(hostVideo(ivan.page)).toBeVisible();
    const before = await framesDecoded(ivan.page);
    await expect.poll(() => framesDecoded(ivan.page)).toBeGreaterThan(before + 5);

    await teacher.page.getByTestId('end-lesson').click();
    await expect.poll(async () => (await health()).transports).toBe(0);
  });
});
