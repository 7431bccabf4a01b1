import { DomainError } from '../../../common/errors.js';
import type {
  ConnectTransportRequest,
  ConsumeRequest,
  ConsumerOptions,
  CreateTransportRequest,
  ProduceRequest,
  TransportOptions,
} from '../../../common/protocol/lesson.js';
import type { Lesson } from './Lesson.js';
import type { Participant } from './Participant.js';

/** Transports a participant may hold per direction (a fresh pair after a failed one). */
export const MAX_TRANSPORTS_PER_DIRECTION = 2;

/**
 * The media requests of an admitted participant (the caller checked admission). Everything is
 * looked up among the participant's own transports, producers and consumers, so another's id
 * is NOT_FOUND. After each await the participant may have left (`isIn` the lesson no more):
 * anything created for it then is closed at once, so a participant who is gone never keeps media.
 */
export async function createTransport(
  lesson: Lesson,
  p: Participant,
  { direction }: CreateTransportRequest,
): Promise<TransportOptions> {
  const held = [...p.transports.values()].filter((t) => t.direction === direction).length;
  if (held >= MAX_TRANSPORTS_PER_DIRECTION) throw new DomainError('CONFLICT', `Too many ${direction} transports`);
  return exclusive(p, `transport:${direction}`, async () => {
    const transport = await lesson.router.createTransport(direction);
    if (!p.isIn(lesson)) {
      transport.close();
      throw new DomainError('NOT_ADMITTED', 'You left the lesson');
    }
    p.transports.set(transport.id, transport);
    transport.once('close', () => p.transports.delete(transport.id));
    return transport.options;
  });
}

export async function connectTransport(p: Participant, request: ConnectTransportRequest): Promise<null> {
  await p.transport(request.transportId).connect(request.dtlsParameters);
  return null;
}

const KIND_OF_SOURCE = { camera: ['video'], microphone: ['audio'], screen: ['video', 'audio'] } as const;

export async function produce(lesson: Lesson, p: Participant, request: ProduceRequest): Promise<{ producerId: string }> {
  const { source, kind } = request;
  if (source === 'screen' && p.role !== 'teacher') {
    throw new DomainError('FORBIDDEN', 'Only a teacher shares the screen');
  }
  if (!(KIND_OF_SOURCE[source] as readonly string[]).includes(kind)) {
    throw new DomainError('BAD_REQUEST', `A ${source} track cannot be ${kind}`);
  }
  const transport = p.transport(request.transportId);
  if (transport.direction !== 'send') throw new DomainError('BAD_REQUEST', 'Produce on a send transport');
  const taken = [...p.producers.values()].some((e) => e.source === source && e.handle.kind === kind);
  if (taken) throw new DomainError('CONFLICT', `You already send ${source} ${kind}; close it first`);
  return exclusive(p, `produce:${source}:${kind}`, async () => {
    const handle = await transport.produce(kind, request.rtpParameters);
    // A closed lesson has closed all its participants first, so this covers it too.
    if (!p.isIn(lesson)) {
      handle.close();
      throw new DomainError('NOT_ADMITTED', 'You left the lesson');
    }
    lesson.addProducer(p, { handle, source });
    return { producerId: handle.id };
  });
}

export async function closeProducer(p: Participant, producerId: string): Promise<null> {
  p.producer(producerId).handle.close(); // the lesson tells the others (producer:removed)
  return null;
}

/**
 * Pauses or resumes one's own producer in the media worker, so the server stops (or starts
 * again) forwarding it; the lesson tells the others when its state really changes.
 */
export async function setProducerPaused(p: Participant, producerId: string, paused: boolean): Promise<null> {
  const { handle } = p.producer(producerId);
  try {
    await handle.setPaused(paused);
  } catch (error) {
    if (handle.closed) throw new DomainError('NOT_FOUND', 'The producer has gone');
    throw error;
  }
  return null;
}

export async function consume(lesson: Lesson, p: Participant, request: ConsumeRequest): Promise<ConsumerOptions> {
  const transport = p.transport(request.transportId);
  if (transport.direction !== 'recv') throw new DomainError('BAD_REQUEST', 'Consume on a recv transport');
  const found = lesson.findProducer(request.producerId);
  if (!found) throw new DomainError('NOT_FOUND', 'No such producer in this lesson');
  const { owner, entry } = found;
  // One's own media is shown from the local track; sending it back through the SFU only wastes
  // bandwidth and a consumer.
  if (owner === p) throw new DomainError('BAD_REQUEST', 'Your own producer is not consumed');
  const options = (consumerId: string, rtpParameters: Record<string, unknown>): ConsumerOptions => ({
    id: consumerId,
    producerId: entry.handle.id,
    participantId: owner.id,
    kind: entry.handle.kind,
    source: entry.source,
    rtpParameters,
  });
  const existing = [...p.consumers.values()].find((c) => c.handle.producerId === request.producerId);
  if (existing) {
    // A retried request gets the same consumer back instead of a second one.
    if (existing.transportId !== transport.id) throw new DomainError('CONFLICT', 'Already consuming this producer');
    return options(existing.handle.id, existing.handle.rtpParameters);
  }
  return exclusive(p, `consume:${request.producerId}`, async () => {
    if (!lesson.router.canConsume(request.producerId, request.rtpCapabilities)) {
      throw new DomainError('BAD_REQUEST', 'These capabilities cannot receive this producer');
    }
    const handle = await transport.consume(request.producerId, request.rtpCapabilities);
    if (!p.isIn(lesson)) {
      handle.close();
      throw new DomainError('NOT_ADMITTED', 'You left the lesson');
    }
    if (handle.closed) throw new DomainError('NOT_FOUND', 'The producer has gone');
    p.consumers.set(handle.id, { handle, transportId: transport.id });
    handle.onClose(() => p.consumers.delete(handle.id));
    return options(handle.id, handle.rtpParameters);
  });
}

export async function resumeConsumer(p: Participant, consumerId: string): Promise<null> {
  await p.consumer(consumerId).handle.resume();
  return null;
}

/**
 * Runs one media request of a participant while no other with the same key is in flight, so
 * two at once cannot both pass a uniqueness check; the second is refused with CONFLICT.
 */
async function exclusive<T>(p: Participant, key: string, run: () => Promise<T>): Promise<T> {
  if (p.pending.has(key)) throw new DomainError('CONFLICT', 'The same request is already in progress');
  p.pending.add(key);
  try {
    return await run();
  } finally {
    p.pending.delete(key);
  }
}
