#!/usr/bin/env node
import { collectDefaultMetrics, Registry } from 'prom-client';
import { createApp } from './app';
import { issueSetupToken, readConsoleEnv, setupTokenBanner } from './cli/console-env';
import { startEmailsOf } from './cli/email-env';
import { OPERATIONS_USAGE, pruneSettingsOf, runOperationsCommand } from './cli/operations-commands';
import { PEOPLE_USAGE, runPeopleCommand } from './cli/people-commands';
import { type CliConfig, ConfigError, readCliConfig } from './cli-config';
import { DEMO_CUSTOMER_ID, DEMO_OWNER, DEMO_PROJECT } from './demo/demo-project';
import { demoIdentityRoutes } from './demo/identity-route';
import { seedDemo } from './demo/seed-demo';
import { userHashOf } from './identity';
import { createJsonLogger } from './logger';
import { createWebhookMetrics } from './metrics';
import { type NodeServer, startNodeServer } from './node-server';
import { startPruneJob } from './prune-job';
import { createRedisClient } from './redis-client';
import { metricsApp } from './routes/metrics';
import { staticFileRoutes } from './static-files';
import { createPgliteStore, createPostgresStore, migrate, type Store } from './store/index';
import { prune } from './store/prune';
import { startWebhookWorker } from './webhooks/worker';

const USAGE = `Usage: rapport <command>

Commands:
  start     migrate, seed the demo project (unless RAPPORT_DEMO=0) and serve on PORT
  migrate   apply pending database migrations and exit
  help      show this text
${OPERATIONS_USAGE}
${PEOPLE_USAGE}

Environment (each is checked at start; see the README for the full table):
  PORT (8787), HOST (0.0.0.0), RAPPORT_SHUTDOWN_SECONDS (10)
  DATABASE_URL (PostgreSQL; else PGlite in RAPPORT_DATA_DIR, ./.rapport/)
  REDIS_URL (shared rate limits), RAPPORT_REDIS_PREFIX (rapport)
  RAPPORT_DEMO (1; 0 in production), RAPPORT_DEMO_ORIGINS, RAPPORT_STATIC_DIR,
  RAPPORT_WIDGET_PATH, RAPPORT_CONSOLE_DIR, RAPPORT_PUBLIC_URL, RAPPORT_COOKIE_SECURE
  RAPPORT_TRUST_PROXY (loopback, addresses/CIDRs, or a hop count; unset: no proxy)
  RAPPORT_RATE_LIMIT_IP (600/min), RAPPORT_RATE_LIMIT_KEY (6000/min, secret keys),
  RAPPORT_RATE_LIMIT_PUBLISHABLE_KEY (60000/min); 0 for no limit
  RAPPORT_METRICS_TOKEN (/metrics on PORT for Bearer <token>),
  RAPPORT_METRICS_PORT (/metrics on that port instead)
  RAPPORT_IDEMPOTENCY_DAYS (30, at least 7), RAPPORT_EVENT_RETENTION_DAYS (unset: keep),
  RAPPORT_PRUNE_INTERVAL_MINUTES (60; 0 for never)
  RAPPORT_WEBHOOKS_WORKER (1; 0 leaves delivery to other instances),
  RAPPORT_WEBHOOKS_ALLOW_PRIVATE (0; 1 lets webhooks reach private addresses)
  SMTP_URL (emails off when unset), EMAIL_FROM, REPLY_EMAIL_AFTER_MINUTES (15)`;

async function openStore(config: CliConfig): Promise<Store> {
  if (config.databaseUrl) return createPostgresStore({ connectionString: config.databaseUrl });
  return createPgliteStore({ dataDir: config.dataDir });
}

/**
 * Runs the migrations. On PostgreSQL through a store of their own without statement and query
 * timeouts: building an index on a big table, or waiting for another instance's migration
 * lock, may rightly take longer than any request should.
 */
async function migrateWith(config: CliConfig, store: Store): Promise<string[]> {
  if (!config.databaseUrl) return migrate(store);
  const unbounded = createPostgresStore({
    connectionString: config.databaseUrl,
    statementTimeoutMs: 0,
    queryTimeoutMs: 0,
    maxConnections: 1,
  });
  try {
    return await migrate(unbounded);
  } finally {
    await unbounded.close();
  }
}

