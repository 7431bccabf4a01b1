// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../common/errors.js';
import { LESSON_END_REASONS } from '../../../common/protocol/lesson.js';
import { createAppI18n, detectLocale, messages } from './index.js';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const en = leaves(messages.en as unknown as Tree);
const ru = leaves(messages.ru as unknown as Tree);
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
  it('has the same keys in Russian and English', () => {
    expect([...ru.keys()].sort()).toEqual([...en.keys()].sort());
  });

  it('uses the same placeholders in both languages', () => {
    for (const [key, text] of en) {
      expect(new Set(placeholders(ru.get(key) ?? '')), key).toEqual(new Set(placeholders(text)));
    }
  });

  it('translates every error code and every way a lesson can end', () => {
    for (const code of ERROR_CODES) {
      expect(en.has(`errors.${code}`), code).toBe(true);
      expect(ru.has(`errors.${code}`), code).toBe(true);
    }
    for (const reason of [...LESSON_END_REASONS, 'connection-lost', 'ended-by-me']) {
      expect(en.has(`lesson.ended.${reason}`), reason).toBe(true);
    }
  });

  it('renders every message in both languages without leftover syntax', () => {
    for (const locale of ['en', 'ru'] as const) {
      const { t } = createAppI18n(locale).global;
      for (const key of en.keys()) {
        const text = t(key, { name: 'Anna', className: '5A', time: '09:00', n: 2 });
        expect(text, `${locale}:${key}`).not.toBe(key);
        expect(text, `${locale}:${key}`).not.toMatch(/[{}]/);
      }
    }
  });

  it('uses Russian plural forms', () => {
    const { t } = createAppI18n('ru').global;
    expect(t('classes.students', 0)).toBe('нет учеников');
    expect(t('classes.students', 1)).toBe('1 ученик');
    expect(t('classes.students', 3)).toBe('3 ученика');
    expect(t('classes.students', 5)).toBe('5 учеников');
    expect(t('classes.students', 11)).toBe('11 учеников');
    expect(t('classes.students', 22)).toBe('22 ученика');
    expect(createAppI18n('en').global.t('classes.students', 1)).toBe('1 student');
  });

  it('follows the browser language: Russian for ru*, English otherwise', () => {
    expect(detectLocale('ru-RU')).toBe('ru');
    expect(detectLocale('ru')).toBe('ru');
    expect(detectLocale('en-GB')).toBe('en');
    expect(detectLocale('kk-KZ')).toBe('en');
    expect(detectLocale(undefined)).toBe('en');
  });
});
