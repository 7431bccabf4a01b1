/**
 * Puts a track into a <video> or <audio> element (or clears it). Rendering only: the track
 * comes from the store, which got it from the lesson client.
 */
export function attachTrack(element: HTMLMediaElement | null, track: MediaStreamTrack | null): void {
  if (!element) return;
  const current = element.srcObject;
  if (!track) {
    if (current) element.srcObject = null;
    return;
  }
  if (typeof MediaStream === 'undefined') return;
  if (current instanceof MediaStream && current.getTracks().includes(track)) return;
  try {
    element.srcObject = new MediaStream([track]);
  } catch {
    return;
  }
  const playing = element.play?.();
  if (playing && typeof playing.catch === 'function') playing.catch(() => undefined);
}