function describeStore(config: CliConfig) {
  return config.databaseUrl
    ? `PostgreSQL (${config.databaseUrl.replace(/\/\/[^@/]*@/, '//***@')})`
    : `PGlite in ${config.dataDir}`;
}

function printDemoBanner(url: string, config: CliConfig) {
  const hash = userHashOf(DEMO_PROJECT.identitySecret, DEMO_CUSTOMER_ID);
  const lines = [
    '',
    `  Rapport is running at ${url}`,
    `  Storage: ${describeStore(config)}${config.redisUrl ? ', rate limits in Redis' : ''}`,
    '',
    '  DEMO-ONLY keys (public; never use them in production — set RAPPORT_DEMO=0):',
    `    publishable key  ${DEMO_PROJECT.publishableKey}`,
    `    secret key       ${DEMO_PROJECT.secretKey}`,
    `    identity secret  ${DEMO_PROJECT.identitySecret}`,
    `    demo customer    ${DEMO_CUSTOMER_ID} (userHash ${hash})`,
    `    demo owner       ${DEMO_OWNER.email} / ${DEMO_OWNER.password}`,
    '',
    `  Console: ${url}/console/ (sign in as the demo owner)`,
    '',
    '  Try:',
    `    curl -s ${url}/v1/config -H 'Authorization: Bearer ${DEMO_PROJECT.publishableKey}'`,
    `    curl -s '${url}/v1/loyalty?userId=${DEMO_CUSTOMER_ID}&userHash=${hash}' -H 'Authorization: Bearer ${DEMO_PROJECT.publishableKey}'`,
    `    curl -s ${url}/v1/admin/feedback -H 'Authorization: Bearer ${DEMO_PROJECT.secretKey}'`,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** A registry with process metrics when `/metrics` is served somewhere; else none. */
function metricsRegistryOf(config: CliConfig): Registry | undefined {
  if (config.metricsToken === undefined && config.metricsPort === undefined) return undefined;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
}

/** The token `/metrics` needs on the main port; none when it has a port of its own. */
function onMainPort(config: CliConfig): string | undefined {
  return config.metricsPort === undefined ? config.metricsToken : undefined;
}

function exitOnListenError(node: NodeServer, setting: string, port: number | undefined) {
  node.server.on('error', (error: NodeJS.ErrnoException) => {
    const why =
      error.code === 'EADDRINUSE'
        ? `port ${port} is already in use; set ${setting}`
        : error.message;
    process.stderr.write(`rapport: cannot listen: ${why}\n`);
    process.exit(1);
  });
}

async function start(config: CliConfig) {
  const logger = createJsonLogger();
  const store = await openStore(config);
  await migrateWith(config, store);
  const redis = config.redisUrl ? createRedisClient(config.redisUrl) : undefined;
  // The demo seeds its own owner, so only a real first run needs a setup token.
  const setupToken = config.demo ? undefined : await issueSetupToken(store);
  const registry = metricsRegistryOf(config);
  const app = createApp({
    store,
    logger,
    ...(registry ? { metrics: { registry, token: onMainPort(config) } } : {}),
    limits: {
      redis,
      keyPrefix: config.redisPrefix,
      trustProxy: config.trustProxy,
      ...(config.perIp === undefined ? {} : { perIp: config.perIp }),
      ...(config.perKey === undefined ? {} : { perKey: config.perKey }),
      ...(config.perPublishableKey === undefined
        ? {}
        : { perPublishableKey: config.perPublishableKey }),
    },
    ...readConsoleEnv(process.env),
    setupToken,
    webhooks: { allowPrivateDestinations: config.webhooksAllowPrivate },
  });
  if (config.demo) {
    const origins = [
      // The demo pages are served from this very server, on this port.
      `http://localhost:${config.port}`,
      `http://127.0.0.1:${config.port}`,
      ...config.demoOrigins,
    ];
    await seedDemo(store, { allowedOrigins: origins });
    app.route('/', demoIdentityRoutes(DEMO_PROJECT.identitySecret, [DEMO_CUSTOMER_ID]));
  }
  app.route(
    '/',
    staticFileRoutes({
      rootDir: config.staticDir,
      widgetPath: config.widgetPath,
      widgetVersion: config.widgetVersion,
      consoleDir: config.consoleDir,
    }),
  );
  const node = startNodeServer({
    fetch: app.fetch,
    port: config.port,
    hostname: config.host,
    shutdownGraceMs: config.shutdownGraceMs,
    onListening: (info) => {
      const url = `http://localhost:${info.port}`;
      if (config.demo) printDemoBanner(url, config);
      else
        logger.info('listening', {
          url,
          storage: describeStore(config),
          // The SMTP host only: the URL's password stays out of logs.
          emails: config.email ? new URL(config.email.smtpUrl).host : 'off',
        });
      if (setupToken) process.stdout.write(setupTokenBanner(`${url}/console/`, setupToken));
    },
  });
  const metricsNode =
    registry && config.metricsPort !== undefined
      ? startNodeServer({
          fetch: metricsApp(registry, config.metricsToken).fetch,
          port: config.metricsPort,
          hostname: config.host,
          shutdownGraceMs: config.shutdownGraceMs,
          onListening: (info) => logger.info('metrics listening', { port: info.port }),
        })
      : undefined;
  exitOnListenError(node, 'PORT', config.port);
  if (metricsNode) exitOnListenError(metricsNode, 'RAPPORT_METRICS_PORT', config.metricsPort);
  const pruneJob =
    config.pruneIntervalMs > 0
      ? startPruneJob({
          intervalMs: config.pruneIntervalMs,
          logger,
          run: async (signal) => {
            const result = await prune(store, { ...pruneSettingsOf(config), signal });
            if (result.ran) logger.info('pruned', { ...result });
          },
        })
      : undefined;
  const webhookWorker = config.webhooksWorker
    ? startWebhookWorker({
        store,
        logger,
        allowPrivateDestinations: config.webhooksAllowPrivate,
        ...(registry ? { metrics: createWebhookMetrics(registry) } : {}),
        ...(config.publicUrl ? { consoleUrl: `${config.publicUrl}/console/` } : {}),
      })
    : undefined;
  const emailJob = startEmailsOf(config, store, logger);
  const stop = async (signal: NodeJS.Signals) => {
    // A second signal (Ctrl-C twice) means now; so does a store that will not close.
    process.once('SIGINT', () => process.exit(1));
    process.once('SIGTERM', () => process.exit(1));
    setTimeout(() => process.exit(1), config.shutdownGraceMs + 5_000).unref();
    logger.info('stopping', { signal, graceSeconds: config.shutdownGraceMs / 1000 });
    // A prune run stops between statements; each is a few thousand rows, well inside the bound.
    // The webhook worker aborts its attempts in flight and gives their claims back at once;
    // the email job finishes the email it is sending (each SMTP step is bounded at 15 s).
    await Promise.all([
      node.close(),
      metricsNode?.close(),
      pruneJob?.stop(),
      webhookWorker?.stop(),
      emailJob?.stop(),
    ]);
    // Closing the store releases the data directory's lock for the next process.
    await store.close().catch(() => {});
    redis?.disconnect();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function main(argv: string[]) {
  const command = argv[0] ?? 'help';
  if (command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const config = readCliConfig(process.env);
  if (command === 'migrate') {
    const store = await openStore(config);
    const applied = await migrateWith(config, store).finally(() => store.close());
    process.stdout.write(
      applied.length ? `Applied ${applied.join(', ')}\n` : 'The database is up to date.\n',
    );
    return;
  }
  if (command === 'start') return start(config);
  if (await runOperationsCommand(argv, config, () => openStore(config))) return;
  if (await runPeopleCommand(argv, config)) return;
  process.stderr.write(`Unknown command "${command}".\n\n${USAGE}\n`);
  process.exitCode = 2;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError) {
    // Every mistake at once, and nothing started: fix them all in one go.
    const lines = error.problems.map((problem) => `rapport: ${problem}`);
    process.stderr.write(`${lines.join('\n')}\nrapport: nothing was started.\n`);
    process.exit(2);
  }
  process.stderr.write(`rapport: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
