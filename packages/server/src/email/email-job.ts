import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { type PruneJob, startPruneJob } from '../prune-job';
import type { Store } from '../store';
import { createDigestSender } from './digest-sender';
import type { Mailer } from './mailer';
import { createReplyEmailSender } from './reply-email-sender';

/** Options for {@link startEmailJob}. */
export interface EmailJobOptions {
  store: Store;
  mailer: Mailer;
  logger: Logger;
  /** `RAPPORT_PUBLIC_URL`, for the links in emails. */
  publicUrl: string;
  /** `REPLY_EMAIL_AFTER_MINUTES` in milliseconds. */
  replyDelayMs: number;
  /**
   * Between the end of one pass and the start of the next.
   * @default 60_000
   */
  intervalMs?: number;
  /** @default () => new Date() */
  clock?: Clock;
}

/**
 * Sends the due reply emails and daily digests every minute from this process. Any number of instances may run
 * it on one database: claims keep each email to one of them. A pass that fails (the database
 * away) is logged and the next one comes on schedule; a request never waits on it.
 *
 * @example
 * const job = startEmailJob({ store, mailer: createSmtpMailer({ url, from }), logger, publicUrl, replyDelayMs });
 * process.once('SIGTERM', () => job.stop());
 */
export function startEmailJob(options: EmailJobOptions): PruneJob {
  const replies = createReplyEmailSender({ ...options, delayMs: options.replyDelayMs });
  const digests = createDigestSender(options);
  return startPruneJob({
    intervalMs: options.intervalMs ?? 60_000,
    firstDelayMs: options.intervalMs ?? 60_000,
    logger: options.logger,
    failureMessage: 'email pass failed; retrying at the next interval',
    run: async (signal) => {
      // A full batch means more are due: go on until a pass finds fewer, or shutdown.
      while (!signal.aborted && (await replies.sendDue(signal)) >= 20) {}
      while (!signal.aborted && (await digests.sendDue()) >= 20) {}
    },
  });
}
