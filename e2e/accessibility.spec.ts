import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DEMO_PASSWORD } from './support/server.js';
import { knock, queueEntry, startLesson, tileOf, videoOf } from './support/journey.js';
import { expect, serverUrl, test } from './support/lessonTest.js';

async function expectNoViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const found = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(found, `accessibility violations on the ${screen} screen`).toEqual([]);
}

/** Every control a teacher touches on a smartboard is at least 44 by 44 CSS pixels. */
async function expectTouchSized(page: Page, selector: string): Promise<void> {
  const boxes = await page.locator(selector).evaluateAll((elements) =>
    elements.map((e) => {
      const r = e.getBoundingClientRect();
      return { id: e.getAttribute('data-testid') ?? e.textContent?.trim(), width: r.width, height: r.height };
    }),
  );
  expect(boxes.length).toBeGreaterThan(0);
  for (const box of boxes) {
    expect(box.width, `${box.id} width`).toBeGreaterThanOrEqual(44);
    expect(box.height, `${box.id} height`).toBeGreaterThanOrEqual(44);
  }
}

test.describe('accessibility @lesson', () => {
  test.use({ locale: 'en-US' });

  test('a student joins with the keyboard alone and hears that they are waiting @lesson', async ({ page }) => {
    await page.goto(serverUrl());
    await expectNoViolations(page, 'sign-in');

    // Sign in without a mouse: the form is reachable and submits with Enter.
    await page.keyboard.press('Tab');
    await expect(page.locator('input[name="login"]')).toBeFocused();
    await page.keyboard.type('student1');
    await page.keyboard.press('Tab');
    await expect(page.locator('input[name="password"]')).toBeFocused();
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('class-card').first()).toBeVisible();
    await expectNoViolations(page, 'classes');

    // The join button has an accessible name and is reachable by Tab.
    const join = page.getByRole('button', { name: /join/i }).first();
    for (let i = 0; i < 20 && !(await join.evaluate((e) => e === document.activeElement)); i += 1) {
      await page.keyboard.press('Tab');
    }
    await expect(join).toBeFocused();
    await page.keyboard.press('Enter');

    // The waiting state is announced through a live region, and focus moves to it.
    const status = page.getByTestId('waiting-screen').getByRole('status');
    await expect(status).toContainText('Waiting for the teacher to let you in');
    await expect(page.getByRole('heading', { name: 'Waiting for the teacher to let you in' })).toBeFocused();
    await expectNoViolations(page, 'waiting');
  });

  test('the teacher’s lesson screen passes the checks and fits touch @lesson', async ({ open }) => {
    const teacher = await open('teacher');
    const maria = await open('student2');
    await startLesson(teacher, '7Б');
    await knock(maria, '7Б');
    await expect(queueEntry(teacher, maria.name)).toBeVisible();

    await expectNoViolations(teacher.page, 'lesson (teacher)');
    await expectTouchSized(
      teacher.page,
      '[data-testid=toggle-mic], [data-testid=toggle-camera], [data-testid=toggle-screen], [data-testid=end-lesson], [data-testid=admit], [data-testid=deny], [data-testid=admit-all]',
    );

    await queueEntry(teacher, maria.name).getByTestId('admit').click();
    await expect(maria.page.getByTestId('lesson-view')).toBeVisible();
    await expectNoViolations(maria.page, 'lesson (student)');

    // A student with the camera off and the microphone muted: still readable, still touch-sized.
    await expect(videoOf(teacher.page, maria.name)).toBeVisible();
    await maria.page.getByTestId('toggle-camera').click();
    await maria.page.getByTestId('toggle-mic').click();
    await expect(videoOf(teacher.page, maria.name)).toHaveAttribute('data-camera-off', 'true');
    await expect(tileOf(teacher.page, maria.name).getByRole('img', { name: 'Microphone off' })).toBeVisible();
    await expectNoViolations(teacher.page, 'lesson (teacher, a student camera off and muted)');
    await expectTouchSized(maria.page, '[data-testid=toggle-mic], [data-testid=toggle-camera]');
    await teacher.page.getByTestId('end-lesson').click();
  });
});
