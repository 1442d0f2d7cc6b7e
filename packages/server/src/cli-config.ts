import { fileURLToPath } from 'node:url';
import {
  installedConsoleDir,
  installedWidgetBundle,
  installedWidgetVersion,
  repositoryDemoSite,
} from './installed-assets';
import type { RateWindow } from './limits';
import { compileTrustProxy, type TrustProxy } from './middleware/client-ip';

/** Everything the `rapport` CLI reads from the environment, read once at start. */
export interface CliConfig {
  port: number;
  /** PostgreSQL URL; when absent, embedded PGlite under `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Redis URL for shared rate limits; when absent, limits are per process. */
  redisUrl: string | undefined;
  /** The folder served at `/` (`RAPPORT_STATIC_DIR`); none for an installed server. */
  staticDir: string | undefined;
  /** The script-tag bundle served at `/rapport.js` (`RAPPORT_WIDGET_PATH`). */
  widgetPath: string | undefined;
  /** The widget's version, for `/rapport@<version>.js`; none when RAPPORT_WIDGET_PATH is set. */
  widgetVersion: string | undefined;
  /** The console's built files, served at `/console/` (`RAPPORT_CONSOLE_DIR`). */
  consoleDir: string | undefined;
  /**
   * The address people and sites reach this server at (`RAPPORT_PUBLIC_URL`), without a
   * trailing slash, e.g. `https://rapport.example.com`; undefined to derive it per request.
   */
  publicUrl: string | undefined;
  /** Seed and serve the demo project (pk_demo…); turn off in production. */
  demo: boolean;
  /** Extra origins allowed for the demo project. */
  demoOrigins: string[];
  /** Host to bind. */
  host: string;
  /** How long a shutdown lets requests in flight finish before closing their connections. */
  shutdownGraceMs: number;
  /** `RAPPORT_TRUST_PROXY`: the proxies believed about the client IP (`limits.trustProxy`). */
  trustProxy: TrustProxy;
  /** `RAPPORT_RATE_LIMIT_IP`: requests a minute per client IP; `false` for no limit. */
  perIp: RateWindow | undefined | false;
  /** `RAPPORT_RATE_LIMIT_KEY`: requests a minute per secret key (admin API). */
  perKey: RateWindow | undefined | false;
  /** `RAPPORT_RATE_LIMIT_PUBLISHABLE_KEY`: requests a minute per publishable key. */
  perPublishableKey: RateWindow | undefined | false;
  /** `RAPPORT_METRICS_TOKEN`: `/metrics` needs `Authorization: Bearer <token>`. */
  metricsToken: string | undefined;
  /** `RAPPORT_METRICS_PORT`: `/metrics` is served on this port instead of `port`. */
  metricsPort: number | undefined;
  /** `RAPPORT_IDEMPOTENCY_DAYS`: how long message ids are remembered (≥ 7; default 30). */
  idempotencyDays: number;
  /** `RAPPORT_EVENT_RETENTION_DAYS`: raw events older than this are pruned; unset keeps them. */
  eventRetentionDays: number | undefined;
  /** `RAPPORT_PRUNE_INTERVAL_MINUTES`: how often `start` prunes (60); `0` for never. */
  pruneIntervalMs: number;
}

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));

function nonEmpty(value: string | undefined): string | undefined {
  return value && value.trim().length > 0 ? value.trim() : undefined;
}

/** `RAPPORT_PUBLIC_URL` checked: an absolute http(s) URL with no query or fragment. */
function publicUrlOf(value: string | undefined): string | undefined {
  const raw = nonEmpty(value);
  if (raw === undefined) return undefined;
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  if (!url || !/^https?:$/.test(url.protocol) || url.search || url.hash || url.username) {
    throw new Error(
      `RAPPORT_PUBLIC_URL must be an http(s) URL such as https://rapport.example.com, not "${raw.slice(0, 200)}".`,
    );
  }
  return url.href.replace(/\/+$/, '');
}

/**
 * `RAPPORT_TRUST_PROXY`: unset, empty or `0`/`false` for none; a hop count; or a
 * comma-separated list of addresses, CIDRs and the names loopback, uniquelocal, linklocal.
 * `true` is refused: trusting every hop lets any client pick its IP.
 */
