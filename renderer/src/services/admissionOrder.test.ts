import { describe, expect, it } from 'vitest';
import type { Participant, ProducerInfo } from '../../../common/protocol/lesson.js';
import { admissionOrder } from './admissionOrder.js';

const person = (id: string, isHost: boolean): Participant => ({
  id,
  userId: `u-${id}`,
  name: id,
  role: isHost ? 'teacher' : 'student',
  isHost,
});
const producer = (participantId: string, source: ProducerInfo['source']): ProducerInfo => ({
  producerId: `${participantId}-${source}`,
  participantId,
  kind: source === 'microphone' ? 'audio' : 'video',
  source,
  paused: false,
});

describe('admissionOrder', () => {
  it('puts the teacher first, the shared screen before the camera and voice, then the class', () => {
    const order = admissionOrder({
      participants: [person('s1', false), person('t', true), person('s2', false)],
      producers: [
        producer('s1', 'camera'),
        producer('s2', 'microphone'),
        producer('t', 'microphone'),
        producer('t', 'camera'),
        producer('t', 'screen'),
        producer('s2', 'camera'),
      ],
    });
    expect(order.map((p) => p.producerId)).toEqual([
      't-screen',
      't-camera',
      't-microphone',
      's1-camera',
      's2-camera',
      's2-microphone',
    ]);
  });
});
