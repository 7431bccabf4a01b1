import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVER_URL, environmentLayer, loadAppConfig, loadConfig, wsOriginOf } from './config.js';

describe('desktop configuration', () => {
  it('talks to the local server when nothing is configured', () => {
    const { config, problems } = loadAppConfig({});
    expect(problems).toEqual([]);
    expect(config.serverUrl).toBe(DEFAULT_SERVER_URL);
    expect(config.serverOrigin).toBe('http://127.0.0.1:3000');
    expect(config.externalLinkHosts).toBeNull();
    expect(config.profileDir).toBeNull();
  });

  it('takes the school server from PARTA_SERVER_URL, keeping its path', () => {
    const { config, problems } = loadAppConfig({ PARTA_SERVER_URL: ' https://school.example.org:8443/parta/ ' });
    expect(problems).toEqual([]);
    expect(config.serverUrl).toBe('https://school.example.org:8443/parta/');
    expect(config.serverOrigin).toBe('https://school.example.org:8443');
  });

  it.each(['ftp://school.example.org', 'javascript:alert(1)', 'not a url', 'https://user:pw@school.example.org', 'https://school.example.org/?token=1'])(
    'reports and ignores a bad server URL (%s) instead of crashing',
    (value) => {
      const { config, problems } = loadAppConfig({ PARTA_SERVER_URL: value });
      expect(config.serverUrl).toBe(DEFAULT_SERVER_URL);
      expect(problems).toHaveLength(1);
      expect(problems[0]?.source).toBe('environment');
    },
  );

  it('accepts an absolute profile folder only', () => {
    expect(loadAppConfig({ PARTA_PROFILE_DIR: '/tmp/parta-profile' }).config.profileDir).toBe('/tmp/parta-profile');
    const relative = loadAppConfig({ PARTA_PROFILE_DIR: 'profile' });
    expect(relative.config.profileDir).toBeNull();
    expect(relative.problems).toHaveLength(1);
  });

  it('ignores empty environment variables', () => {
    expect(environmentLayer({ PARTA_SERVER_URL: '  ', PARTA_PROFILE_DIR: '' }).values).toEqual({});
  });

  it('lets later layers (managed policy) override earlier ones and skips a broken layer as a whole', () => {
    const { config, problems } = loadConfig([
      { source: 'environment', values: { serverUrl: 'http://10.0.0.5:3000' } },
      { source: '/etc/parta/policy.json', values: { serverUrl: 'https://school.example.org', externalLinkHosts: ['Docs.Example.org'] } },
      { source: '/etc/parta/broken.json', values: { serverUrl: 'https://evil.example', unknownKey: true } },
    ]);
    expect(config.serverUrl).toBe('https://school.example.org');
    expect(config.externalLinkHosts).toEqual(['docs.example.org']);
    expect(problems.map((p) => p.source)).toEqual(['/etc/parta/broken.json']);
  });

  it('maps http to ws and https to wss', () => {
    expect(wsOriginOf('http://localhost:5173')).toBe('ws://localhost:5173');
    expect(wsOriginOf('https://school.example.org')).toBe('wss://school.example.org');
  });
});
