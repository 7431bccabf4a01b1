import { installDesktopBridge, selectedSources } from './support/desktopBridge.js';
import { framesPainted } from './support/media.js';
import { knock, queueEntry, startLesson, videoOf, videoSelector } from './support/journey.js';
import { expect, test } from './support/lessonTest.js';

test.describe('the desktop app’s screen picker @lesson', () => {
  test('the teacher picks a window in the app’s own picker and the class sees it; Escape shares nothing @lesson', async ({ open }) => {
    const teacher = await open('teacher', { beforeLoad: installDesktopBridge });
    const ivan = await open('student1');
    await startLesson(teacher, '7Б');
    await knock(ivan, '7Б');
    await queueEntry(teacher, ivan.name).getByTestId('admit').click();
    await expect(ivan.page.getByTestId('lesson-view')).toBeVisible();

    // Escape closes the picker without sharing, and focus returns to the button.
    const share = teacher.page.getByTestId('toggle-screen');
    await share.click();
    const picker = teacher.page.getByRole('dialog', { name: /share/i });
    await expect(picker.getByTestId('screen-source')).toHaveCount(2);
    await teacher.page.keyboard.press('Escape');
    await expect(picker).toBeHidden();
    await expect(share).toBeFocused();
    await expect(share).toHaveAttribute('aria-pressed', 'false');
    expect(await selectedSources(teacher.page)).toEqual([null]);

    // Screens and windows are listed apart, with names; the teacher picks the window.
    await share.click();
    await expect(picker.getByRole('region', { name: /screens/i })).toContainText('Entire screen');
    await picker.getByRole('button', { name: 'Geometry — slides' }).click();
    await expect(share).toHaveAttribute('aria-pressed', 'true');
    expect(await selectedSources(teacher.page)).toEqual([null, 'window:42:0']);

    const screen = videoSelector(teacher.name, 'screen');
    await expect(videoOf(ivan.page, teacher.name, 'screen')).toBeVisible();
    await expect.poll(() => framesPainted(ivan.page, screen), { timeout: 20_000 }).toBeGreaterThan(5);
    await teacher.page.getByTestId('end-lesson').click();
  });
});
