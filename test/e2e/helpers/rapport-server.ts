import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';
import { REPO_ROOT, SERVER_CLI, STOREFRONT_DIR, WIDGET_BUNDLE } from './paths';

/** A real `rapport start` process on a free port with its own fresh PGlite database. */
export interface RapportServer {
  /** `http://127.0.0.1:<port>`: the API, the storefront at `/` and `/rapport.js`. */
  readonly origin: string;
  /** Stops the process (SIGTERM, so PGlite closes cleanly); the data stays. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data directory, after {@link stop}. */
  start(): Promise<void>;
  /** Calls the admin API with the demo secret key; throws on a non-2xx answer. */
  admin<T = unknown>(path: string, init?: { method?: string; body?: unknown }): Promise<T>;
  /** Stops the process and deletes its data and the storefront copy. */
  close(): Promise<void>;
}

export interface RapportServerOptions {
  /** More browser origins the demo project accepts (e.g. the e2e pages server). */
  demoOrigins?: string[];
  /** More environment for `rapport start`, e.g. `RAPPORT_WEBHOOKS_ALLOW_PRIVATE: '1'`. */
  env?: Record<string, string>;
}

const READY_TIMEOUT_MS = 90_000;

/**
 * Starts the server through its CLI, exactly as `npm start` does, but isolated: a temp
 * PGlite directory and a copy of the storefront whose snippet points at this port.
 */
export async function startRapportServer(
  options: RapportServerOptions = {},
): Promise<RapportServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const workDir = mkdtempSync(join(tmpdir(), 'rapport-e2e-'));
  const staticDir = copyStorefront(join(workDir, 'site'), origin);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    RAPPORT_DATA_DIR: join(workDir, 'data'),
    RAPPORT_STATIC_DIR: staticDir,
    RAPPORT_WIDGET_PATH: WIDGET_BUNDLE,
    RAPPORT_DEMO_ORIGINS: [origin, ...(options.demoOrigins ?? [])].join(','),
    HOST: '127.0.0.1',
    NODE_ENV: 'test',
    ...options.env,
  };
  // The e2e suite always runs on a fresh embedded database, whatever the shell exports.
  delete env.DATABASE_URL;
  delete env.REDIS_URL;

  let child: ChildProcess | undefined;
  const server: RapportServer = {
    origin,
    async start() {
      if (child) return;
      child = await spawnUntilHealthy(env, origin);
    },
    async stop() {
      const running = child;
      child = undefined;
      if (running) await terminate(running);
    },
    admin: (path, init) => callAdmin(origin, path, init),
    async close() {
      await server.stop();
      rmSync(workDir, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}

/** The storefront with its snippet's `data-api` pointed at this server. */
function copyStorefront(target: string, origin: string): string {
  cpSync(STOREFRONT_DIR, target, { recursive: true });
  for (const name of readdirSync(target).filter((file) => file.endsWith('.html'))) {
    const file = join(target, name);
    const html = readFileSync(file, 'utf8').replace(/data-api="[^"]*"/g, `data-api="${origin}"`);
    writeFileSync(file, html);
  }
  return target;
}

async function spawnUntilHealthy(env: NodeJS.ProcessEnv, origin: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER_CLI, 'start'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`rapport server exited before it was ready:\n${output}`);
    if (await isHealthy(origin)) return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await terminate(child);
  throw new Error(`rapport server not healthy after ${READY_TIMEOUT_MS} ms:\n${output}`);
}

async function isHealthy(origin: string): Promise<boolean> {
  try {
    const response = await fetch(`${origin}/health`);
    return response.ok;
  } catch {
    return false;
  }
}

function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 8_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function callAdmin<T>(
  origin: string,
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<T> {
  const response = await fetch(`${origin}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { authorization: 'Bearer sk_demo', 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`admin ${path} answered ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}
