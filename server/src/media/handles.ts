import type { ms } from './mediasoup.js';
import { withClientData } from './mediaErrors.js';

export type MediaKind = 'audio' | 'video';

/** A track a participant sends. Closing it closes every consumer of it. */
export interface ProducerHandle {
  readonly id: string;
  readonly kind: MediaKind;
  readonly closed: boolean;
  /** Paused in the media worker: none of it is forwarded to its consumers. */
  readonly paused: boolean;
  /** Pauses or resumes it in the media worker; doing what is already done changes nothing. */
  setPaused(paused: boolean): Promise<void>;
  close(): void;
  /** Called once when the producer closes, for any reason (own close, transport or router). */
  onClose(listener: () => void): void;
  /** Called each time it really becomes paused or resumed. */
  onPausedChange(listener: (paused: boolean) => void): void;
}

/** A track a participant receives; created paused. */
export interface ConsumerHandle {
  readonly id: string;
  readonly producerId: string;
  readonly kind: MediaKind;
  readonly rtpParameters: Record<string, unknown>;
  readonly closed: boolean;
  resume(): Promise<void>;
  close(): void;
  /** Called once when the consumer closes, also when its producer goes away. */
  onClose(listener: () => void): void;
}

export function producerHandle(producer: ms.Producer): ProducerHandle {
  return {
    id: producer.id,
    kind: producer.kind,
    get closed() {
      return producer.closed;
    },
    get paused() {
      return producer.paused;
    },
    setPaused: (paused) => withClientData(() => (paused ? producer.pause() : producer.resume())),
    close: () => producer.close(),
    onClose: (listener) => {
      producer.observer.once('close', listener);
    },
    onPausedChange: (listener) => {
      producer.observer.on('pause', () => listener(true));
      producer.observer.on('resume', () => listener(false));
    },
  };
}

export function consumerHandle(consumer: ms.Consumer): ConsumerHandle {
  return {
    id: consumer.id,
    producerId: consumer.producerId,
    kind: consumer.kind,
    rtpParameters: consumer.rtpParameters as unknown as Record<string, unknown>,
    get closed() {
      return consumer.closed;
    },
    resume: () => withClientData(() => consumer.resume()),
    close: () => consumer.close(),
    onClose: (listener) => {
      consumer.observer.once('close', listener);
    },
  };
}
