import { NetworkLink } from './support/NetworkLink.js';
import { framesDecoded } from './support/media.js';
import { hostVideo, knock, queueEntry, startLesson, videoOf } from './support/journey.js';
import { expect, health, serverUrl, test } from './support/lessonTest.js';

test.describe('a dropped network @lesson', () => {
  let link: NetworkLink | undefined;
  test.afterEach(async () => {
    await link?.close();
  });

  test('a student whose network drops leaves cleanly, is told so, and gets back in through the queue @lesson', async ({ open }) => {
    link = await NetworkLink.open(serverUrl());
    const teacher = await open('teacher');
    const ivan = await open('student1', { via: link.url });

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
    await expect.poll(async () => (await health(teacher.page)).transports).toBe(2);
    expect((await health(teacher.page)).participants).toBe(1);

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
    await expect.poll(async () => (await health(teacher.page)).transports).toBe(0);
  });
});
