import { Device, type types } from 'mediasoup-client';
import type { Ack, AppError } from '../../../common/errors.js';
import type { LessonRequests, ProducerInfo, RoomSnapshot } from '../../../common/protocol/lesson.js';
import { mediaSourceSchema } from '../../../common/protocol/lesson.js';
import { appError, failure } from './appError.js';
import type { Emitter } from './emitter.js';
import type { DeviceState, LessonClientEvents, LocalMediaState } from './lessonPort.js';
import {
  captureCameraAndMicrophone,
  captureOne,
  type CapturedDevices,
  type CaptureOutcome,
  type MediaDevicesLike,
} from './localMedia.js';
import type { RequestName } from './socketRequest.js';

export type Requester = <K extends RequestName>(
  name: K,
  payload: LessonRequests[K][0],
) => Promise<Ack<LessonRequests[K][1]>>;

type LocalSource = 'camera' | 'microphone' | 'screen';

/** A device loaded ahead of admission, with the capabilities it was loaded for. */
export interface PreparedDevice {
  capabilities: string;
  device: Promise<Device | null>;
}

async function loadDevice(routerRtpCapabilities: Record<string, unknown>): Promise<Device> {
  const device = await Device.factory();
  await device.load({ routerRtpCapabilities: routerRtpCapabilities as unknown as types.RtpCapabilities });
  return device;
}

/** A refused signaling request, carried through mediasoup-client's errback. */
class RequestRefused extends Error {
  constructor(readonly error: AppError) {
    super(`${error.code}: ${error.message}`);
  }
}

function asAppError(error: unknown, fallback: AppError['code']): AppError {
  if (error instanceof RequestRefused) return error.error;
  return appError(fallback, error instanceof Error ? error.message : String(error));
}

/**
 * The mediasoup side of one admitted participant: device, one send and one recv transport,
 * our producers and the consumers of everyone else's. Created by `create`, closed by `close`.
 * Only `LessonClient` creates it; nothing else in the renderer sees mediasoup-client.
 */
export class MediaSession {
  readonly #producers = new Map<LocalSource, types.Producer>();
  readonly #consumers = new Map<string, types.Consumer>();
  readonly #consuming = new Set<string>();
  readonly #removed = new Set<string>();
  #closed = false;

  private constructor(
    private readonly device: Device,
    private readonly send: types.Transport,
    private readonly recv: types.Transport,
    private readonly selfId: string,
    private readonly request: Requester,
    private readonly events: Emitter<LessonClientEvents>,
    private readonly devices: MediaDevicesLike | undefined,
  ) {}

  /**
   * Loads a device for a lesson's capabilities ahead of admission (while waiting), so that
   * admission does not wait for it. Null when this browser cannot load it.
   */
  static prepareDevice(routerRtpCapabilities: Record<string, unknown>): PreparedDevice {
    const device = loadDevice(routerRtpCapabilities).catch(() => null);
    return { capabilities: JSON.stringify(routerRtpCapabilities), device };
  }

  static async create(
    room: RoomSnapshot,
    request: Requester,
    events: Emitter<LessonClientEvents>,
    devices: MediaDevicesLike | undefined,
    prepared: PreparedDevice | null = null,
  ): Promise<Ack<MediaSession>> {
    let device: Device;
    try {
      const ready = prepared?.capabilities === JSON.stringify(room.routerRtpCapabilities) ? await prepared.device : null;
      device = ready ?? (await loadDevice(room.routerRtpCapabilities));
    } catch (error) {
      return failure('UNAVAILABLE', `this browser cannot join media: ${String(error)}`);
    }
    // Both at once: the receiving side is what the newly admitted person waits for.
    const [sendReply, recvReply] = await Promise.all([
      request('media:createTransport', { direction: 'send' }),
      request('media:createTransport', { direction: 'recv' }),
    ]);
    if (!sendReply.ok) return sendReply;
    if (!recvReply.ok) return recvReply;
    const send = device.createSendTransport(sendReply.data as unknown as types.TransportOptions);
    const recv = device.createRecvTransport(recvReply.data as unknown as types.TransportOptions);
    const session = new MediaSession(device, send, recv, room.selfId, request, events, devices);
    session.#wire(send);
    session.#wire(recv);
    return { ok: true, data: session };
  }

