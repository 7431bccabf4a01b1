import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { MediaWorkerPool } from './MediaWorkerPool.js';

const rtc = loadConfig({ PARTA_RTC_MIN_PORT: '41000', PARTA_RTC_MAX_PORT: '41999' }).rtc;
const logger = createLogger('silent');

describe('MediaWorkerPool', () => {
  let pool: MediaWorkerPool | undefined;
  afterEach(async () => {
    await pool?.close();
    pool = undefined;
  });

  it('starts the configured workers and gives transports with ICE and DTLS parameters', async () => {
    pool = await MediaWorkerPool.create({ workers: 2, rtc, logger });
    expect(pool.size).toBe(2);
    const router = await pool.createRouter();
    expect(router.rtpCapabilities).toHaveProperty('codecs');
    const transport = await router.createTransport('send');
    const options = transport.options;
    expect(options.id).toBe(transport.id);
    expect(options.iceParameters).toMatchObject({ usernameFragment: expect.any(String), password: expect.any(String) });
    expect(options.iceCandidates.length).toBeGreaterThan(0);
    expect(options.iceCandidates[0]).toMatchObject({ ip: '127.0.0.1' });
    for (const candidate of options.iceCandidates) {
      expect(candidate.port).toBeGreaterThanOrEqual(41000);
      expect(candidate.port).toBeLessThanOrEqual(41999);
    }
    expect(options.dtlsParameters).toHaveProperty('fingerprints');
    router.close();
    expect(transport.closed).toBe(true);
  });

  it('spreads lesson routers over the least loaded workers', async () => {
    pool = await MediaWorkerPool.create({ workers: 2, rtc, logger });
    const a = await pool.createRouter();
    const b = await pool.createRouter();
    // Routers on two different workers have ports from two different slices.
    const ta = await a.createTransport('recv');
    const tb = await b.createTransport('recv');
    const portA = Number(ta.options.iceCandidates[0]?.port);
    const portB = Number(tb.options.iceCandidates[0]?.port);
    expect(portA < 41500).not.toBe(portB < 41500);
  });

  it('replaces a worker that dies and closes the routers it held', async () => {
    pool = await MediaWorkerPool.create({ workers: 1, rtc, logger });
    const router = await pool.createRouter();
    const [pid] = pool.pids;
    const routerClosed = new Promise<void>((resolve) => router.once('close', resolve));
    const replaced = new Promise<number>((resolve) => pool?.once('replaced', resolve));
    process.kill(pid ?? 0, 'SIGKILL');
    await routerClosed;
    await replaced;
    expect(pool.size).toBe(1);
    expect(pool.pids[0]).not.toBe(pid);
    const fresh = await pool.createRouter();
    expect(fresh.closed).toBe(false);
  });

  it('refuses unusable client parameters with typed errors', async () => {
    pool = await MediaWorkerPool.create({ workers: 1, rtc, logger });
    const router = await pool.createRouter();
    const transport = await router.createTransport('send');
    await expect(transport.connect({ fingerprints: 'nope' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(transport.produce('video', { codecs: [] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(router.canConsume('missing', { codecs: 'junk' })).toBe(false);
  });
});
