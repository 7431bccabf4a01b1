import { transientText } from './transientText.js';

const spoken = transientText();

/** The text of the app's polite live region (rendered once, in App.vue). */
export const announcement = spoken.text;

/** Says something to screen reader users without moving focus. */
export const announce = spoken.say;
