// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { classSummary } from '../test/fakes.js';
import { mount } from '../test/mount.js';
import ClassCard from './ClassCard.vue';

let view: ReturnType<typeof mount> | null = null;
afterEach(() => view?.unmount());

describe('ClassCard', () => {
  it('lets a teacher start the lesson of the class', () => {
    const onOpen = vi.fn();
    view = mount(ClassCard, { summary: classSummary({ id: 'c7', name: '7B Physics', myRole: 'teacher' }), onOpen });
    const card = view.find('[data-testid=class-card]');
    expect(card?.dataset.classId).toBe('c7');
    expect(card?.textContent).toContain('7B Physics');
    expect(view.find('[data-testid=join-lesson]')).toBeNull();
    view.find('[data-testid=start-lesson]')?.click();
    expect(onOpen).toHaveBeenCalledWith('c7');
  });

  it('lets a student join and shows whether a lesson is on', () => {
    const onOpen = vi.fn();
    view = mount(ClassCard, { summary: classSummary({ liveLessonId: 'l1' }), onOpen });
    expect(view.find('[data-testid=start-lesson]')).toBeNull();
    expect(view.host.textContent).toContain('Lesson in progress');
    view.find('[data-testid=join-lesson]')?.click();
    expect(onOpen).toHaveBeenCalledWith('c1');
  });
});
