import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';
import { transientText } from './transientText.js';

describe('transientText', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('says the text, then clears it so no stale sentence stays in the live region', async () => {
    const { text, say } = transientText(1_000);
    say('Vera is waiting to join.');
    await nextTick();
    expect(text.value).toBe('Vera is waiting to join.');
    vi.advanceTimersByTime(999);
    expect(text.value).toBe('Vera is waiting to join.');
    vi.advanceTimersByTime(1);
    expect(text.value).toBe('');
  });

  it('a new sentence replaces the old one and gets its own full time', async () => {
    const { text, say } = transientText(1_000);
    say('first');
    await nextTick();
    vi.advanceTimersByTime(800);
    say('second');
    await nextTick();
    vi.advanceTimersByTime(800);
    expect(text.value).toBe('second');
  });
});
