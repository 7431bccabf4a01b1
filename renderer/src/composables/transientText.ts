import { nextTick, readonly, ref, type Ref } from 'vue';

/**
 * Text for a live region that is said once and then cleared, so a screen reader that reads the
 * page later does not find a stale sentence (in a language since switched, about someone who
 * has since been let in).
 */
export function transientText(holdMs = 5_000): { text: Readonly<Ref<string>>; say(value: string): void } {
  const text = ref('');
  let timer: ReturnType<typeof setTimeout> | undefined;
  function say(value: string): void {
    clearTimeout(timer);
    text.value = '';
    void nextTick(() => {
      text.value = value;
      timer = setTimeout(() => {
        text.value = '';
      }, holdMs);
    });
  }
  return { text: readonly(text), say };
}
