/** rtpParameters as a browser's mediasoup-client would send them (tests only). */
export function videoRtpParameters(ssrc = 11_111_111): Record<string, unknown> {
  return {
    mid: '0',
    codecs: [
      {
        mimeType: 'video/VP8',
        payloadType: 101,
        clockRate: 90_000,
        parameters: {},
        rtcpFeedback: [
          { type: 'nack', parameter: '' },
          { type: 'nack', parameter: 'pli' },
          { type: 'ccm', parameter: 'fir' },
          { type: 'goog-remb', parameter: '' },
        ],
      },
    ],
    headerExtensions: [],
    encodings: [{ ssrc }],
    rtcp: { cname: 'test-video', reducedSize: true },
  };
}

export function audioRtpParameters(ssrc = 22_222_222): Record<string, unknown> {
  return {
    mid: '1',
    codecs: [{ mimeType: 'audio/opus', payloadType: 100, clockRate: 48_000, channels: 2, parameters: {}, rtcpFeedback: [] }],
    headerExtensions: [],
    encodings: [{ ssrc }],
    rtcp: { cname: 'test-audio', reducedSize: true },
  };
}
