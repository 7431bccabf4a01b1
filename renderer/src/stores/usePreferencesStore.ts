import { defineStore } from 'pinia';
import { ref } from 'vue';
import { detectLocale, isLocale, type Locale } from '../i18n/index.js';
import { services } from '../services/registry.js';

const LOCALE_KEY = 'parta.locale';

/** Choices of this person on this device: for now the interface language. */
export const usePreferencesStore = defineStore('preferences', () => {
  const storage = services().storage;
  const saved = storage.getItem(LOCALE_KEY);
  const locale = ref<Locale>(
    isLocale(saved) ? saved : detectLocale(typeof navigator === 'undefined' ? undefined : navigator.language),
  );

  function setLocale(next: Locale): void {
    locale.value = next;
    storage.setItem(LOCALE_KEY, next);
  }

  return { locale, setLocale };
});
