// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mount } from '../test/mount.js';
import ControlsBar from './ControlsBar.vue';

let view: ReturnType<typeof mount> | null = null;
afterEach(() => view?.unmount());

function render(props: Record<string, unknown> = {}) {
  const handlers = {
    onToggleMicrophone: vi.fn(),
    onToggleCamera: vi.fn(),
    onToggleScreen: vi.fn(),
    onLeave: vi.fn(),
    onEnd: vi.fn(),
  };
  view = mount(ControlsBar, { microphone: 'on', camera: 'off', screen: 'off', isTeacher: true, ...props, ...handlers });
  return { view, ...handlers };
}

describe('ControlsBar', () => {
  it('reports each toggle as pressed or not and keeps its name steady', () => {
    const { view } = render();
    const mic = view.find('[data-testid=toggle-mic]');
    const camera = view.find('[data-testid=toggle-camera]');
    expect(mic?.getAttribute('aria-pressed')).toBe('true');
    expect(camera?.getAttribute('aria-pressed')).toBe('false');
    expect(mic?.querySelector('.control-label')?.textContent?.trim()).toBe('Microphone');
    expect(view.find('[data-testid=toggle-screen]')?.getAttribute('aria-pressed')).toBe('false');
  });

  it('turns each control into the matching request', () => {
    const { view, onToggleMicrophone, onToggleCamera, onToggleScreen, onLeave, onEnd } = render();
    for (const id of ['toggle-mic', 'toggle-camera', 'toggle-screen', 'leave-lesson', 'end-lesson']) {
      view.find(`[data-testid=${id}]`)?.click();
    }
    for (const handler of [onToggleMicrophone, onToggleCamera, onToggleScreen, onLeave, onEnd]) {
      expect(handler).toHaveBeenCalledOnce();
    }
  });

  it('offers ending the lesson to teachers only', () => {
    const { view } = render({ isTeacher: false });
    expect(view.find('[data-testid=end-lesson]')).toBeNull();
    expect(view.find('[data-testid=leave-lesson]')).not.toBeNull();
    expect(view.find('[data-testid=toggle-screen]')?.getAttribute('aria-disabled')).toBe('true');
  });

  it('explains a blocked camera next to its button', () => {
    const { view } = render({ camera: 'denied' });
    const camera = view.find('[data-testid=toggle-camera]');
    const hintId = camera?.getAttribute('aria-describedby');
    expect(hintId).toBeTruthy();
    expect(view.find(`#${hintId}`)?.textContent).toContain('Access is blocked');
  });
});
