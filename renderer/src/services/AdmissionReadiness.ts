import type { ProducerInfo } from '../../../common/protocol/lesson.js';
import { captureCameraAndMicrophone, stopCaptured, type CapturedDevices, type MediaDevicesLike } from './localMedia.js';
import { MediaSession, type PreparedDevice } from './MediaSession.js';

/**
 * What a waiting participant gets ready so that admission is quick: camera and microphone
 * captured (and previewed) while waiting, the media device loaded once the lesson's
 * capabilities are known, and producers announced after admission but before the media
 * session was ready. Handed over once, to the media session created on admission.
 */
export class AdmissionReadiness {
  #capture: Promise<CapturedDevices> | null = null;
  #device: PreparedDevice | null = null;
  readonly #announced = new Map<string, ProducerInfo>();

  capture(devices: MediaDevicesLike | undefined): Promise<CapturedDevices> {
    this.#capture ??= captureCameraAndMicrophone(devices);
    return this.#capture;
  }

  /** The capture, if any, now owned by the caller. */
  async takeCapture(): Promise<CapturedDevices | undefined> {
    const capture = this.#capture;
    this.#capture = null;
    return capture ?? undefined;
  }

  prepareDevice(routerRtpCapabilities: Record<string, unknown> | null): void {
    if (routerRtpCapabilities && !this.#device) this.#device = MediaSession.prepareDevice(routerRtpCapabilities);
  }

  get device(): PreparedDevice | null {
    return this.#device;
  }

  announce(producer: ProducerInfo): void {
    this.#announced.set(producer.producerId, producer);
  }

  withdraw(producerId: string): void {
    this.#announced.delete(producerId);
  }

  /** The snapshot's producers with those announced since, each once. */
  producersWith(snapshot: ProducerInfo[]): ProducerInfo[] {
    const all = new Map(snapshot.map((p) => [p.producerId, p]));
    for (const [id, producer] of this.#announced) all.set(id, producer);
    this.#announced.clear();
    return [...all.values()];
  }

  /** Drops everything; stops a capture nobody took. */
  clear(): void {
    void this.#capture?.then(stopCaptured);
    this.#capture = null;
    this.#device = null;
    this.#announced.clear();
  }
}
