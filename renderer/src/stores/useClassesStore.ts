import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { AppError } from '../../../common/errors.js';
import type { ClassSummary } from '../../../common/protocol/auth.js';
import { services } from '../services/registry.js';
import { useAuthStore } from './useAuthStore.js';

export const useClassesStore = defineStore('classes', () => {
  const byId = ref<Record<string, ClassSummary>>({});
  const order = ref<string[]>([]);
  const status = ref<'idle' | 'loading' | 'ready' | 'error'>('idle');
  const error = ref<AppError | null>(null);

  const list = computed(() => order.value.map((id) => byId.value[id]).filter((c): c is ClassSummary => !!c));

  async function load(): Promise<void> {
    const auth = useAuthStore();
    const token = auth.token;
    if (!token) return;
    status.value = 'loading';
    error.value = null;
    const reply = await services().api.classes(token);
    if (!reply.ok) {
      status.value = 'error';
      error.value = reply.error;
      auth.handleFailure(reply.error);
      return;
    }
    byId.value = Object.fromEntries(reply.data.map((c) => [c.id, c]));
    order.value = reply.data.map((c) => c.id);
    status.value = 'ready';
  }

  function clear(): void {
    byId.value = {};
    order.value = [];
    status.value = 'idle';
    error.value = null;
  }

  return { byId, order, list, status, error, load, clear };
});
