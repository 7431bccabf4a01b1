// What a participant sees, read from the page the way a user would notice it: frames painted in
// the <video> elements, and framesDecoded in the inbound RTP statistics of the peer connections.
import type { Page } from '@playwright/test';

/** Added before the app loads: remembers every RTCPeerConnection the page creates. */
export function recordPeerConnections(): void {
  const Native = window.RTCPeerConnection;
  const seen: RTCPeerConnection[] = [];
  (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections = seen;
  window.RTCPeerConnection = class extends Native {
    constructor(config?: RTCConfiguration) {
      super(config);
      seen.push(this);
    }
  } as typeof RTCPeerConnection;
}

/** Sum of framesDecoded over all inbound video streams of the page. */
export async function framesDecoded(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const pcs = (window as unknown as { __peerConnections?: RTCPeerConnection[] }).__peerConnections ?? [];
    let total = 0;
    for (const pc of pcs) {
      const stats = await pc.getStats();
      stats.forEach((report: { type: string; kind?: string; framesDecoded?: number }) => {
        if (report.type === 'inbound-rtp' && report.kind === 'video') total += report.framesDecoded ?? 0;
      });
    }
    return total;
  });
}

/**
 * framesDecoded of the inbound stream shown in the first <video> matching the selector: the
 * statistics of the receiver whose track the element plays (0 if none).
 */
export async function framesDecodedOf(page: Page, selector: string): Promise<number> {
  return page.evaluate(async (sel) => {
    const source = document.querySelector<HTMLVideoElement>(sel)?.srcObject;
    const track = source instanceof MediaStream ? source.getVideoTracks()[0] : undefined;
    const pcs = (window as unknown as { __peerConnections?: RTCPeerConnection[] }).__peerConnections ?? [];
    const receiver = pcs.flatMap((pc) => pc.getReceivers()).find((r) => track !== undefined && r.track === track);
    if (!receiver) return 0;
    let total = 0;
    (await receiver.getStats()).forEach((report: { type: string; framesDecoded?: number }) => {
      if (report.type === 'inbound-rtp') total += report.framesDecoded ?? 0;
    });
    return total;
  }, selector);
}

/** Frames painted so far by the first <video> matching the selector (0 if none). */
export async function framesPainted(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => {
    const video = document.querySelector<HTMLVideoElement>(sel);
    if (!video || video.videoWidth === 0) return 0;
    return video.getVideoPlaybackQuality().totalVideoFrames;
  }, selector);
}

/**
 * Resolves with the epoch time of the first frame painted in the video matching the selector.
 * (No named inner functions: tsx would wrap them in a helper the page does not have.)
 */
export async function firstFrameAt(page: Page, selector: string, timeoutMs = 15_000): Promise<number> {
  return page.evaluate(
    ({ sel, timeout }) =>
      new Promise<number>((resolve, reject) => {
        const deadline = Date.now() + timeout;
        const timer = setInterval(() => {
          const video = document.querySelector<HTMLVideoElement>(sel);
          if (video) {
            clearInterval(timer);
            video.requestVideoFrameCallback(() => resolve(Date.now()));
          } else if (Date.now() > deadline) {
            clearInterval(timer);
            reject(new Error(`no video ${sel}`));
          }
        }, 5);
      }),
    { sel: selector, timeout: timeoutMs },
  );
}
