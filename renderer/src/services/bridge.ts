import type { PartaBridge } from '../../../common/ipc.js';

declare global {
  interface Window {
    /** Present only inside the Electron app (exposed by the preload). */
    parta?: PartaBridge;
  }
}

/** The desktop bridge when the page runs in Electron, or null in a plain browser. */
export function getBridge(): PartaBridge | null {
  if (typeof window === 'undefined') return null;
  const bridge = window.parta;
  return bridge && typeof bridge === 'object' ? bridge : null;
}
