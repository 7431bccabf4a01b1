import type { Page } from '@playwright/test';
import { framesDecoded, framesDecodedOf, framesPainted } from './support/media.js';
import { HOST_VIDEO, hostVideo, knock, queueEntry, startLesson, tileOf, videoOf, videoSelector } from './support/journey.js';
import { expect, health, test } from './support/lessonTest.js';

/** Waits until the count keeps rising: frames are really arriving, not just an element. */
async function expectRising(read: () => Promise<number>, label: string): Promise<void> {
  await expect.poll(read, { message: `${label}: first frames`, timeout: 20_000 }).toBeGreaterThan(0);
  const before = await read();
  await expect.poll(read, { message: `${label}: frames keep coming`, timeout: 10_000 }).toBeGreaterThan(before + 5);
}

/** Waits for what is in flight to arrive, then checks that the count stays put for a while. */
async function expectStill(page: Page, read: () => Promise<number>, label: string): Promise<void> {
  await page.waitForTimeout(1_000);
  const before = await read();
  await page.waitForTimeout(3_000);
  expect(await read(), `${label}: no new frames`).toBe(before);
}

test.describe('live lesson @lesson', () => {
  test('teacher admits one student and denies another; camera and screen flow both ways @lesson', async ({ open }) => {
    const teacher = await open('teacher');
    const ivan = await open('student1');
    const maria = await open('student2');

    await startLesson(teacher, '7Б');
    await knock(ivan, '7Б');
    await knock(maria, '7Б');

    const queue = teacher.page.getByTestId('admission-queue');
    await expect(queue.getByTestId('queue-count')).toHaveText('2');
    await expect(queueEntry(teacher, ivan.name)).toBeVisible();
    await expect(queueEntry(teacher, maria.name)).toBeVisible();

    // Nobody waiting holds a transport: only the teacher's two exist.
    expect((await health(teacher.page)).transports).toBe(2);

    await queueEntry(teacher, ivan.name).getByTestId('admit').click();
    await queueEntry(teacher, maria.name).getByTestId('deny').click();

    await expect(maria.page.getByTestId('denied-screen')).toBeVisible();
    await expect(maria.page.getByTestId('lesson-view')).toHaveCount(0);
    await expect(queue.getByTestId('queue-count')).toHaveText('0');

    // The admitted student sees the teacher, large, with frames decoded and painted.
    await expect(ivan.page.getByTestId('lesson-view')).toBeVisible();
    await expect(hostVideo(ivan.page)).toBeVisible();
    await expectRising(() => framesDecoded(ivan.page), 'student decodes the teacher');
    await expectRising(() => framesPainted(ivan.page, HOST_VIDEO), 'student paints the teacher');

    // The teacher sees the student.
    await expect(videoOf(teacher.page, ivan.name)).toBeVisible();
    await expectRising(
      () => framesPainted(teacher.page, videoSelector(ivan.name)),
      'teacher paints the student',
    );

    // The teacher shares the screen; the student decodes the screen track.
    await teacher.page.getByTestId('toggle-screen').click();
    await expect(teacher.page.getByTestId('toggle-screen')).toHaveAttribute('aria-pressed', 'true');
    await expect(videoOf(ivan.page, teacher.name, 'screen')).toBeVisible();
    await expectRising(
      () => framesPainted(ivan.page, videoSelector(teacher.name, 'screen')),
      'student paints the shared screen',
    );

    // The server holds transports for the teacher and the admitted student only.
    const counts = await health(teacher.page);
    expect(counts.transports).toBe(4);
    expect(counts.participants).toBe(2);
    expect(counts.waiting).toBe(0);

    await teacher.page.getByTestId('end-lesson').click();
    await expect(ivan.page.getByTestId('lesson-view')).toHaveCount(0);
    await expect.poll(async () => (await health(teacher.page)).lessons).toBe(0);
  });

  test('a student admitted while the teacher’s camera is still starting sees it when it starts @lesson', async ({ open }) => {
    const ivan = await open('student1');
    const teacher = await open('teacher');
    await knock(ivan, '7Б');

    // A slow camera on the teacher's side and a slow machine on the student's: the teacher's
    // camera is announced while the student's media is still being set up.
    await teacher.page.evaluate(() => {
      const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
      navigator.mediaDevices.getUserMedia = (c) =>
        new Promise((resolve) => setTimeout(resolve, 1_000)).then(() => original(c));
    });
    await ivan.page.evaluate(() => {
      const original = RTCPeerConnection.prototype.createOffer as (o?: RTCOfferOptions) => Promise<unknown>;
      const delayed = function (this: RTCPeerConnection, options?: RTCOfferOptions): Promise<unknown> {
        return new Promise((resolve) => setTimeout(resolve, 2_500)).then(() => original.call(this, options));
      };
      RTCPeerConnection.prototype.createOffer = delayed as unknown as typeof RTCPeerConnection.prototype.createOffer;
    });
    await startLesson(teacher, '7Б');
    await teacher.page.getByTestId('admit-all').click();

    await expect(ivan.page.getByTestId('lesson-view')).toBeVisible();
    await expect(hostVideo(ivan.page)).toBeVisible();
    await expectRising(() => framesDecoded(ivan.page), 'student decodes the camera that started late');

    await teacher.page.getByTestId('end-lesson').click();
    await expect.poll(async () => (await health(teacher.page)).lessons).toBe(0);
  });

  test('a student who knocks before the lesson starts waits until the teacher admits them @lesson', async ({ open }) => {
    const alexei = await open('student3');
    await knock(alexei, '7Б');

    const teacher = await open('teacher');
    await startLesson(teacher, '7Б');

    // Starting the lesson lets nobody in by itself.
    await expect(queueEntry(teacher, alexei.name)).toBeVisible();
    await expect(alexei.page.getByTestId('waiting-screen')).toBeVisible();

    await teacher.page.getByTestId('admit-all').click();
    await expect(alexei.page.getByTestId('lesson-view')).toBeVisible();
    await expectRising(() => framesDecoded(alexei.page), 'late student decodes the teacher');

    await teacher.page.getByTestId('end-lesson').click();
    await expect.poll(async () => (await health(teacher.page)).lessons).toBe(0);
  });

  test('a student turns the camera off and on and mutes; the teacher sees it and gets no frames meanwhile @lesson', async ({ open }) => {
    const teacher = await open('teacher');
    const ivan = await open('student1');
    await startLesson(teacher, '7Б');
    await knock(ivan, '7Б');
    await queueEntry(teacher, ivan.name).getByTestId('admit').click();
    await expect(ivan.page.getByTestId('lesson-view')).toBeVisible();

    const video = videoOf(teacher.page, ivan.name);
    const tile = tileOf(teacher.page, ivan.name);
    const muted = tile.getByRole('img', { name: 'Microphone off' });
    const decoded = (): Promise<number> => framesDecodedOf(teacher.page, videoSelector(ivan.name));
    await expect(video).toHaveAttribute('data-camera-off', 'false');
    await expectRising(decoded, 'teacher decodes the student');
    await expect(muted).toHaveCount(0);

    // Camera off: the teacher sees who it is and "Camera off", and the server forwards nothing.
    await ivan.page.getByTestId('toggle-camera').click();
    await expect(ivan.page.getByTestId('toggle-camera')).toHaveAttribute('aria-pressed', 'false');
    await expect(video).toHaveAttribute('data-camera-off', 'true');
    await expect(tile.getByText('Camera off')).toBeVisible();
    await expectStill(teacher.page, decoded, 'teacher, while the camera is off');

    // On again: the label goes and frames flow again.
    await ivan.page.getByTestId('toggle-camera').click();
    await expect(video).toHaveAttribute('data-camera-off', 'false');
    await expect(tile.getByText('Camera off')).toHaveCount(0);
    const before = await decoded();
    await expect.poll(decoded, { message: 'frames after the camera is back', timeout: 15_000 }).toBeGreaterThan(before + 5);
    await expectRising(() => framesPainted(teacher.page, videoSelector(ivan.name)), 'teacher paints the student again');

    // Muted: the teacher sees the crossed-out microphone by the name; unmuted, it goes.
    await ivan.page.getByTestId('toggle-mic').click();
    await expect(muted).toBeVisible();
    await ivan.page.getByTestId('toggle-mic').click();
    await expect(muted).toHaveCount(0);

    await teacher.page.getByTestId('end-lesson').click();
    await expect.poll(async () => (await health(teacher.page)).lessons).toBe(0);
  });
});
