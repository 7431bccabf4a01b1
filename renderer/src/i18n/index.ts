import { createI18n } from 'vue-i18n';
import { en, type Messages } from './en.js';
import { ru } from './ru.js';

export const LOCALES = ['en', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];

export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', ru: 'Русский' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Russian for any `ru*` language tag, English otherwise. */
export function detectLocale(language: string | undefined): Locale {
  return language?.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

/** Index of the plural form in "zero | one | few | many" for Russian. */
export function russianPlural(choice: number, choicesLength: number): number {
  const n = Math.abs(choice);
  if (n === 0) return 0;
  const lastTwo = n % 100;
  const last = n % 10;
  const teen = lastTwo > 10 && lastTwo < 20;
  if (!teen && last === 1) return Math.min(1, choicesLength - 1);
  if (!teen && last >= 2 && last <= 4) return Math.min(2, choicesLength - 1);
  return Math.min(3, choicesLength - 1);
}

export const messages: Record<Locale, Messages> = { en, ru };

export function createAppI18n(locale: Locale) {
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages,
    pluralRules: { ru: russianPlural },
  });
}
