// @vitest-environment happy-dom
import { createPinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent } from 'vue';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import { configureServices } from '../services/registry.js';
import { FakeApi, fakeServices, teacher } from '../test/fakes.js';
import { flush, mount } from '../test/mount.js';
import SignInView from './SignInView.vue';

let view: ReturnType<typeof mount> | null = null;
afterEach(() => view?.unmount());

async function render(api: FakeApi): Promise<{ view: ReturnType<typeof mount>; router: Router }> {
  configureServices(fakeServices({ api }));
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/sign-in', component: SignInView },
      { path: '/classes', component: defineComponent({ render: () => null }) },
    ],
  });
  await router.push('/sign-in');
  view = mount(SignInView, {}, { pinia: createPinia(), plugins: [router] });
  return { view, router };
}

function fill(view: ReturnType<typeof mount>, login: string, password: string): void {
  for (const [name, value] of [['login', login], ['password', password]] as const) {
    const input = view.find(`input[name=${name}]`) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }
}

describe('SignInView', () => {
  it('shows a wrong password as an alert and stays on the form', async () => {
    const api = new FakeApi();
    api.loginReply = { ok: false, error: { code: 'UNAUTHENTICATED', message: 'nope' } };
    const { view, router } = await render(api);
    fill(view, 'olga', 'wrong');
    view.find('form')?.dispatchEvent(new Event('submit'));
    await flush();

    expect(view.find('[role=alert]')?.textContent?.trim()).toBe('Wrong login or password.');
    expect(view.find('input[name=password]')?.getAttribute('aria-invalid')).toBe('true');
    expect(router.currentRoute.value.path).toBe('/sign-in');
  });

  it('says when the server cannot be reached', async () => {
    const api = new FakeApi();
    api.loginReply = { ok: false, error: { code: 'UNAVAILABLE', message: 'offline' } };
    const { view } = await render(api);
    fill(view, 'olga', 'pw');
    view.find('form')?.dispatchEvent(new Event('submit'));
    await flush();
    expect(view.find('[role=alert]')?.textContent).toContain('cannot be reached');
  });

  it('goes to my classes after signing in', async () => {
    const api = new FakeApi();
    api.loginReply = {
      ok: true,
      data: { token: 't', expiresAt: new Date(Date.now() + 60_000).toISOString(), user: teacher },
    };
    const { view, router } = await render(api);
    fill(view, 'olga', 'right');
    view.find('form')?.dispatchEvent(new Event('submit'));
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/classes'));
    expect(view.find('[role=alert]')).toBeNull();
  });
});