export function trustProxyOf(value: string | undefined): TrustProxy {
  const raw = nonEmpty(value);
  if (raw === undefined || raw === '0' || raw === 'false') return false;
  if (/^[0-9]+$/.test(raw)) return Number(raw);
  const hint =
    'name the proxies (loopback, or CIDRs such as 10.0.1.0/24) or give a hop count such as 1';
  if (raw === 'true') {
    throw new Error(`RAPPORT_TRUST_PROXY=true would let any client pick its IP; ${hint}.`);
  }
  try {
    compileTrustProxy(raw);
  } catch (error) {
    throw new Error(`RAPPORT_TRUST_PROXY: ${(error as Error).message}; ${hint}.`);
  }
  return raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** A requests-per-minute setting: unset keeps the default, `0` turns the limit off. */
export function perMinuteOf(
  name: string,
  value: string | undefined,
): RateWindow | undefined | false {
  const raw = nonEmpty(value);
  if (raw === undefined) return undefined;
  if (!/^[0-9]+$/.test(raw)) {
    throw new Error(
      `${name} must be a whole number of requests per minute (0 for no limit), not "${raw.slice(0, 100)}".`,
    );
  }
  const points = Number(raw);
  return points === 0 ? false : { points, durationSeconds: 60 };
}

function daysOf(name: string, value: string | undefined, least: number): number | undefined {
  const raw = nonEmpty(value);
  if (raw === undefined) return undefined;
  const days = Number(raw);
  if (!/^[0-9]+$/.test(raw) || days < least) {
    throw new Error(
      `${name} must be a whole number, at least ${least}, not "${raw.slice(0, 100)}".`,
    );
  }
  return days;
}

function portOf(name: string, value: string | undefined): number | undefined {
  const raw = nonEmpty(value);
  if (raw === undefined) return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`${name} must be a port number (0–65535), not "${raw.slice(0, 100)}".`);
  }
  return port;
}

/**
 * Reads the CLI's configuration. Defaults: PORT 8787, RAPPORT_DATA_DIR ./.rapport/,
 * RAPPORT_WIDGET_PATH and RAPPORT_CONSOLE_DIR from the installed @rapport/widget and
 * @rapport/console packages, RAPPORT_STATIC_DIR the demo storefront in the Rapport repository
 * and none elsewhere (see installed-assets.ts), RAPPORT_SHUTDOWN_SECONDS 10;
 * RAPPORT_PUBLIC_URL unset (an http(s) URL when set; a trailing slash is removed).
 *
 * @throws Error with a readable message when PORT, RAPPORT_SHUTDOWN_SECONDS or
 *   RAPPORT_PUBLIC_URL is malformed.
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
    staticDir: nonEmpty(env.RAPPORT_STATIC_DIR) ?? repositoryDemoSite(),
    widgetPath: nonEmpty(env.RAPPORT_WIDGET_PATH) ?? installedWidgetBundle(),
    widgetVersion: nonEmpty(env.RAPPORT_WIDGET_PATH) ? undefined : installedWidgetVersion(),
    consoleDir: nonEmpty(env.RAPPORT_CONSOLE_DIR) ?? installedConsoleDir(),
    publicUrl: publicUrlOf(env.RAPPORT_PUBLIC_URL),
    trustProxy: trustProxyOf(env.RAPPORT_TRUST_PROXY),
    perIp: perMinuteOf('RAPPORT_RATE_LIMIT_IP', env.RAPPORT_RATE_LIMIT_IP),
    perKey: perMinuteOf('RAPPORT_RATE_LIMIT_KEY', env.RAPPORT_RATE_LIMIT_KEY),
    perPublishableKey: perMinuteOf(
      'RAPPORT_RATE_LIMIT_PUBLISHABLE_KEY',
      env.RAPPORT_RATE_LIMIT_PUBLISHABLE_KEY,
    ),
    metricsToken: nonEmpty(env.RAPPORT_METRICS_TOKEN),
    metricsPort: portOf('RAPPORT_METRICS_PORT', env.RAPPORT_METRICS_PORT),
    idempotencyDays: daysOf('RAPPORT_IDEMPOTENCY_DAYS', env.RAPPORT_IDEMPOTENCY_DAYS, 7) ?? 30,
    eventRetentionDays: daysOf('RAPPORT_EVENT_RETENTION_DAYS', env.RAPPORT_EVENT_RETENTION_DAYS, 1),
    pruneIntervalMs:
      (daysOf('RAPPORT_PRUNE_INTERVAL_MINUTES', env.RAPPORT_PRUNE_INTERVAL_MINUTES, 0) ?? 60) *
      60_000,
    demo: env.RAPPORT_DEMO !== '0',
    demoOrigins: (env.RAPPORT_DEMO_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
  };
}

/** The server package's own directory (for the bench and tests). */
export const SERVER_PACKAGE_DIR = PACKAGE_DIR;
