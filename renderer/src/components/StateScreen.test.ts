// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { h } from 'vue';
import { flush, mount } from '../test/mount.js';
import StateScreen from './StateScreen.vue';

let view: ReturnType<typeof mount> | null = null;
afterEach(() => view?.unmount());

describe('StateScreen', () => {
  it('names the screen by its heading and moves focus there when it appears', async () => {
    view = mount(StateScreen, { titleId: 'denied-title', title: 'Not let in', role: 'alert', 'data-testid': 'denied' });
    await flush();
    const section = view.find('[data-testid=denied]');
    expect(section?.getAttribute('role')).toBe('alert');
    expect(section?.getAttribute('aria-labelledby')).toBe('denied-title');
    expect(document.activeElement).toBe(view.find('h1#denied-title'));
    expect(view.find('[role=status]')).toBeNull();
    expect(view.find('.state-card')?.hasAttribute('aria-busy')).toBe(false);
  });

  it('reads the heading and its status text out together when live', async () => {
    const screen = () =>
      h(StateScreen, { titleId: 'waiting-title', title: 'Waiting', live: true, busy: true }, { status: () => h('p', 'Soon') });
    view = mount({ render: screen }, {});
    await flush();
    const region = view.find('[role=status]');
    expect(region?.getAttribute('aria-live')).toBe('polite');
    expect(region?.querySelector('h1')?.textContent?.trim()).toBe('Waiting');
    expect(region?.textContent).toContain('Soon');
    expect(view.find('.state-card')?.getAttribute('aria-busy')).toBe('true');
  });
});
