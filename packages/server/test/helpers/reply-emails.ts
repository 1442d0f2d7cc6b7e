import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { createSmtpMailer, type Mailer } from '../../src/email/mailer';
import {
  createReplyEmailSender,
  type ReplyEmailSenderOptions,
} from '../../src/email/reply-email-sender';
import { silentLogger } from '../../src/logger';
import { asSecretKey } from './inbox';
import { type LocalSmtp, startLocalSmtp } from './smtp-server';
import type { TestAppContext } from './test-app';

export const PUBLIC_URL = 'https://rapport.example';

/** What {@link useReplyEmails} gives a test: the local SMTP server and ways to feed it. */
export interface ReplyEmailsContext {
  smtp: LocalSmtp;
  /** This test's mailer to the local server. */
  mailer: Mailer;
  /** A reply email pass of its own (one instance), on the test clock, 15 minutes' delay. */
  sender(options?: Partial<ReplyEmailSenderOptions>): ReturnType<typeof createReplyEmailSender>;
  /** A team reply written at `at` (the clock stays there). */
  teamReply(feedbackId: unknown, at: string, body?: string): Promise<void>;
}

/**
 * A local SMTP server for the enclosing `describe` (emptied before each test) and a fresh
 * mailer to it for each test.
 */
export function useReplyEmails(ctx: TestAppContext): ReplyEmailsContext {
  const context = {} as ReplyEmailsContext;
  beforeAll(async () => {
    context.smtp = await startLocalSmtp();
  });
  afterAll(async () => {
    await context.smtp.close();
  });
  beforeEach(() => {
    context.smtp.received.length = 0;
    context.smtp.fail = false;
    context.mailer = createSmtpMailer({
      url: context.smtp.url,
      from: 'Test Shop <support@shop.example>',
    });
  });
  afterEach(() => context.mailer.close());
  context.sender = (options = {}) =>
    createReplyEmailSender({
      store: ctx.store,
      mailer: context.mailer,
      logger: silentLogger,
      publicUrl: PUBLIC_URL,
      clock: ctx.clock,
      delayMs: 15 * 60_000,
      ...options,
    });
  context.teamReply = async (feedbackId, at, body = 'On it') => {
    ctx.clock.set(at);
    const res = await asSecretKey(ctx, 'POST', `/v1/admin/feedback/${feedbackId}/replies`, {
      body,
    });
    expect(res.status).toBe(201);
  };
  return context;
}
