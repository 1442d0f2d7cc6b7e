import { describe, expect, it } from 'vitest';
import { readCliConfig } from '../src/cli-config';

describe('the CLI configuration', () => {
  it('reads RAPPORT_TRUST_PROXY as names and CIDRs, a hop count, or nothing', () => {
    expect(readCliConfig({}).trustProxy).toBe(false);
    expect(readCliConfig({ RAPPORT_TRUST_PROXY: 'loopback' }).trustProxy).toEqual(['loopback']);
    expect(readCliConfig({ RAPPORT_TRUST_PROXY: ' 10.0.1.0/24, ::1 ' }).trustProxy).toEqual([
      '10.0.1.0/24',
      '::1',
    ]);
    expect(readCliConfig({ RAPPORT_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(readCliConfig({ RAPPORT_TRUST_PROXY: '0' }).trustProxy).toBe(false);
  });

  it('refuses a trust entry that is not an address, and refuses trusting every hop', () => {
    expect(() => readCliConfig({ RAPPORT_TRUST_PROXY: 'loopback,proxy.local' })).toThrow(
      /RAPPORT_TRUST_PROXY: invalid IP address: proxy\.local/,
    );
    expect(() => readCliConfig({ RAPPORT_TRUST_PROXY: 'true' })).toThrow(
      /would let any client pick its IP/,
    );
  });

  it('reads the rate limits as requests per minute, 0 for none', () => {
    const config = readCliConfig({
      RAPPORT_RATE_LIMIT_IP: '120',
      RAPPORT_RATE_LIMIT_KEY: '0',
      RAPPORT_RATE_LIMIT_PUBLISHABLE_KEY: '90000',
    });
    expect(config.perIp).toEqual({ points: 120, durationSeconds: 60 });
    expect(config.perKey).toBe(false);
    expect(config.perPublishableKey).toEqual({ points: 90_000, durationSeconds: 60 });
    expect(readCliConfig({}).perIp).toBeUndefined();
    expect(() => readCliConfig({ RAPPORT_RATE_LIMIT_IP: '10/s' })).toThrow(
      'RAPPORT_RATE_LIMIT_IP must be a whole number of requests per minute (0 for no limit), not "10/s".',
    );
  });
});
