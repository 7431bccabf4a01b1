import { describe, expect, it } from 'vitest';
import { lessonPushSchemas, lessonReplySchemas, roomSnapshotSchema, type RoomSnapshot } from './lesson.js';

/** A snapshot as the server sends it to a student admitted into a lesson with the teacher's camera on. */
function snapshot(): RoomSnapshot {
  return {
    lessonId: '6f1c2a8e-3b1d-4c7a-9e0f-2d5b8a7c4e11',
    classId: 'class-7b',
    className: '7B Physics',
    selfId: 'b3e0d7f2-91a4-4f6e-8c2d-5a1b9e7f3c20',
    routerRtpCapabilities: {
      codecs: [
        {
          kind: 'audio',
          mimeType: 'audio/opus',
          preferredPayloadType: 100,
          clockRate: 48000,
          channels: 2,
          parameters: {},
          rtcpFeedback: [{ type: 'nack', parameter: '' }, { type: 'transport-cc' }],
        },
        {
          kind: 'video',
          mimeType: 'video/VP8',
          preferredPayloadType: 101,
          clockRate: 90000,
          parameters: {},
          rtcpFeedback: [{ type: 'nack' }, { type: 'ccm', parameter: 'fir' }, { type: 'goog-remb' }],
        },
      ],
      headerExtensions: [
        { kind: 'audio', uri: 'urn:ietf:params:rtp-hdrext:sdes:mid', preferredId: 1, direction: 'sendrecv' },
      ],
    },
    participants: [
      {
        id: 'a9d4c6e1-7f2b-4e3a-b5c8-0d1e2f3a4b5c',
        userId: 'u-teacher',
        name: 'Olga Petrovna',
        role: 'teacher',
        isHost: true,
      },
      { id: 'b3e0d7f2-91a4-4f6e-8c2d-5a1b9e7f3c20', userId: 'u-ivan', name: 'Ivan', role: 'student', isHost: false },
    ],
    producers: [
      {
        producerId: 'c7e8f9a0-1b2c-4d3e-8f4a-5b6c7d8e9f01',
        participantId: 'a9d4c6e1-7f2b-4e3a-b5c8-0d1e2f3a4b5c',
        kind: 'video',
        source: 'camera',
        paused: false,
      },
    ],
    lobby: [],
  };
}

describe('lesson protocol schemas', () => {
  it('accept a snapshot as the server sends it, keeping the router capabilities whole', () => {
    const sent = snapshot();
    const parsed = roomSnapshotSchema.parse(JSON.parse(JSON.stringify(sent)));
    expect(parsed).toEqual(sent);
    expect(lessonPushSchemas['lesson:admitted'].safeParse(sent).success).toBe(true);
    expect(lessonReplySchemas['lesson:join'].safeParse({ status: 'admitted', room: sent }).success).toBe(true);
  });

  it('refuse a malformed snapshot', () => {
    const { selfId: _selfId, ...withoutSelf } = snapshot();
    expect(roomSnapshotSchema.safeParse(withoutSelf).success).toBe(false);
    const sent = snapshot();
    const intruder = { ...sent.participants[0], role: 'admin' };
    expect(roomSnapshotSchema.safeParse({ ...sent, participants: [intruder] }).success).toBe(false);
    expect(roomSnapshotSchema.safeParse({ ...snapshot(), routerRtpCapabilities: 'vp8' }).success).toBe(false);
    expect(lessonReplySchemas['lesson:join'].safeParse({ status: 'admitted' }).success).toBe(false);
  });

  it('accept the replies and pushes the server sends without payload', () => {
    expect(lessonReplySchemas['lesson:leave'].safeParse(null).success).toBe(true);
    expect(lessonReplySchemas['lobby:admitAll'].safeParse({ admitted: -1 }).success).toBe(false);
    expect(lessonPushSchemas['lesson:ended'].safeParse({ reason: 'media-failure' }).success).toBe(true);
    expect(lessonPushSchemas['lesson:ended'].safeParse({ reason: 'bored' }).success).toBe(false);
  });

  it('say whether a producer is paused, in the snapshot and in the pushes about it', () => {
    const ref = { producerId: 'c7e8', participantId: 'a9d4' };
    const camera = { ...ref, kind: 'video', source: 'camera' };
    expect(lessonPushSchemas['producer:added'].safeParse(camera).success).toBe(false);
    expect(lessonPushSchemas['producer:added'].safeParse({ ...camera, paused: true }).success).toBe(true);
    expect(lessonPushSchemas['producer:paused'].parse(ref)).toEqual(ref);
    expect(lessonPushSchemas['producer:resumed'].safeParse({ producerId: 'c7e8' }).success).toBe(false);
    expect(lessonReplySchemas['media:pauseProducer'].safeParse(null).success).toBe(true);
  });
});