  #wire(transport: types.Transport): void {
    transport.on('connect', ({ dtlsParameters }, callback, errback) => {
      void this.request('media:connectTransport', { transportId: transport.id, dtlsParameters }).then((reply) =>
        reply.ok ? callback() : errback(new RequestRefused(reply.error)),
      );
    });
    transport.on('connectionstatechange', (state) => {
      if (state === 'failed' && !this.#closed) {
        this.events.emit('error', appError('UNAVAILABLE', `${transport.direction} transport failed`));
      }
    });
    if (transport.direction !== 'send') return;
    transport.on('produce', ({ kind, rtpParameters, appData }, callback, errback) => {
      const source = mediaSourceSchema.safeParse(appData.source);
      if (!source.success) {
        errback(new RequestRefused(appError('BAD_REQUEST', 'producer without a source')));
        return;
      }
      void this.request('media:produce', { transportId: transport.id, kind, rtpParameters, source: source.data }).then(
        (reply) => (reply.ok ? callback({ id: reply.data.producerId }) : errback(new RequestRefused(reply.error))),
      );
    });
  }

  async #produce(source: LocalSource, track: MediaStreamTrack): Promise<Ack<null>> {
    if (this.#closed) {
      track.stop();
      return failure('UNAVAILABLE', 'media closed');
    }
    const kind = track.kind === 'audio' ? 'audio' : 'video';
    if (!this.device.canProduce(kind)) {
      track.stop();
      return failure('UNAVAILABLE', `cannot send ${kind}`);
    }
    try {
      const producer = await this.send.produce({
        track,
        appData: { source },
        ...(source === 'screen' ? { codecOptions: { videoGoogleStartBitrate: 1000 } } : {}),
      });
      this.#producers.set(source, producer);
      producer.on('trackended', () => {
        void this.stopProducing(source);
      });
      return { ok: true, data: null };
    } catch (error) {
      track.stop();
      return { ok: false, error: asAppError(error, 'INTERNAL') };
    }
  }

  async #publish(source: 'camera' | 'microphone', outcome: CaptureOutcome): Promise<DeviceState> {
    if (!('track' in outcome)) return outcome.state;
    const reply = await this.#produce(source, outcome.track);
    if (!reply.ok) {
      this.events.emit('error', reply.error);
      return 'failed';
    }
    if (source === 'camera') this.events.emit('local:track', { source, track: outcome.track });
    return 'on';
  }

  async publishCameraAndMicrophone(prepared?: CapturedDevices): Promise<LocalMediaState> {
    const captured = prepared ?? (await captureCameraAndMicrophone(this.devices));
    const [camera, microphone] = await Promise.all([
      this.#publish('camera', captured.camera),
      this.#publish('microphone', captured.microphone),
    ]);
    return { camera, microphone };
  }

  /**
   * Pauses or resumes a producer (and its track) here and on the server, which then forwards
   * nothing of it and tells the others; captures afresh when there is none yet. Turning off
   * always holds here; if the server refuses to resume, the device stays off.
   */
  async setDeviceEnabled(source: 'camera' | 'microphone', enabled: boolean): Promise<DeviceState> {
    const producer = this.#producers.get(source);
    if (!producer) {
      if (!enabled) return 'off';
      return this.#publish(source, await captureOne(this.devices, source));
    }
    this.#pauseLocally(producer, !enabled);
    const reply = await this.request(enabled ? 'media:resumeProducer' : 'media:pauseProducer', {
      producerId: producer.id,
    });
    if (reply.ok || this.#closed || producer.closed) return enabled ? 'on' : 'off';
    this.events.emit('error', reply.error);
    if (enabled) this.#pauseLocally(producer, true);
    return 'off';
  }

  #pauseLocally(producer: types.Producer, paused: boolean): void {
    if (paused) producer.pause();
    else producer.resume();
    if (producer.track) producer.track.enabled = !paused;
  }

  async startScreen(track: MediaStreamTrack): Promise<Ack<null>> {
    await this.stopProducing('screen');
    const reply = await this.#produce('screen', track);
    if (reply.ok) this.events.emit('local:track', { source: 'screen', track });
    return reply;
  }

  async stopProducing(source: LocalSource): Promise<void> {
    const producer = this.#producers.get(source);
    if (!producer) return;
    this.#producers.delete(source);
    producer.close();
    producer.track?.stop();
    if (source !== 'microphone') this.events.emit('local:track', { source, track: null });
    if (!this.#closed) await this.request('media:closeProducer', { producerId: producer.id });
  }

  async consume(info: ProducerInfo): Promise<void> {
    const { producerId } = info;
    if (this.#closed || info.participantId === this.selfId) return;
    if (this.#consumers.has(producerId) || this.#consuming.has(producerId)) return;
    this.#consuming.add(producerId);
    try {
      const reply = await this.request('media:consume', {
        transportId: this.recv.id,
        producerId,
        rtpCapabilities: this.device.recvRtpCapabilities,
      });
      if (!reply.ok) {
        // The producer may have gone meanwhile; that is not worth telling anyone.
        if (reply.error.code !== 'NOT_FOUND' && !this.#removed.has(producerId)) this.events.emit('error', reply.error);
        return;
      }
      const options = reply.data;
      const consumer = await this.recv.consume({
        id: options.id,
        producerId: options.producerId,
        kind: options.kind,
        rtpParameters: options.rtpParameters as unknown as types.RtpParameters,
      });
      if (this.#closed || this.#removed.has(producerId)) {
        consumer.close();
        return;
      }
      this.#consumers.set(producerId, consumer);
      this.events.emit('track:added', {
        producerId,
        participantId: options.participantId,
        kind: options.kind,
        source: options.source,
        track: consumer.track,
      });
      const resumed = await this.request('media:resumeConsumer', { consumerId: consumer.id });
      if (!resumed.ok && resumed.error.code !== 'NOT_FOUND') this.events.emit('error', resumed.error);
    } catch (error) {
      this.events.emit('error', asAppError(error, 'INTERNAL'));
    } finally {
      this.#consuming.delete(producerId);
    }
  }

  dropProducer(producerId: string): void {
    this.#removed.add(producerId);
    const consumer = this.#consumers.get(producerId);
    if (!consumer) return;
    this.#consumers.delete(producerId);
    consumer.close();
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    // Closed: no request goes to the server, so these finish at once.
    for (const source of [...this.#producers.keys()]) void this.stopProducing(source);
    for (const consumer of this.#consumers.values()) consumer.close();
    this.#consumers.clear();
    this.send.close();
    this.recv.close();
  }
}
