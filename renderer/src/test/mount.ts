import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { createApp, h, nextTick, reactive, type Component, type Plugin } from 'vue';
import { createAppI18n } from '../i18n/index.js';

interface MountOptions {
  pinia?: Pinia;
  plugins?: Plugin[];
}

/**
 * Mounts a component with English i18n and a Pinia into the document. `props` stays
 * reactive: change it and await `flush()` to re-render.
 */
export function mount<P extends Record<string, unknown>>(component: Component, initialProps: P, options: MountOptions = {}) {
  const host = document.createElement('div');
  document.body.append(host);
  const pinia = options.pinia ?? createPinia();
  setActivePinia(pinia);
  const props = reactive({ ...initialProps }) as P;
  const app = createApp({ render: () => h(component, { ...props }) });
  app.use(pinia);
  app.use(createAppI18n('en'));
  for (const plugin of options.plugins ?? []) app.use(plugin);
  app.mount(host);
  return {
    host,
    props,
    find: (selector: string) => host.querySelector<HTMLElement>(selector),
    findAll: (selector: string) => [...host.querySelectorAll<HTMLElement>(selector)],
    text: (selector: string) => host.querySelector(selector)?.textContent?.trim() ?? null,
    unmount: () => {
      app.unmount();
      host.remove();
    },
  };
}

/** Lets promises and Vue's scheduler run. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 5; i += 1) {
    await Promise.resolve();
    await nextTick();
  }
}
