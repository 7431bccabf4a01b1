import { EventEmitter } from 'node:events';
import type { TransportOptions } from '../../../common/protocol/lesson.js';
import { consumerHandle, producerHandle, type ConsumerHandle, type MediaKind, type ProducerHandle } from './handles.js';
import type { ms } from './mediasoup.js';
import { withClientData } from './mediaErrors.js';

export type TransportDirection = 'send' | 'recv';

/**
 * One WebRTC transport of one participant: `send` carries their tracks to the server, `recv`
 * carries the others' tracks to them. Parameters a client sends are checked by mediasoup;
 * its refusals become BAD_REQUEST or CONFLICT (see mediaErrors.ts). Emits `close` once.
 */
export class MediaTransport extends EventEmitter<{ close: [] }> {
  constructor(
    private readonly transport: ms.WebRtcTransport,
    readonly direction: TransportDirection,
  ) {
    super();
    transport.observer.once('close', () => this.emit('close'));
  }

  get id(): string {
    return this.transport.id;
  }

  get closed(): boolean {
    return this.transport.closed;
  }

  /** What the client needs to create its side of the transport. */
  get options(): TransportOptions {
    return {
      id: this.transport.id,
      iceParameters: { ...this.transport.iceParameters },
      iceCandidates: this.transport.iceCandidates.map((candidate) => ({ ...candidate })),
      dtlsParameters: { ...this.transport.dtlsParameters },
    };
  }

  connect(dtlsParameters: Record<string, unknown>): Promise<void> {
    return withClientData(() =>
      this.transport.connect({ dtlsParameters: dtlsParameters as unknown as ms.DtlsParameters }),
    );
  }

  async produce(kind: MediaKind, rtpParameters: Record<string, unknown>): Promise<ProducerHandle> {
    const producer = await withClientData(() =>
      this.transport.produce({ kind, rtpParameters: rtpParameters as unknown as ms.RtpParameters }),
    );
    return producerHandle(producer);
  }

  /** A paused consumer of the producer; resume it once the client has set up its track. */
  async consume(producerId: string, rtpCapabilities: Record<string, unknown>): Promise<ConsumerHandle> {
    const consumer = await withClientData(() =>
      this.transport.consume({
        producerId,
        rtpCapabilities: rtpCapabilities as unknown as ms.RtpCapabilities,
        paused: true,
      }),
    );
    return consumerHandle(consumer);
  }

  close(): void {
    this.transport.close();
  }
}
