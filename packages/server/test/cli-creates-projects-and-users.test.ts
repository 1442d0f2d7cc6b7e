import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { silentLogger } from '../src/logger';
import { createPgliteStore } from '../src/store/index';
import { CLI_ARGS } from './helpers/cli';
import { consoleBrowser } from './helpers/console-session';
import { send } from './helpers/requests';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));

/** Runs `rapport <args>` to its end (bounded), with `input` on stdin. */
function rapport(dataDir: string, args: string[], input = '') {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [...CLI_ARGS, ...args], {
      cwd: PACKAGE_DIR,
      env: { ...process.env, DATABASE_URL: '', RAPPORT_DATA_DIR: dataDir },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(input);
  });
}

describe('the rapport CLI for projects and users', () => {
  let dir: string;
  let dataDir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rapport-cli-people-'));
    dataDir = join(dir, 'data');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('creates a project (--json), a user from stdin, lists and rotates; the results work', async () => {
    const created = await rapport(dataDir, [
      'project',
      'create',
      '--name',
      'CLI Shop',
      '--origin',
      'https://cli-shop.example',
      '--origin',
      'http://localhost:3000',
      '--json',
    ]);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    const keys = JSON.parse(created.stdout);
    expect(Object.keys(keys)).toEqual([
      'id',
      'name',
      'publishableKey',
      'secretKey',
      'identitySecret',
    ]);
    expect(keys).toMatchObject({
      name: 'CLI Shop',
      publishableKey: expect.stringMatching(/^pk_/),
      secretKey: expect.stringMatching(/^sk_/),
      identitySecret: expect.stringMatching(/^is_/),
    });

    const badOrigin = await rapport(dataDir, [
      'project',
      'create',
      '--name',
      'X',
      '--origin',
      'https://x.example/path',
    ]);
    expect(badOrigin.code).not.toBe(0);
    expect(badOrigin.stderr).toContain('https://x.example/path');

    const user = await rapport(
      dataDir,
      [
        'user',
        'create',
        '--email',
        'Boss@CLI.test',
        '--role',
        'owner',
        '--name',
        'Boss',
        '--project',
        keys.id,
      ],
      'a password from stdin\n',
    );
    expect(user.stderr).toBe('');
    expect(user.code).toBe(0);
    const shortPassword = await rapport(
      dataDir,
      ['user', 'create', '--email', 'other@cli.test', '--role', 'member'],
      'short\n',
    );
    expect(shortPassword.code).not.toBe(0);

    const list = await rapport(dataDir, ['project', 'list']);
    expect(list.stdout).toContain(`${keys.id}\tCLI Shop\t${keys.publishableKey}`);
    const rotated = await rapport(dataDir, [
      'project',
      'rotate-key',
      '--project',
      keys.id,
      '--key',
      'identity',
    ]);
    expect(rotated.code).toBe(0);
    const identitySecret = /identitySecret\t(\S+)/.exec(rotated.stdout)?.[1];
    expect(identitySecret).toMatch(/^is_/);
    expect(identitySecret).not.toBe(keys.identitySecret);

    // The data directory is free again: open it and use what the CLI made.
    const store = await createPgliteStore({ dataDir });
    try {
      const app = createApp({
        store,
        logger: silentLogger,
        limits: { perKey: false, perIp: false },
      });
      const admin = await send(app, 'GET', '/v1/admin/surveys', undefined, { key: keys.secretKey });
      expect(admin.status).toBe(200);
      const browser = consoleBrowser(app);
      const signedIn = await browser.signIn('boss@cli.test', 'a password from stdin');
      expect(signedIn.status).toBe(200);
      expect(signedIn.body.projects).toEqual([{ id: keys.id, name: 'CLI Shop', role: 'owner' }]);
      const view = await browser.send('GET', `/v1/console/projects/${keys.id}`);
      expect(view.body.identitySecret).toBe(identitySecret);
      expect(view.body.allowedOrigins).toEqual([
        'https://cli-shop.example',
        'http://localhost:3000',
      ]);
    } finally {
      await store.close();
    }
  }, 300_000);
});
