import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { claimReplyEmails } from '../src/email/reply-claims';
import { databases } from './helpers/databases';
import { asSecretKey, ingest } from './helpers/inbox';
import { message } from './helpers/requests';
import { useTestApp } from './helpers/test-app';

const postgres = databases.find((d) => d.name === 'postgres');
const window = {
  now: new Date('2026-03-02T12:30:00.000Z'),
  dueBefore: new Date('2026-03-02T12:15:00.000Z'),
  oldest: new Date('2026-02-20T00:00:00.000Z'),
  leaseUntil: new Date('2026-03-02T12:40:00.000Z'),
  limit: 10,
};

// PGlite has one connection, so two claims cannot overlap there: PostgreSQL only.
describe.runIf(postgres)('reply email claims on PostgreSQL', () => {
  const ctx = useTestApp(postgres ?? databases[0]!);

  it('never hands a thread to two instances, even while one claim is uncommitted', async () => {
    const feedback = message('feedback', { userId: 'ada', email: 'ada@customer.test' });
    await ingest(ctx, [feedback]);
    ctx.clock.set('2026-03-02T12:00:00.000Z');
    await asSecretKey(ctx, 'POST', `/v1/admin/feedback/${feedback.id}/replies`, { body: 'Hi' });

    let second: Awaited<ReturnType<typeof claimReplyEmails>> | undefined;
    const first = await ctx.store.db.transaction().execute(async (trx) => {
      const mine = await claimReplyEmails(trx, window);
      // Another instance claims while this claim is not committed yet.
      const theirs = claimReplyEmails(ctx.store.db, window).then((claims) => {
        second = claims;
      });
      // Give it until it either answers or waits on this transaction's row lock.
      for (let i = 0; i < 200 && second === undefined; i += 1) {
        const { rows } = await sql<{ waiting: number }>`
          SELECT count(*)::int AS waiting FROM pg_stat_activity
          WHERE wait_event_type = 'Lock' AND datname = current_database()`.execute(ctx.store.db);
        if (rows[0]?.waiting) break;
      }
      return { mine, theirs };
    });
    await first.theirs;
    expect(first.mine.map((claim) => claim.feedbackId)).toEqual([feedback.id]);
    expect(second).toEqual([]);
  });
});
