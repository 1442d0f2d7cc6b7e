import { describe, expect, it } from 'vitest';
import { databases } from './helpers/databases';
import { asSecretKey, ingest } from './helpers/inbox';
import { useReplyEmails } from './helpers/reply-emails';
import { message } from './helpers/requests';
import { partOf } from './helpers/smtp-server';
import { useTestApp } from './helpers/test-app';

describe.each(databases)('unsubscribe links on $name', (database) => {
  const ctx = useTestApp(database);
  const mail = useReplyEmails(ctx);

  /** Emails Ada a reply and returns the unsubscribe path of that email. */
  async function emailedLink() {
    const feedback = message('feedback', { userId: 'ada', email: 'ada@customer.test' });
    await ingest(ctx, [feedback]);
    await mail.teamReply(feedback.id, '2026-03-02T12:00:00.000Z');
    ctx.clock.set('2026-03-02T12:30:00.000Z');
    await mail.sender().sendDue();
    const header = mail.smtp.received.at(-1)?.headers['list-unsubscribe'] ?? '';
    const url = new URL(header.slice(1, -1));
    // The link in the body is the header's.
    expect(partOf(mail.smtp.received.at(-1) as never, 'text/plain')).toContain(url.href);
    return { path: `${url.pathname}${url.search}`, feedbackId: feedback.id };
  }
  const unsubscribed = () => ctx.store.db.selectFrom('email_unsubscribes').selectAll().execute();

  it('asks on GET without unsubscribing, and unsubscribes on the one-click POST', async () => {
    const { path, feedbackId } = await emailedLink();
    const page = await ctx.app.request(path, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await page.text();
    expect(html).toContain('a•••@customer.test');
    expect(html).not.toContain('ada@customer.test');
    expect(html).toContain('<form method="post"');
    expect(await unsubscribed()).toHaveLength(0);

    // What a mail client sends for RFC 8058 one-click.
    const post = await ctx.app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(post.status).toBe(200);
    expect(await post.json()).toEqual({ unsubscribed: true });
    expect((await unsubscribed()).map((row) => [row.project_id, row.address])).toEqual([
      ['proj_test', 'ada@customer.test'],
    ]);
    // Twice is once.
    expect((await ctx.app.request(path, { method: 'POST' })).status).toBe(200);

    // A newer reply is not emailed any more.
    await mail.teamReply(feedbackId, '2026-03-02T13:00:00.000Z');
    ctx.clock.set('2026-03-02T13:30:00.000Z');
    expect(await mail.sender().sendDue()).toBe(0);
    expect(mail.smtp.received).toHaveLength(1);
  });

  it("goes with the customer's erasure: no token or opt-out keeps their address", async () => {
    const { path } = await emailedLink();
    await ctx.app.request(path, { method: 'POST' });
    expect(await unsubscribed()).toHaveLength(1);
    const erase = await asSecretKey(ctx, 'DELETE', '/v1/admin/customers/ada', { confirm: 'ada' });
    expect(erase.status).toBe(204);
    expect(await unsubscribed()).toHaveLength(0);
    const tokens = await ctx.store.db.selectFrom('email_unsubscribe_tokens').selectAll().execute();
    expect(tokens).toHaveLength(0);
    expect((await ctx.app.request(path, { method: 'POST' })).status).toBe(404);
  });

  it("shows the confirmation in the browser's language", async () => {
    const { path } = await emailedLink();
    const page = await ctx.app.request(path, {
      method: 'POST',
      headers: { accept: 'text/html', 'accept-language': 'fr-CA,fr;q=0.9' },
    });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('lang="fr"');
    expect(html).toContain('n’écrira plus à a•••@customer.test');
  });

  it('answers 404 for a missing, malformed or unknown token, and unsubscribes no one', async () => {
    await emailedLink();
    for (const query of ['', '?token=', '?token=short', `?token=${'A'.repeat(43)}`]) {
      for (const method of ['GET', 'POST']) {
        const res = await ctx.app.request(`/v1/email/unsubscribe${query}`, { method });
        expect(res.status).toBe(404);
        expect((await res.json()).error.code).toBe('not_found');
      }
    }
    const page = await ctx.app.request('/v1/email/unsubscribe?token=nope', {
      headers: { accept: 'text/html' },
    });
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('This unsubscribe link is not valid');
    expect(await unsubscribed()).toHaveLength(0);
  });
});
