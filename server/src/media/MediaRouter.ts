import { EventEmitter } from 'node:events';
import type { ms } from './mediasoup.js';
import { MediaTransport, type TransportDirection } from './MediaTransport.js';

/**
 * The media room of one lesson: a mediasoup router on one worker. Emits `close` once, also
 * when its worker dies (then the lesson cannot carry media any more).
 */
export class MediaRouter extends EventEmitter<{ close: [] }> {
  /** What a client needs to load its media device; a copy taken once (it never changes). */
  readonly rtpCapabilities: Record<string, unknown>;

  constructor(
    private readonly router: ms.Router,
    private readonly transportOptions: ms.WebRtcTransportOptions,
  ) {
    super();
    this.rtpCapabilities = structuredClone(router.rtpCapabilities) as unknown as Record<string, unknown>;
    router.observer.once('close', () => this.emit('close'));
  }

  get closed(): boolean {
    return this.router.closed;
  }

  /** Whether a client with these capabilities can receive the producer. False for junk input. */
  canConsume(producerId: string, rtpCapabilities: Record<string, unknown>): boolean {
    try {
      return this.router.canConsume({ producerId, rtpCapabilities: rtpCapabilities as unknown as ms.RtpCapabilities });
    } catch {
      return false;
    }
  }

  async createTransport(direction: TransportDirection): Promise<MediaTransport> {
    const transport = await this.router.createWebRtcTransport({
      ...this.transportOptions,
      appData: { direction },
    });
    return new MediaTransport(transport, direction);
  }

  close(): void {
    this.router.close();
  }
}
