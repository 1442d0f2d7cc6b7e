/**
 * @rapport/server — the Rapport HTTP API as a Hono app over PGlite or PostgreSQL.
 */
export { type AppOptions, createApp } from './app';
export type { AppEnv } from './app-env';
export { type Clock, systemClock } from './clock';
export { DEMO_CUSTOMER_ID, DEMO_PROJECT } from './demo/demo-project';
export { type SeedDemoOptions, seedDemo } from './demo/seed-demo';
export { type EmailJobOptions, startEmailJob } from './email/email-job';
export {
  createSmtpMailer,
  type Mailer,
  type OutgoingEmail,
  type SmtpMailerOptions,
} from './email/mailer';
export {
  ApiError,
  ConflictError,
  ForbiddenError,
  InsufficientPointsError,
  InvalidBodyError,
  InvalidQueryError,
  isApiError,
  NotFoundError,
  PayloadTooLargeError,
  RateLimitedError,
  UnauthorizedError,
} from './errors';
export { hashSecretKey, userHashOf, verifyUserHash } from './identity';
export type { LimitsOptions, RateWindow } from './limits';
export { createJsonLogger, type JsonLoggerOptions, type Logger, silentLogger } from './logger';
export { createWebhookMetrics, type WebhookMetrics } from './metrics';
export type { TrustProxy } from './middleware/client-ip';
export { type PruneJob, type PruneJobOptions, startPruneJob } from './prune-job';
export { metricsApp } from './routes/metrics';
export {
  backupDataDir,
  DataDirNotEmptyError,
  NoDatabaseError,
  restoreDataDir,
} from './store/backup';
export * from './store/index';
export { type NewProject, type Project, upsertProject } from './store/projects';
export { type PruneOptions, type PruneResult, prune } from './store/prune';
export { RETRY_DELAYS_MS } from './webhooks/backoff';
export { isPrivateAddress } from './webhooks/destination';
export { enqueueWebhookEvent } from './webhooks/enqueue';
export { signWebhook } from './webhooks/signature';
export {
  createWebhookSender,
  type StartWebhookWorkerOptions,
  startWebhookWorker,
  type WebhookSender,
  type WebhookWorker,
  type WebhookWorkerOptions,
} from './webhooks/worker';
