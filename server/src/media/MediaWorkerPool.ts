import { EventEmitter } from 'node:events';
import { DomainError } from '../../../common/errors.js';
import type { RtcConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { LESSON_MEDIA_CODECS } from './codecs.js';
import { loadMediasoup, type MediasoupModule, type ms } from './mediasoup.js';
import { MediaRouter } from './MediaRouter.js';

export interface MediaWorkerPoolOptions {
  workers: number;
  rtc: RtcConfig;
  logger: Logger;
  /** Wait before trying again when a replacement worker fails to start. */
  retryDelayMs?: number;
}

/** One worker process and its share of the media port range. */
interface Slot {
  index: number;
  minPort: number;
  maxPort: number;
  worker: ms.Worker | null;
  routers: number;
}

/**
 * The mediasoup worker processes. Each worker gets its own slice of the port range; a router
 * goes to the worker with the fewest routers. A worker that dies is logged and replaced (its
 * routers close, and their lessons end). `close()` stops every worker.
 */
export class MediaWorkerPool extends EventEmitter<{ replaced: [index: number] }> {
  private readonly slots: Slot[];
  private closed = false;
  private readonly logger: Logger;

  private constructor(
    private readonly mediasoup: MediasoupModule,
    private readonly options: MediaWorkerPoolOptions,
  ) {
    super();
    this.logger = options.logger.child({ module: 'media' });
    const { minPort, maxPort } = options.rtc;
    const share = Math.floor((maxPort - minPort + 1) / options.workers);
    this.slots = Array.from({ length: options.workers }, (_, index) => ({
      index,
      minPort: minPort + index * share,
      maxPort: index === options.workers - 1 ? maxPort : minPort + (index + 1) * share - 1,
      worker: null,
      routers: 0,
    }));
  }

  static async create(options: MediaWorkerPoolOptions): Promise<MediaWorkerPool> {
    const pool = new MediaWorkerPool(await loadMediasoup(), options);
    try {
      await Promise.all(pool.slots.map((slot) => pool.start(slot)));
    } catch (error) {
      await pool.close();
      const bin = process.env.MEDIASOUP_WORKER_BIN ?? '(not set)';
      throw new Error(`Could not start the media workers (MEDIASOUP_WORKER_BIN=${bin}): ${String(error)}`, {
        cause: error,
      });
    }
    return pool;
  }

  /** Live workers. */
  get size(): number {
    return this.slots.filter((slot) => slot.worker !== null).length;
  }

  /** Process ids of the live workers (for health checks and tests). */
  get pids(): number[] {
    return this.slots.flatMap((slot) => (slot.worker ? [slot.worker.pid] : []));
  }

  /** A router for one lesson on the least loaded worker. UNAVAILABLE when no worker runs. */
  async createRouter(): Promise<MediaRouter> {
    const slot = this.slots
      .filter((s) => s.worker !== null)
      .reduce<Slot | undefined>((best, s) => (best === undefined || s.routers < best.routers ? s : best), undefined);
    if (!slot?.worker) throw new DomainError('UNAVAILABLE', 'No media worker is running');
    slot.routers += 1;
    const worker = slot.worker;
    let router: ms.Router;
    try {
      router = await worker.createRouter({ mediaCodecs: LESSON_MEDIA_CODECS });
    } catch (error) {
      if (slot.worker === worker) slot.routers -= 1;
      throw error;
    }
    const media = new MediaRouter(router, this.transportOptions());
    media.once('close', () => {
      if (slot.worker === worker) slot.routers -= 1;
    });
    return media;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const slot of this.slots) {
      slot.worker?.close();
      slot.worker = null;
    }
  }

  private transportOptions(): ms.WebRtcTransportOptions {
    const { listenIp, announcedIp } = this.options.rtc;
    return {
      listenIps: [announcedIp ? { ip: listenIp, announcedIp } : { ip: listenIp }],
      enableUdp: true,
      enableTcp: true,
      preferUdp: true,
      initialAvailableOutgoingBitrate: 1_000_000,
    };
  }

  private async start(slot: Slot): Promise<void> {
    const worker = await this.mediasoup.createWorker({
      logLevel: 'warn',
      rtcMinPort: slot.minPort,
      rtcMaxPort: slot.maxPort,
    });
    if (this.closed) {
      worker.close();
      return;
    }
    slot.worker = worker;
    slot.routers = 0;
    worker.on('died', (error) => this.onDied(slot, worker, error));
    this.logger.info({ pid: worker.pid, ports: `${slot.minPort}-${slot.maxPort}` }, 'media worker started');
  }

  private onDied(slot: Slot, worker: ms.Worker, error: Error): void {
    if (slot.worker !== worker) return;
    slot.worker = null;
    slot.routers = 0;
    this.logger.error({ pid: worker.pid, err: error }, 'media worker died; starting a new one');
    void this.replace(slot);
  }

  private async replace(slot: Slot): Promise<void> {
    while (!this.closed && slot.worker === null) {
      try {
        await this.start(slot);
        if (slot.worker) this.emit('replaced', slot.index);
        return;
      } catch (error) {
        this.logger.error({ err: error }, 'a replacement media worker failed to start; trying again');
        await new Promise((resolve) => setTimeout(resolve, this.options.retryDelayMs ?? 2_000).unref());
      }
    }
  }
}
