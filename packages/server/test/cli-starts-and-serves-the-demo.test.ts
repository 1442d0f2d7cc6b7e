import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ARGS } from './helpers/cli';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));

describe('the rapport CLI', () => {
  let child: ChildProcess;
  let dir: string;
  let base: string;
  let banner = '';

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rapport-cli-'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>demo page</title>');
    child = spawn(process.execPath, [...CLI_ARGS, 'start'], {
      cwd: PACKAGE_DIR,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: '',
        REDIS_URL: '',
        RAPPORT_DATA_DIR: join(dir, 'data'),
        RAPPORT_STATIC_DIR: dir,
        RAPPORT_WIDGET_PATH: join(dir, 'missing-rapport.js'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    base = await new Promise<string>((resolve, reject) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        banner += chunk.toString();
        const match = /running at (http:\/\/localhost:\d+)/.exec(banner);
        if (match?.[1]) resolve(match[1].replace('localhost', '127.0.0.1'));
      });
      child.once('exit', (code) => reject(new Error(`rapport exited with ${code}: ${banner}`)));
    });
  }, 60_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the demo-only keys and a sample curl', () => {
    expect(banner).toContain('DEMO-ONLY');
    expect(banner).toMatch(/pk_demo[\s\S]*sk_demo[\s\S]*is_demo/);
    expect(banner).toContain('curl -s');
  });

  it('serves the API, the demo identity route and the static site', async () => {
    expect((await fetch(`${base}/health`)).status).toBe(200);
    const config = await fetch(`${base}/v1/config`, {
      headers: { authorization: 'Bearer pk_demo' },
    });
    expect(await config.json()).toMatchObject({ projectName: 'Rapport Demo Shop' });
    const identity = await fetch(`${base}/demo/identity?userId=demo-customer`);
    expect(await identity.json()).toMatchObject({ userId: 'demo-customer' });
    const page = await fetch(`${base}/`);
    expect(await page.text()).toContain('demo page');
    const widget = await fetch(`${base}/rapport.js`);
    expect(widget.status).toBe(404);
    expect((await widget.json()).error.message).toContain('RAPPORT_WIDGET_PATH');
  });
});
