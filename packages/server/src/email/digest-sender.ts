import { type Clock, systemClock } from '../clock';
import type { Logger } from '../logger';
import type { Store } from '../store';
import { nextAttemptDelay } from '../webhooks/backoff';
import { type ClaimedDigest, claimDueDigests, digestContent, recordDigest } from './digest-claims';
import { digestEmail } from './digest-email';
import type { Mailer } from './mailer';
import { EMAIL_RETRY_DELAYS_MS, smtpFailure } from './reply-email-sender';
import { issueUnsubscribeToken } from './unsubscribe-tokens';

/** Options for {@link createDigestSender}. */
export interface DigestSenderOptions {
  store: Store;
  mailer: Mailer;
  logger: Logger;
  /** `RAPPORT_PUBLIC_URL`, for the console links and the unsubscribe link. */
  publicUrl: string;
  /** @default () => new Date() */
  clock?: Clock;
  /** @default 20 teammates a pass */
  batchSize?: number;
  /** @default EMAIL_RETRY_DELAYS_MS */
  retryDelaysMs?: readonly number[];
}

/** One pass of daily digests. */
export interface DigestSender {
  /** Claims the due digests, sends those with something new; resolves with how many claimed. */
  sendDue(): Promise<number>;
}

/**
 * Builds the digest pass: each opted-in teammate gets at most one email a day, listing the
 * feedback new in their projects since the last one, and none when nothing is new.
 */
export function createDigestSender(options: DigestSenderOptions): DigestSender {
  const { db } = options.store;
  const clock = options.clock ?? systemClock;
  const delays = options.retryDelaysMs ?? EMAIL_RETRY_DELAYS_MS;

  async function send(digest: ClaimedDigest) {
    const projects = await digestContent(db, digest);
    if (projects.length === 0) return recordDigest(db, digest, { done: true });
    const target = { kind: 'digest', userId: digest.userId } as const;
    const token = await issueUnsubscribeToken(db, target, clock());
    const email = digestEmail({
      to: digest.email,
      projects,
      publicUrl: options.publicUrl,
      unsubscribeUrl: `${options.publicUrl}/v1/email/unsubscribe?token=${token}`,
    });
    try {
      await options.mailer.send(email);
    } catch (error) {
      const delay = nextAttemptDelay(digest.attempt, delays);
      const retryAt = delay === undefined ? undefined : new Date(clock().getTime() + delay);
      await recordDigest(db, digest, { done: false, retryAt });
      const facts = { userId: digest.userId, attempt: digest.attempt, ...smtpFailure(error) };
      options.logger.warn(retryAt ? 'digest failed; retrying' : 'digest failed; skipping a day', {
        ...facts,
        retryAt,
      });
      return;
    }
    await recordDigest(db, digest, { done: true });
  }

  return {
    async sendDue() {
      const digests = await claimDueDigests(db, {
        now: clock(),
        limit: options.batchSize ?? 20,
      });
      for (const digest of digests) {
        await send(digest).catch((error: unknown) => {
          options.logger.error('recording a digest failed', {
            userId: digest.userId,
            error: error instanceof Error ? error.name : 'Error',
          });
        });
      }
      return digests.length;
    },
  };
}
