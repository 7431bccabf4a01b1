import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('has documented defaults', () => {
    expect(loadConfig({})).toEqual({
      host: '127.0.0.1',
      port: 3000,
      dataDir: resolve('data'),
      webRoot: resolve('renderer/dist'),
      rtc: { listenIp: '127.0.0.1', announcedIp: undefined, minPort: 40_000, maxPort: 49_999 },
      mediaWorkers: Math.max(1, cpus().length),
      sessionTtlHours: 12,
      demoPassword: undefined,
      logLevel: 'info',
      corsOrigins: ['parta-app://renderer'],
    });
  });

  it('reads every variable, treating empty ones as unset', () => {
    const config = loadConfig({
      PARTA_HOST: '0.0.0.0',
      PARTA_PORT: '0',
      PARTA_DATA_DIR: '/tmp/parta',
      PARTA_RTC_LISTEN_IP: '0.0.0.0',
      PARTA_RTC_ANNOUNCED_IP: '192.168.1.10',
      PARTA_RTC_MIN_PORT: '50000',
      PARTA_RTC_MAX_PORT: '50099',
      PARTA_MEDIA_WORKERS: '3',
      PARTA_SESSION_TTL_HOURS: '1.5',
      PARTA_DEMO_PASSWORD: 'classroom-2026',
      PARTA_LOG_LEVEL: 'warn',
      PARTA_WEB_ROOT: '',
      PARTA_CORS_ORIGINS: 'parta-app://renderer, https://school.example:8443',
    });
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 0,
      dataDir: '/tmp/parta',
      webRoot: resolve('renderer/dist'),
      rtc: { listenIp: '0.0.0.0', announcedIp: '192.168.1.10', minPort: 50_000, maxPort: 50_099 },
      mediaWorkers: 3,
      sessionTtlHours: 1.5,
      demoPassword: 'classroom-2026',
      logLevel: 'warn',
      corsOrigins: ['parta-app://renderer', 'https://school.example:8443'],
    });
  });

  it('names every bad variable', () => {
    const bad = () =>
      loadConfig({ PARTA_PORT: 'eighty', PARTA_RTC_LISTEN_IP: 'not-an-ip', PARTA_LOG_LEVEL: 'loud', PARTA_MEDIA_WORKERS: '0' });
    expect(bad).toThrow(ConfigError);
    expect(bad).toThrow(/PARTA_PORT[\s\S]*PARTA_RTC_LISTEN_IP[\s\S]*PARTA_MEDIA_WORKERS[\s\S]*PARTA_LOG_LEVEL/);
  });

  it('refuses an inverted port range and listening everywhere without an announced address', () => {
    expect(() => loadConfig({ PARTA_RTC_MIN_PORT: '45000', PARTA_RTC_MAX_PORT: '44000' })).toThrow(/PARTA_RTC_MIN_PORT/);
    expect(() => loadConfig({ PARTA_RTC_LISTEN_IP: '0.0.0.0' })).toThrow(/PARTA_RTC_ANNOUNCED_IP/);
    expect(() => loadConfig({ PARTA_DEMO_PASSWORD: 'short' })).toThrow(/PARTA_DEMO_PASSWORD/);
    expect(() => loadConfig({ PARTA_CORS_ORIGINS: 'https://ok.example, not an origin' })).toThrow(/PARTA_CORS_ORIGINS/);
  });
});
