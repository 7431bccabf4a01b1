import { nextTick, onMounted, type Ref } from 'vue';

/** Moves focus to the view's heading when it appears, so screen readers announce the new screen. */
export function useFocusOnMount(target: Readonly<Ref<HTMLElement | null>>): void {
  onMounted(() => {
    void nextTick(() => target.value?.focus({ preventScroll: false }));
  });
}
