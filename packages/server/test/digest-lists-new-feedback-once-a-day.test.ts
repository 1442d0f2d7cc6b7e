import { describe, expect, it } from 'vitest';
import { createDigestSender } from '../src/email/digest-sender';
import { silentLogger } from '../src/logger';
import { addUser, consoleBrowser } from './helpers/console-session';
import { databases } from './helpers/databases';
import { ingest } from './helpers/inbox';
import { PUBLIC_URL, useReplyEmails } from './helpers/reply-emails';
import { message, send } from './helpers/requests';
import { partOf } from './helpers/smtp-server';
import { OTHER_PK, useTestApp } from './helpers/test-app';

const ON = '2026-03-02T12:00:00.000Z';
const HOUR = 3_600_000;
const at = (hours: number) => new Date(Date.parse(ON) + hours * HOUR).toISOString();

describe.each(databases)('the daily digest on $name', (database) => {
  const ctx = useTestApp(database);
  const mail = useReplyEmails(ctx);

  async function signedIn(email: string) {
    await addUser(ctx.store, email, { projectId: 'proj_test', role: 'member' });
    const browser = consoleBrowser(ctx.app);
    expect((await browser.signIn(email)).status).toBe(200);
    return browser;
  }
  function digests(options: { retryDelaysMs?: number[] } = {}) {
    return createDigestSender({
      store: ctx.store,
      mailer: mail.mailer,
      logger: silentLogger,
      publicUrl: PUBLIC_URL,
      clock: ctx.clock,
      ...options,
    });
  }
  async function feedbackAt(hours: number, fields: Record<string, unknown> = {}, key?: string) {
    ctx.clock.set(at(hours));
    const item = message('feedback', { timestamp: at(hours), ...fields });
    if (key) {
      const res = await send(ctx.app, 'POST', '/v1/batch', { messages: [item] }, { key });
      expect(res.body.accepted).toBe(1);
    } else await ingest(ctx, [item]);
    return item;
  }

  it('is off until turned on, and the toggle is a CSRF-checked console write', async () => {
    ctx.clock.set(ON);
    const browser = await signedIn('mia@team.test');
    expect((await browser.send('GET', '/v1/console/account/digest')).body).toEqual({
      enabled: false,
    });
    const forged = await browser.send(
      'PUT',
      '/v1/console/account/digest',
      { enabled: true },
      { 'x-csrf-token': 'wrong' },
    );
    expect(forged.status).toBe(403);
    expect(forged.body.error.code).toBe('csrf_failed');
    const bad = await browser.send('PUT', '/v1/console/account/digest', { enabled: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_body');
    const on = await browser.send('PUT', '/v1/console/account/digest', { enabled: true });
    expect(on.body).toEqual({ enabled: true });
    expect((await browser.send('GET', '/v1/console/account/digest')).body).toEqual({
      enabled: true,
    });
    const anonymous = await ctx.app.request('/v1/console/account/digest');
    expect(anonymous.status).toBe(401);
  });

  it('sends one email a day listing the new feedback of their projects, none when nothing is new', async () => {
    ctx.clock.set(ON);
    const mia = await signedIn('mia@team.test');
    await mia.send('PUT', '/v1/console/account/digest', { enabled: true });
    // A teammate who did not opt in gets nothing.
    await signedIn('noah@team.test');
    const first = await feedbackAt(2, {
      message: 'The <b>checkout</b> button is hidden',
      category: 'bug',
    });
    await feedbackAt(3, { message: 'Please add dark mode' });
    await feedbackAt(3, { message: 'Another project entirely' }, OTHER_PK);

    // Not before a day has passed since turning it on.
    ctx.clock.set(at(23));
    expect(await digests().sendDue()).toBe(0);
    ctx.clock.set(at(24.1));
    expect(await digests().sendDue()).toBe(1);
    expect(mail.smtp.received).toHaveLength(1);
    const [email] = mail.smtp.received;
    expect(email?.to).toEqual(['mia@team.test']);
    expect(email?.headers.subject).toBe('2 new feedback items in Rapport');
    const text = partOf(email as never, 'text/plain');
    expect(text).toContain('Test Shop: 2 new');
    expect(text).toContain('[bug] The <b>checkout</b> button is hidden');
    expect(text).toContain(`${PUBLIC_URL}/console/#/projects/proj_test/inbox/${first.id}`);
    expect(text).not.toContain('Another project entirely');
    const html = partOf(email as never, 'text/html');
    expect(html).toContain('The &lt;b&gt;checkout&lt;/b&gt; button');
    expect(email?.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');

    // The same day again, from two instances: nothing more.
    ctx.clock.set(at(30));
    await Promise.all([digests().sendDue(), digests().sendDue()]);
    expect(mail.smtp.received).toHaveLength(1);

    // The next day with nothing new: no email.
    ctx.clock.set(at(48.2));
    expect(await digests().sendDue()).toBe(1);
    expect(mail.smtp.received).toHaveLength(1);

    // The day after, only what came in since the last digest.
    await feedbackAt(60, { message: 'Fresh idea' });
    ctx.clock.set(at(72.3));
    await digests().sendDue();
    expect(mail.smtp.received).toHaveLength(2);
    const third = partOf(mail.smtp.received[1] as never, 'text/plain');
    expect(third).toContain('Test Shop: 1 new');
    expect(third).toContain('Fresh idea');
    expect(third).not.toContain('dark mode');
  });

  it('retries an SMTP failure, and its unsubscribe link turns the digest off', async () => {
    ctx.clock.set(ON);
    const mia = await signedIn('mia@team.test');
    await mia.send('PUT', '/v1/console/account/digest', { enabled: true });
    await feedbackAt(2, { message: 'Hello' });
    mail.smtp.fail = true;
    ctx.clock.set(at(24.1));
    const sender = digests({ retryDelaysMs: [HOUR] });
    expect(await sender.sendDue()).toBe(1);
    expect(mail.smtp.received).toHaveLength(0);
    mail.smtp.fail = false;
    ctx.clock.set(at(25.2));
    expect(await sender.sendDue()).toBe(1);
    expect(mail.smtp.received).toHaveLength(1);

    const link = new URL(mail.smtp.received[0]?.headers['list-unsubscribe']?.slice(1, -1) ?? '');
    const res = await ctx.app.request(`${link.pathname}${link.search}`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect((await mia.send('GET', '/v1/console/account/digest')).body).toEqual({ enabled: false });
    await feedbackAt(30, { message: 'More' });
    ctx.clock.set(at(60));
    expect(await sender.sendDue()).toBe(0);
  });
});
