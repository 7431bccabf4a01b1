import { nextTick, readonly, ref } from 'vue';

const message = ref('');

/** The text of the app's polite live region (rendered once, in App.vue). */
export const announcement = readonly(message);

/** Says something to screen reader users without moving focus. */
export function announce(text: string): void {
  message.value = '';
  void nextTick(() => {
    message.value = text;
  });
}
