import { EventEmitter } from 'node:events';
import type { ms } from './mediasoup.js';
import { MediaTransport, type TransportDirection } from './MediaTransport.js';

/**
 * The media room of one lesson: a mediasoup router on one worker. Emits `close` once, also
 * when its worker dies (then the lesson cannot carry media any more).
 */
export class MediaRouter extends EventEmitter<{ close: [] }> {
  constructor(
    private readonly router: ms.Router,
    private readonly transportOptions: ms.WebRtcTransportOptions,
  ) {
    super();
    router.observer.once('close', () => this.emit('close'));
  }

  get id(): string {
    return this.router.id;
  }

  get closed(): boolean {
    return this.router.closed;
  }

  get rtpCapabilities(): Record<string, unknown> {
    return structuredClone(this.router.rtpCapabilities) as unknown as Record<string, unknown>;
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
