import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCliConfig, SERVER_PACKAGE_DIR } from '../src/cli-config';
import { CLI_ARGS } from './helpers/cli';

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

describe('a malformed environment', () => {
  it('is reported whole: one line per mistake, in the words the operator reads', () => {
    let problems: string[] = [];
    try {
      readCliConfig({
        PORT: 'abc',
        RAPPORT_SHUTDOWN_SECONDS: '-1',
        DATABASE_URL: 'mysql://root:hunter2@db/rapport',
        REDIS_URL: 'cache:6379',
        RAPPORT_DEMO: 'false',
        RAPPORT_IDEMPOTENCY_DAYS: '3',
        RAPPORT_METRICS_PORT: '70000',
        RAPPORT_PUBLIC_URL: 'rapport.example.com',
      });
    } catch (error) {
      expect((error as Error).name).toBe('ConfigError');
      problems = (error as { problems: string[] }).problems;
    }
    expect(problems).toEqual([
      'PORT must be a port number (0–65535), not "abc".',
      'DATABASE_URL must be a URL such as postgres://user@db:5432/rapport, not a mysql: URL.',
      'REDIS_URL must be a URL such as redis://cache:6379, not a cache: URL.',
      'RAPPORT_PUBLIC_URL must be an http(s) URL such as https://rapport.example.com, not "rapport.example.com".',
      'RAPPORT_DEMO must be 1 or 0, not "false".',
      'RAPPORT_SHUTDOWN_SECONDS must be a number of seconds, not "-1".',
      'RAPPORT_METRICS_PORT must be a port number (0–65535), not "70000".',
      'RAPPORT_IDEMPOTENCY_DAYS must be a whole number, at least 7, not "3".',
    ]);
    // A password in a URL is never echoed.
    expect(problems.join('\n')).not.toContain('hunter2');
  });

  it('keeps the defaults for what is unset or blank', () => {
    const config = readCliConfig({ PORT: '', RAPPORT_DEMO: ' ' });
    expect(config).toMatchObject({
      port: 8787,
      host: '0.0.0.0',
      dataDir: './.rapport/',
      demo: true,
      shutdownGraceMs: 10_000,
      idempotencyDays: 30,
      eventRetentionDays: undefined,
      pruneIntervalMs: 3_600_000,
      trustProxy: false,
    });
  });
});

describe('rapport start with a malformed environment', () => {
  it('exits 2 listing every mistake, having started nothing', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rapport-config-'));
    try {
      const child = spawn(process.execPath, [...CLI_ARGS, 'start'], {
        cwd: SERVER_PACKAGE_DIR,
        env: {
          PATH: process.env.PATH,
          PORT: 'abc',
          RAPPORT_TRUST_PROXY: 'true',
          RAPPORT_DATA_DIR: dataDir,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
      });
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
      });
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      clearTimeout(timer);
      expect(code).toBe(2);
      expect(stderr).toContain('rapport: PORT must be a port number (0–65535), not "abc".\n');
      expect(stderr).toContain(
        'rapport: RAPPORT_TRUST_PROXY=true would let any client pick its IP',
      );
      expect(stderr).toContain('rapport: nothing was started.');
      expect(stdout).toBe('');
      // Not even the data directory was opened.
      expect(readdirSync(dataDir)).toEqual([]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 30_000);
});
