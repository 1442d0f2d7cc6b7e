import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { databases } from './helpers/databases';
import { ingest, userHashOf } from './helpers/inbox';
import { useReplyEmails } from './helpers/reply-emails';
import { message, send } from './helpers/requests';
import { decodedHeader, partOf } from './helpers/smtp-server';
import { useTestApp } from './helpers/test-app';

const MINUTE = 60_000;

function context(locale = 'en-GB', url = 'https://shop.example/checkout?step=2') {
  return { url, userAgent: 'test', viewport: { width: 800, height: 600 }, locale };
}

describe.each(databases)('reply emails on $name', (database) => {
  const ctx = useTestApp(database);
  const mail = useReplyEmails(ctx);
  const { sender, teamReply } = mail;
  const emailsTo = (address: string) => mail.smtp.received.filter((m) => m.to.includes(address));

  it('emails one message for an unread reply and none for a read one', async () => {
    const away = message('feedback', {
      userId: 'ada',
      email: 'ada@customer.test',
      context: context(),
    });
    const reader = message('feedback', { userId: 'grace', email: 'grace@customer.test' });
    await ingest(ctx, [away, reader]);
    await teamReply(away.id, '2026-03-02T12:00:00.000Z', 'We shipped a fix.');
    await teamReply(reader.id, '2026-03-02T12:00:00.000Z');
    ctx.clock.set('2026-03-02T12:05:00.000Z');
    const read = await send(ctx.app, 'POST', '/v1/inbox/read', {
      userId: 'grace',
      userHash: userHashOf('grace'),
      through: '2026-03-02T12:05:00.000Z',
    });
    expect(read.status).toBe(200);

    // Not yet: the delay has not passed.
    ctx.clock.set('2026-03-02T12:14:00.000Z');
    expect(await sender().sendDue()).toBe(0);
    expect(mail.smtp.received).toHaveLength(0);

    ctx.clock.set('2026-03-02T12:16:00.000Z');
    await sender().sendDue();
    expect(mail.smtp.received).toHaveLength(1);
    const [email] = mail.smtp.received;
    expect(email?.to).toEqual(['ada@customer.test']);
    expect(decodedHeader(email?.headers.subject)).toBe('New reply from Test Shop');
    expect(email?.headers.from).toBe('Test Shop <support@shop.example>');
    const text = partOf(email as never, 'text/plain');
    expect(text).toContain('We shipped a fix.');
    expect(text).toContain('https://shop.example/checkout?step=2');
    expect(text).toMatch(/https:\/\/rapport\.example\/v1\/email\/unsubscribe\?token=[\w-]{43}/);
    expect(email?.headers['list-unsubscribe']).toMatch(
      /^<https:\/\/rapport\.example\/v1\/email\/unsubscribe\?token=[\w-]{43}>$/,
    );
    expect(email?.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');

    // Later passes, and a second instance's, send nothing more.
    ctx.clock.set('2026-03-02T13:00:00.000Z');
    await Promise.all([sender().sendDue(), sender().sendDue()]);
    expect(mail.smtp.received).toHaveLength(1);
  });

  it('puts every unread reply of a thread in one email, and each reply in one email only', async () => {
    const feedback = message('feedback', { userId: 'ada', email: 'ada@customer.test' });
    await ingest(ctx, [feedback]);
    await teamReply(feedback.id, '2026-03-02T12:00:00.000Z', 'First answer');
    await teamReply(feedback.id, '2026-03-02T12:03:00.000Z', 'Second answer');
    ctx.clock.set('2026-03-02T12:30:00.000Z');
    // Two instances at once: the thread is claimed by one of them.
    await Promise.all([sender().sendDue(), sender().sendDue(), sender().sendDue()]);
    expect(mail.smtp.received).toHaveLength(1);
    const first = partOf(mail.smtp.received[0] as never, 'text/plain');
    expect(first).toContain('First answer');
    expect(first).toContain('Second answer');

    // A newer reply, still unread: a second email with that reply only.
    await teamReply(feedback.id, '2026-03-02T13:00:00.000Z', 'Third answer');
    ctx.clock.set('2026-03-02T13:20:00.000Z');
    await sender().sendDue();
    expect(mail.smtp.received).toHaveLength(2);
    const second = partOf(mail.smtp.received[1] as never, 'text/plain');
    expect(second).toContain('Third answer');
    expect(second).not.toContain('First answer');
  });

  it('emails each of many threads once while four instances send at the same time', async () => {
    const threads = Array.from({ length: 30 }, (_, i) =>
      message('feedback', { userId: `user-${i}`, email: `user-${i}@customer.test` }),
    );
    await ingest(ctx, threads);
    for (const thread of threads) await teamReply(thread.id, '2026-03-02T12:00:00.000Z');
    ctx.clock.set('2026-03-02T12:30:00.000Z');
    // Open four pooled connections first, so the four claims really run at the same time.
    await Promise.all([1, 2, 3, 4].map(() => sql`SELECT pg_sleep(0.05)`.execute(ctx.store.db)));
    const instance = async () => {
      const pass = sender({ batchSize: 5 });
      while ((await pass.sendDue()) > 0) {}
    };
    await Promise.all([instance(), instance(), instance(), instance()]);
    const recipients = mail.smtp.received.map((m) => m.to.join());
    expect(recipients).toHaveLength(30);
    expect(new Set(recipients).size).toBe(30);
  });

  it("falls back to the customer's email trait, and skips a thread with no address", async () => {
    await ingest(ctx, [
      message('identify', { userId: 'ada', traits: { email: 'ada.trait@customer.test' } }),
    ]);
    const withTrait = message('feedback', { userId: 'ada' });
    const nowhere = message('feedback', { userId: 'linus' });
    await ingest(ctx, [withTrait, nowhere]);
    await teamReply(withTrait.id, '2026-03-02T12:00:00.000Z');
    await teamReply(nowhere.id, '2026-03-02T12:00:00.000Z');
    ctx.clock.set('2026-03-02T12:30:00.000Z');
    expect(await sender().sendDue()).toBe(1);
    expect(mail.smtp.received.map((m) => m.to)).toEqual([['ada.trait@customer.test']]);
  });

  it("never mails a user's replies to an address only claimed in their browser", async () => {
    // Ada signs in on a shared browser; someone then claims another identity there, without
    // a userHash, and sets an email trait: it lands on that browser's customer row, not on
    // Ada's verified traits, so her replies are not sent to it.
    await ingest(ctx, [message('identify', { anonymousId: 'anon-shared', userId: 'ada' })]);
    await ingest(ctx, [
      message('identify', {
        anonymousId: 'anon-shared',
        userId: 'mallory',
        userHash: undefined,
        traits: { email: 'mallory@evil.test' },
        timestamp: '2026-03-02T11:05:00.000Z',
      }),
    ]);
    const feedback = message('feedback', { anonymousId: 'anon-shared', userId: 'ada' });
    await ingest(ctx, [feedback]);
    await teamReply(feedback.id, '2026-03-02T12:00:00.000Z');
    ctx.clock.set('2026-03-02T12:30:00.000Z');
    expect(await sender().sendDue()).toBe(0);
    expect(mail.smtp.received).toEqual([]);
  });

  it('writes in French for a French customer, with their text escaped in the HTML', async () => {
    const feedback = message('feedback', {
      anonymousId: 'anon-fr',
      email: 'zoe@client.test',
      context: context('fr-FR', 'https://shop.example/panier'),
    });
    await ingest(ctx, [feedback]);
    await teamReply(
      feedback.id,
      '2026-03-02T12:00:00.000Z',
      '<img src=x onerror=alert(1)> & "bien"',
    );
    ctx.clock.set('2026-03-02T12:30:00.000Z');
    await sender().sendDue();
    const [email] = emailsTo('zoe@client.test');
    expect(decodedHeader(email?.headers.subject)).toBe('Nouvelle réponse de Test Shop');
    const html = partOf(email as never, 'text/html');
    expect(html).toContain('lang="fr"');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;bien&quot;');
    expect(html).not.toContain('<img');
    expect(html).toContain('Lire et répondre sur le site');
    expect(partOf(email as never, 'text/plain')).toContain('<img src=x onerror=alert(1)>');
  });

  it('retries an SMTP failure later, within a bound, and then gives up', async () => {
    const feedback = message('feedback', { userId: 'ada', email: 'ada@customer.test' });
    await ingest(ctx, [feedback]);
    await teamReply(feedback.id, '2026-03-02T12:00:00.000Z');
    mail.smtp.fail = true;
    const retrying = sender({ retryDelaysMs: [10 * MINUTE, 20 * MINUTE] });
    ctx.clock.set('2026-03-02T12:20:00.000Z');
    expect(await retrying.sendDue()).toBe(1);
    // Not due again before the first retry delay.
    ctx.clock.set('2026-03-02T12:25:00.000Z');
    expect(await retrying.sendDue()).toBe(0);
    ctx.clock.set('2026-03-02T12:31:00.000Z');
    expect(await retrying.sendDue()).toBe(1);
    mail.smtp.fail = false;
    ctx.clock.set('2026-03-02T12:52:00.000Z');
    expect(await retrying.sendDue()).toBe(1);
    expect(mail.smtp.received).toHaveLength(1);

    // A thread whose every attempt fails is given up after the last one.
    const other = message('feedback', { userId: 'grace', email: 'grace@customer.test' });
    await ingest(ctx, [other]);
    await teamReply(other.id, '2026-03-02T13:00:00.000Z');
    mail.smtp.fail = true;
    let attempts = 0;
    for (let minute = 20; minute <= 120; minute += 5) {
      ctx.clock.set(
        new Date(Date.parse('2026-03-02T13:00:00.000Z') + minute * MINUTE).toISOString(),
      );
      attempts += await retrying.sendDue();
    }
    expect(attempts).toBe(3);
  });

  it('gives back the claims of a pass stopped by shutdown, and sends them next time', async () => {
    const feedback = message('feedback', { userId: 'ada', email: 'ada@customer.test' });
    await ingest(ctx, [feedback]);
    await teamReply(feedback.id, '2026-03-02T12:00:00.000Z', 'Still here');
    ctx.clock.set('2026-03-02T12:30:00.000Z');
    const stopped = new AbortController();
    stopped.abort();
    expect(await sender().sendDue(stopped.signal)).toBe(1);
    expect(mail.smtp.received).toHaveLength(0);
    ctx.clock.set('2026-03-02T12:31:00.000Z');
    expect(await sender().sendDue()).toBe(1);
    expect(mail.smtp.received).toHaveLength(1);
    expect(partOf(mail.smtp.received[0] as never, 'text/plain')).toContain('Still here');
  });

  it('sends nothing to an address that unsubscribed', async () => {
    await ctx.store.db
      .insertInto('email_unsubscribes')
      .values({ project_id: 'proj_test', address: 'ada@customer.test', created_at: new Date() })
      .execute();
    const feedback = message('feedback', { userId: 'ada', email: 'Ada@Customer.test' });
    await ingest(ctx, [feedback]);
    await teamReply(feedback.id, '2026-03-02T12:00:00.000Z');
    ctx.clock.set('2026-03-02T12:30:00.000Z');
    expect(await sender().sendDue()).toBe(0);
    expect(mail.smtp.received).toHaveLength(0);
  });
});
