import type { ProducerInfo, RoomSnapshot } from '../../../common/protocol/lesson.js';

const SOURCE_RANK = { screen: 0, camera: 1, microphone: 2 } as const;

/**
 * The order in which a newly admitted participant consumes what is already being sent: the
 * teacher first (shared screen, then camera, then voice), then everyone else. Each consumer is a
 * renegotiation of the receiving connection, so what matters most arrives first.
 */
export function admissionOrder(room: Pick<RoomSnapshot, 'participants' | 'producers'>): ProducerInfo[] {
  const hosts = new Set(room.participants.filter((p) => p.isHost).map((p) => p.id));
  const rank = (p: ProducerInfo): number => (hosts.has(p.participantId) ? 0 : 10) + SOURCE_RANK[p.source];
  return [...room.producers].sort((a, b) => rank(a) - rank(b));
}
