import { expect, test } from '@playwright/test';
import { installDesktopBridge, selectedSources } from './support/desktopBridge.js';
import { framesPainted } from './support/media.js';
import { knock, openAs, queueEntry, startLesson, videoOf, type Person } from './support/journey.js';

const baseUrl = (): string => process.env.PARTA_E2E_URL ?? '';

test.describe('the desktop app’s screen picker @lesson', () => {
  const people: Person[] = [];
  test.afterEach(async () => {
    await Promise.all(people.splice(0).map((p) => p.context.close()));
  });

  test('the teacher picks a window in the app’s own picker and the class sees it; Escape shares nothing @lesson', async ({
    browser,
  }) => {
    const teacher = await openAs(browser, baseUrl(), 'teacher', 'Анна Петровна Смирнова', installDesktopBridge);
    const ivan = await openAs(browser, baseUrl(), 'student1', 'Иван Петров');
    people.push(teacher, ivan);
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

    const screen = `[data-participant-name="${teacher.name}"][data-source="screen"]`;
    await expect(videoOf(ivan.page, teacher.name, 'screen')).toBeVisible();
    await expect.poll(() => framesPainted(ivan.page, screen), { timeout: 20_000 }).toBeGreaterThan(5);
    await teacher.page.getByTestId('end-lesson').click();
  });
});
