import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
  flagOf,
  listOf,
  nonEmpty,
  perMinuteOf,
  portOf,
  publicUrlOf,
  secondsOf,
  trustProxyOf,
  urlOf,
  wholeOf,
} from './cli/settings';
import {
  installedConsoleDir,
  installedWidgetBundle,
  installedWidgetVersion,
  repositoryDemoSite,
} from './installed-assets';
import type { RateWindow } from './limits';
import type { TrustProxy } from './middleware/client-ip';

/** Everything the `rapport` CLI reads from the environment, read once at start. */
export interface CliConfig {
  port: number;
  /** PostgreSQL URL; when absent, embedded PGlite under `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Redis URL for shared rate limits; when absent, limits are per process. */
  redisUrl: string | undefined;
  /** `RAPPORT_REDIS_PREFIX`: prefix of the rate-limit keys (`limits.keyPrefix`). */
  redisPrefix: string;
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
  /** `RAPPORT_WEBHOOKS_WORKER`: deliver webhooks from this process (default on). */
  webhooksWorker: boolean;
  /** `RAPPORT_WEBHOOKS_ALLOW_PRIVATE`: webhooks may reach loopback, private and link-local addresses. */
  webhooksAllowPrivate: boolean;
  /** Emails (reply emails, digests): on only with `SMTP_URL`; see {@link EmailConfig}. */
  email: EmailConfig | undefined;
}

/** The email settings, read when `SMTP_URL` is set. */
export interface EmailConfig {
  /** `SMTP_URL`: `smtp://user:pass@host:587` or `smtps://…`; never logged. */
  smtpUrl: string;
  /** `EMAIL_FROM`: the sender of every email, e.g. `Shop <support@shop.example>`. */
  from: string;
  /** `REPLY_EMAIL_AFTER_MINUTES` (15): how long a reply stays unread before it is emailed. */
  replyDelayMs: number;
}

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));

/** Thrown by {@link readCliConfig}: every mistake in the environment, one line each. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError' as const;
  /** One line per mistake, e.g. `PORT must be a port number (0–65535), not "abc".` */
  readonly problems: string[];

  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.problems = problems;
  }
}

/**
 * One variable read by `parse`; what it throws becomes that variable's issue, so every
 * mistake is reported, not only the first.
 */
