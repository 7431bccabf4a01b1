// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ScreenSource } from '../../../common/ipc.js';
import { flush, mount } from '../test/mount.js';
import ScreenSourcePicker from './ScreenSourcePicker.vue';

let view: ReturnType<typeof mount> | null = null;
afterEach(() => view?.unmount());

const sources: ScreenSource[] = [
  { id: 'window:7', name: 'Geometry.pdf', kind: 'window', thumbnail: 'data:image/png;base64,AAAA' },
  { id: 'screen:0', name: 'Entire screen', kind: 'screen', thumbnail: '' },
];

describe('ScreenSourcePicker', () => {
  it('says it is looking while the list is on its way', () => {
    view = mount(ScreenSourcePicker, { sources: null, onChoose: vi.fn(), onCancel: vi.fn() });
    expect(view.find('[role=status]')?.textContent).toContain('Looking for screens and windows');
  });

  it('groups screens before windows and hands back the picked id', async () => {
    const onChoose = vi.fn();
    view = mount(ScreenSourcePicker, { sources, onChoose, onCancel: vi.fn() });
    await flush();
    const buttons = view.findAll('[data-testid=screen-source]');
    expect(buttons.map((b) => b.textContent?.trim())).toEqual(['Entire screen', 'Geometry.pdf']);
    buttons[1]?.click();
    expect(onChoose).toHaveBeenCalledWith('window:7');
  });

  it('cancels from its button', () => {
    const onCancel = vi.fn();
    view = mount(ScreenSourcePicker, { sources: [], onChoose: vi.fn(), onCancel });
    expect(view.host.textContent).toContain('Nothing to share was found.');
    view.findAll('button').at(-1)?.click();
    expect(onCancel).toHaveBeenCalledOnce();
  });
});
