// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lobbyEntry } from '../test/fakes.js';
import { flush, mount } from '../test/mount.js';
import AdmissionQueue from './AdmissionQueue.vue';

let view: ReturnType<typeof mount> | null = null;
afterEach(() => view?.unmount());

function render(entries = [lobbyEntry('p1', 'Anna'), lobbyEntry('p2', 'Boris')], pending: Record<string, true> = {}) {
  const handlers = { onAdmit: vi.fn(), onDeny: vi.fn(), onAdmitAll: vi.fn() };
  view = mount(AdmissionQueue, { entries, pending, ...handlers });
  return { view, ...handlers };
}

describe('AdmissionQueue', () => {
  it('shows how many wait and who, in the DOM contract', () => {
    const { view } = render();
    expect(view.text('[data-testid=queue-count]')).toBe('2');
    const entries = view.findAll('[data-testid=queue-entry]');
    expect(entries.map((e) => e.dataset.participantName)).toEqual(['Anna', 'Boris']);
    expect(entries[0]?.textContent).toContain('Anna');
  });

  it('admits and denies the right person, with buttons that say whom', () => {
    const { view, onAdmit, onDeny } = render();
    const [anna, boris] = view.findAll('[data-testid=queue-entry]');
    const admitBoris = boris?.querySelector<HTMLButtonElement>('[data-testid=admit]');
    expect(admitBoris?.getAttribute('aria-label')).toBe('Let Boris in');
    admitBoris?.click();
    anna?.querySelector<HTMLButtonElement>('[data-testid=deny]')?.click();
    expect(onAdmit).toHaveBeenCalledWith('p2');
    expect(onDeny).toHaveBeenCalledWith('p1');
  });

  it('lets everyone in at once, and not when nobody waits', async () => {
    const { view, onAdmitAll } = render();
    view.find('[data-testid=admit-all]')?.click();
    expect(onAdmitAll).toHaveBeenCalledOnce();

    view.props.entries = [];
    await flush();
    expect(view.text('[data-testid=queue-count]')).toBe('0');
    expect((view.find('[data-testid=admit-all]') as HTMLButtonElement).disabled).toBe(true);
    expect(view.host.textContent).toContain('Nobody is waiting.');
  });

  it('blocks a second click while a decision about someone is on its way', () => {
    const { view, onAdmit } = render([lobbyEntry('p1', 'Anna')], { p1: true });
    const admit = view.find('[data-testid=admit]') as HTMLButtonElement;
    expect(admit.disabled).toBe(true);
    admit.click();
    expect(onAdmit).not.toHaveBeenCalled();
  });

  it('announces a newcomer in a polite live region', async () => {
    const { view } = render([lobbyEntry('p1', 'Anna')]);
    const region = view.find('[aria-live=polite]');
    expect(region?.textContent?.trim()).toBe('');

    view.props.entries = [lobbyEntry('p1', 'Anna'), lobbyEntry('p3', 'Vera', '2030-01-01T09:05:00Z')];
    await flush();
    expect(region?.textContent).toContain('Vera is waiting to join.');
    expect(view.text('[data-testid=queue-count]')).toBe('2');
  });
});