function setting<T>(parse: (raw: string | undefined) => T) {
  return z
    .string()
    .optional()
    .transform((raw, ctx): T => {
      try {
        return parse(raw);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    });
}

const text = () => setting(nonEmpty);

/** The environment the CLI reads, variable by variable. */
const cliEnvSchema = z
  .object({
    PORT: setting((raw) => portOf('PORT', raw) ?? 8787),
    HOST: text(),
    DATABASE_URL: setting((raw) =>
      urlOf('DATABASE_URL', raw, ['postgres:', 'postgresql:'], 'postgres://user@db:5432/rapport'),
    ),
    RAPPORT_DATA_DIR: text(),
    REDIS_URL: setting((raw) =>
      urlOf('REDIS_URL', raw, ['redis:', 'rediss:'], 'redis://cache:6379'),
    ),
    RAPPORT_REDIS_PREFIX: text(),
    RAPPORT_STATIC_DIR: text(),
    RAPPORT_WIDGET_PATH: text(),
    RAPPORT_CONSOLE_DIR: text(),
    RAPPORT_PUBLIC_URL: setting(publicUrlOf),
    RAPPORT_COOKIE_SECURE: setting((raw) => flagOf('RAPPORT_COOKIE_SECURE', raw)),
    RAPPORT_DEMO: setting((raw) => flagOf('RAPPORT_DEMO', raw) ?? true),
    RAPPORT_DEMO_ORIGINS: setting(listOf),
    RAPPORT_SHUTDOWN_SECONDS: setting((raw) => secondsOf('RAPPORT_SHUTDOWN_SECONDS', raw) ?? 10),
    RAPPORT_TRUST_PROXY: setting(trustProxyOf),
    RAPPORT_RATE_LIMIT_IP: setting((raw) => perMinuteOf('RAPPORT_RATE_LIMIT_IP', raw)),
    RAPPORT_RATE_LIMIT_KEY: setting((raw) => perMinuteOf('RAPPORT_RATE_LIMIT_KEY', raw)),
    RAPPORT_RATE_LIMIT_PUBLISHABLE_KEY: setting((raw) =>
      perMinuteOf('RAPPORT_RATE_LIMIT_PUBLISHABLE_KEY', raw),
    ),
    RAPPORT_METRICS_TOKEN: text(),
    RAPPORT_METRICS_PORT: setting((raw) => portOf('RAPPORT_METRICS_PORT', raw)),
    RAPPORT_IDEMPOTENCY_DAYS: setting((raw) => wholeOf('RAPPORT_IDEMPOTENCY_DAYS', raw, 7) ?? 30),
    RAPPORT_EVENT_RETENTION_DAYS: setting((raw) => wholeOf('RAPPORT_EVENT_RETENTION_DAYS', raw, 1)),
    RAPPORT_PRUNE_INTERVAL_MINUTES: setting(
      (raw) => wholeOf('RAPPORT_PRUNE_INTERVAL_MINUTES', raw, 0) ?? 60,
    ),
    RAPPORT_WEBHOOKS_WORKER: setting((raw) => flagOf('RAPPORT_WEBHOOKS_WORKER', raw) ?? true),
    RAPPORT_WEBHOOKS_ALLOW_PRIVATE: setting(
      (raw) => flagOf('RAPPORT_WEBHOOKS_ALLOW_PRIVATE', raw) ?? false,
    ),
    SMTP_URL: setting((raw) =>
      urlOf('SMTP_URL', raw, ['smtp:', 'smtps:'], 'smtp://user:pass@mail.example:587'),
    ),
    EMAIL_FROM: text(),
    REPLY_EMAIL_AFTER_MINUTES: setting((raw) => wholeOf('REPLY_EMAIL_AFTER_MINUTES', raw, 1) ?? 15),
  })
  .superRefine((env, ctx) => {
    // Emails need a sender, and links (unsubscribe, console) that reach this server.
    if (!env.SMTP_URL) return;
    if (!env.EMAIL_FROM) {
      ctx.addIssue({
        code: 'custom',
        message: 'SMTP_URL is set, so EMAIL_FROM must be too, e.g. "Shop <support@shop.example>".',
      });
    }
    if (!env.RAPPORT_PUBLIC_URL) {
      ctx.addIssue({
        code: 'custom',
        message:
          'SMTP_URL is set, so RAPPORT_PUBLIC_URL must be too: the unsubscribe links in emails lead there.',
      });
    }
  });

/**
 * Reads the CLI's configuration, parsing the environment with one zod schema. Defaults: PORT
 * 8787, RAPPORT_DATA_DIR ./.rapport/, RAPPORT_WIDGET_PATH and RAPPORT_CONSOLE_DIR from the
 * installed @rapport/widget and @rapport/console packages, RAPPORT_STATIC_DIR the demo
 * storefront in the Rapport repository and none elsewhere (see installed-assets.ts),
 * RAPPORT_SHUTDOWN_SECONDS 10; RAPPORT_PUBLIC_URL unset (an http(s) URL when set; a trailing
 * slash is removed); the rest in the server README's table.
 *
 * @throws ConfigError listing every malformed variable, one line each.
 */
export function readCliConfig(env: NodeJS.ProcessEnv): CliConfig {
  const parsed = cliEnvSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((issue) => issue.message));
  const e = parsed.data;
  return {
    port: e.PORT,
    shutdownGraceMs: e.RAPPORT_SHUTDOWN_SECONDS * 1000,
    host: e.HOST ?? '0.0.0.0',
    databaseUrl: e.DATABASE_URL,
    dataDir: e.RAPPORT_DATA_DIR ?? './.rapport/',
    redisUrl: e.REDIS_URL,
    redisPrefix: e.RAPPORT_REDIS_PREFIX ?? 'rapport',
    staticDir: e.RAPPORT_STATIC_DIR ?? repositoryDemoSite(),
    widgetPath: e.RAPPORT_WIDGET_PATH ?? installedWidgetBundle(),
    widgetVersion: e.RAPPORT_WIDGET_PATH ? undefined : installedWidgetVersion(),
    consoleDir: e.RAPPORT_CONSOLE_DIR ?? installedConsoleDir(),
    publicUrl: e.RAPPORT_PUBLIC_URL,
    trustProxy: e.RAPPORT_TRUST_PROXY,
    perIp: e.RAPPORT_RATE_LIMIT_IP,
    perKey: e.RAPPORT_RATE_LIMIT_KEY,
    perPublishableKey: e.RAPPORT_RATE_LIMIT_PUBLISHABLE_KEY,
    metricsToken: e.RAPPORT_METRICS_TOKEN,
    metricsPort: e.RAPPORT_METRICS_PORT,
    idempotencyDays: e.RAPPORT_IDEMPOTENCY_DAYS,
    eventRetentionDays: e.RAPPORT_EVENT_RETENTION_DAYS,
    pruneIntervalMs: e.RAPPORT_PRUNE_INTERVAL_MINUTES * 60_000,
    webhooksWorker: e.RAPPORT_WEBHOOKS_WORKER,
    webhooksAllowPrivate: e.RAPPORT_WEBHOOKS_ALLOW_PRIVATE,
    email:
      e.SMTP_URL && e.EMAIL_FROM
        ? {
            smtpUrl: e.SMTP_URL,
            from: e.EMAIL_FROM,
            replyDelayMs: e.REPLY_EMAIL_AFTER_MINUTES * 60_000,
          }
        : undefined,
    demo: e.RAPPORT_DEMO,
    demoOrigins: e.RAPPORT_DEMO_ORIGINS,
  };
}

/** The server package's own directory (for the bench and tests). */
export const SERVER_PACKAGE_DIR = PACKAGE_DIR;
