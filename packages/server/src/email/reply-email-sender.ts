import { type Clock, DAY_MS, systemClock } from '../clock';
import type { Logger } from '../logger';
import type { Store } from '../store';
import { nextAttemptDelay } from '../webhooks/backoff';
import type { Mailer } from './mailer';
import {
  type ClaimedReplyEmail,
  claimedReplies,
  claimReplyEmails,
  recordReplyEmail,
  releaseReplyEmail,
} from './reply-claims';
import { replyEmail } from './reply-email';
import { issueUnsubscribeToken } from './unsubscribe-tokens';

/**
 * Waits after each failed SMTP attempt: 5 attempts over about 8 hours, so a mail server down
 * for a morning still gets the email out, and a thread never waits on a dead one for days.
 */
export const EMAIL_RETRY_DELAYS_MS: readonly number[] = [
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
];

/** Options for {@link createReplyEmailSender}. */
export interface ReplyEmailSenderOptions {
  store: Store;
  mailer: Mailer;
  logger: Logger;
  /** The server's public address (`RAPPORT_PUBLIC_URL`), for the unsubscribe link. */
  publicUrl: string;
  /** @default () => new Date() */
  clock?: Clock;
  /**
   * How long a team reply stays unread before it is emailed (`REPLY_EMAIL_AFTER_MINUTES`).
   * @default 900_000 (15 minutes)
   */
  delayMs?: number;
  /**
   * Replies older than this are never emailed (say, when SMTP is first turned on).
   * @default 7 days
   */
  maxAgeMs?: number;
  /** @default 20 threads a pass */
  batchSize?: number;
  /** @default EMAIL_RETRY_DELAYS_MS */
  retryDelaysMs?: readonly number[];
}

/** One pass of reply emails, for the email job and for tests that step a clock. */
export interface ReplyEmailSender {
  /**
   * Claims the due threads, emails each once and records how it went; resolves with how many.
   * Once `signal` aborts, the claims not sent yet are given back for the next pass.
   */
  sendDue(signal?: AbortSignal): Promise<number>;
}

/** An SMTP failure for the log: its code and answer code, never the message or the URL. */
export function smtpFailure(error: unknown) {
  const e = error as { code?: unknown; responseCode?: unknown; name?: unknown };
  return { error: String(e?.code ?? e?.name ?? 'Error'), responseCode: e?.responseCode };
}

/**
 * Builds the reply-email pass without starting anything (`startEmailJob` runs it). A thread's
 * unread replies go out in one email; an SMTP failure is retried on `retryDelaysMs`, then
 * given up and logged; a failure never escapes the pass.
 */
export function createReplyEmailSender(options: ReplyEmailSenderOptions): ReplyEmailSender {
  const { db } = options.store;
  const clock = options.clock ?? systemClock;
  const delayMs = options.delayMs ?? 15 * 60_000;
  const maxAgeMs = options.maxAgeMs ?? 7 * DAY_MS;
  const delays = options.retryDelaysMs ?? EMAIL_RETRY_DELAYS_MS;

  async function send(claim: ClaimedReplyEmail) {
    const replies = await claimedReplies(db, claim);
    // Read between the claim and now: nothing is left to tell the customer.
    if (replies.length === 0) return recordReplyEmail(db, claim, { sent: true });
    const now = clock();
    const target = { kind: 'replies', projectId: claim.projectId, address: claim.to } as const;
    const token = await issueUnsubscribeToken(db, target, now);
    const email = replyEmail({
      ...claim,
      replies,
      unsubscribeUrl: `${options.publicUrl}/v1/email/unsubscribe?token=${token}`,
    });
    try {
      await options.mailer.send(email);
    } catch (error) {
      const delay = nextAttemptDelay(claim.attempt, delays);
      const retryAt = delay === undefined ? undefined : new Date(clock().getTime() + delay);
      await recordReplyEmail(db, claim, { sent: false, retryAt });
      // Ids and codes only: the address and the replies are personal data.
      const facts = { feedbackId: claim.feedbackId, attempt: claim.attempt, ...smtpFailure(error) };
      if (retryAt) options.logger.warn('reply email failed; retrying', { ...facts, retryAt });
      else options.logger.error('reply email failed; giving up', facts);
      return;
    }
    await recordReplyEmail(db, claim, { sent: true });
  }

  return {
    async sendDue(signal) {
      const now = clock();
      const claims = await claimReplyEmails(db, {
        now,
        dueBefore: new Date(now.getTime() - delayMs),
        oldest: new Date(now.getTime() - maxAgeMs),
        // Longer than any SMTP exchange (the mailer times out at 15 s a step).
        leaseUntil: new Date(now.getTime() + 10 * 60_000),
        limit: options.batchSize ?? 20,
      });
      for (const claim of claims) {
        const attempt = signal?.aborted ? releaseReplyEmail(db, claim, clock()) : send(claim);
        await attempt.catch((error: unknown) => {
          options.logger.error('recording a reply email failed', {
            feedbackId: claim.feedbackId,
            error: error instanceof Error ? error.name : 'Error',
          });
        });
      }
      return claims.length;
    },
  };
}
