import { fileURLToPath } from 'node:url';

/** Everything the `rapport` CLI reads from the environment, read once at start. */
export interface CliConfig {
  port: number;
  /** PostgreSQL URL; when absent, embedded PGlite under `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Redis URL for shared rate limits; when absent, limits are per process. */
  redisUrl: string | undefined;
  staticDir: string;
  widgetPath: string;
  /** Seed and serve the demo project (pk_demo…); turn off in production. */
  demo: boolean;
  /** Extra origins allowed for the demo project. */
  demoOrigins: string[];
  /** Host to bind. */
  host: string;
  /** How long a shutdown lets requests in flight finish before closing their connections. */
  shutdownGraceMs: number;
}

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const REPO_DIR = fileURLToPath(new URL('../../..', import.meta.url));

function nonEmpty(value: string | undefined): string | undefined {
  return value && value.trim().length > 0 ? value.trim() : undefined;
}

/**
 * Reads the CLI's configuration. Defaults: PORT 8787, RAPPORT_DATA_DIR ./.rapport/,
 * RAPPORT_STATIC_DIR examples/script-tag/ and RAPPORT_WIDGET_PATH
 * packages/widget/dist/rapport.js (both resolved from this package, not the working directory),
 * RAPPORT_SHUTDOWN_SECONDS 10.
 *
 * @throws Error with a readable message when PORT or RAPPORT_SHUTDOWN_SECONDS is malformed.
 */
export function readCliConfig(env: NodeJS.ProcessEnv): CliConfig {
  const port = Number(env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`PORT must be a port number (0–65535), not "${env.PORT}".`);
  }
  const shutdownSeconds = Number(env.RAPPORT_SHUTDOWN_SECONDS ?? 10);
  if (!Number.isFinite(shutdownSeconds) || shutdownSeconds < 0) {
    throw new Error(
      `RAPPORT_SHUTDOWN_SECONDS must be a number of seconds, not "${env.RAPPORT_SHUTDOWN_SECONDS}".`,
    );
  }
  return {
    port,
    shutdownGraceMs: shutdownSeconds * 1000,
    host: nonEmpty(env.HOST) ?? '0.0.0.0',
    databaseUrl: nonEmpty(env.DATABASE_URL),
    dataDir: nonEmpty(env.RAPPORT_DATA_DIR) ?? './.rapport/',
    redisUrl: nonEmpty(env.REDIS_URL),
    staticDir: nonEmpty(env.RAPPORT_STATIC_DIR) ?? `${REPO_DIR}examples/script-tag/`,
    widgetPath: nonEmpty(env.RAPPORT_WIDGET_PATH) ?? `${REPO_DIR}packages/widget/dist/rapport.js`,
    demo: env.RAPPORT_DEMO !== '0',
    demoOrigins: (env.RAPPORT_DEMO_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
  };
}

/** The server package's own directory (for the bench and tests). */
export const SERVER_PACKAGE_DIR = PACKAGE_DIR;
