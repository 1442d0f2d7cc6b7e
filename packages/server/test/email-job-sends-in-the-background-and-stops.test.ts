import { describe, expect, it, vi } from 'vitest';
import { startEmailJob } from '../src/email/email-job';
import { silentLogger } from '../src/logger';
import { addUser, consoleBrowser } from './helpers/console-session';
import { databases } from './helpers/databases';
import { ingest } from './helpers/inbox';
import { PUBLIC_URL, useReplyEmails } from './helpers/reply-emails';
import { message } from './helpers/requests';
import { useTestApp } from './helpers/test-app';

describe.each(databases)('the email job on $name', (database) => {
  const ctx = useTestApp(database);
  const mail = useReplyEmails(ctx);

  it('sends reply emails and digests from its own timer, and stops cleanly', async () => {
    ctx.clock.set('2026-03-02T12:00:00.000Z');
    await addUser(ctx.store, 'mia@team.test', { projectId: 'proj_test', role: 'member' });
    const mia = consoleBrowser(ctx.app);
    await mia.signIn('mia@team.test');
    await mia.send('PUT', '/v1/console/account/digest', { enabled: true });
    ctx.clock.set('2026-03-02T12:00:30.000Z');
    const feedback = message('feedback', {
      userId: 'ada',
      email: 'ada@customer.test',
      timestamp: '2026-03-02T12:00:30.000Z',
    });
    await ingest(ctx, [feedback]);
    await mail.teamReply(feedback.id, '2026-03-02T12:01:00.000Z');
    ctx.clock.set('2026-03-03T12:30:00.000Z');

    const job = startEmailJob({
      store: ctx.store,
      mailer: mail.mailer,
      logger: silentLogger,
      publicUrl: PUBLIC_URL,
      replyDelayMs: 15 * 60_000,
      clock: ctx.clock,
      intervalMs: 20,
    });
    try {
      await vi.waitFor(() => expect(mail.smtp.received).toHaveLength(2), { timeout: 4_000 });
    } finally {
      await job.stop();
    }
    expect(mail.smtp.received.map((email) => email.to.join()).sort()).toEqual([
      'ada@customer.test',
      'mia@team.test',
    ]);
  });
});
