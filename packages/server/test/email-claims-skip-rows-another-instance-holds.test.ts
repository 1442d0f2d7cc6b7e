import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { claimDueDigests } from '../src/email/digest-claims';
import { claimReplyEmails } from '../src/email/reply-claims';
import type { Store } from '../src/store/index';
import { addUser } from './helpers/console-session';
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

/**
 * Runs `claim` in a transaction and, before it commits, the same claim from another
 * connection; resolves with both results once the second one answered.
 */
async function claimTwiceAtOnce<T>(store: Store, claim: (db: Store['db']) => Promise<T>) {
  let second: T | undefined;
  let answered = false;
  const { first, theirs } = await store.db.transaction().execute(async (trx) => {
    const first = await claim(trx);
    const theirs = claim(store.db).then((result) => {
      second = result;
      answered = true;
    });
    // Give it until it either answers or waits on this transaction's row lock.
    for (let i = 0; i < 200 && !answered; i += 1) {
      const { rows } = await sql<{ waiting: number }>`
        SELECT count(*)::int AS waiting FROM pg_stat_activity
        WHERE wait_event_type = 'Lock' AND datname = current_database()`.execute(store.db);
      if (rows[0]?.waiting) break;
    }
    return { first, theirs };
  });
  await theirs;
  return { first, second: second as T };
}

// PGlite has one connection, so two claims cannot overlap there: PostgreSQL only.
describe.runIf(postgres)('email claims on PostgreSQL', () => {
  const ctx = useTestApp(postgres ?? databases[0]!);

  it('never hands a thread to two instances, even while one claim is uncommitted', async () => {
    const feedback = message('feedback', { userId: 'ada', email: 'ada@customer.test' });
    await ingest(ctx, [feedback]);
    ctx.clock.set('2026-03-02T12:00:00.000Z');
    await asSecretKey(ctx, 'POST', `/v1/admin/feedback/${feedback.id}/replies`, { body: 'Hi' });

    const { first, second } = await claimTwiceAtOnce(ctx.store, (db) =>
      claimReplyEmails(db, window),
    );
    expect(first.map((claim) => claim.feedbackId)).toEqual([feedback.id]);
    expect(second).toEqual([]);
  });

  it('never hands a digest to two instances', async () => {
    await addUser(ctx.store, 'mia@team.test', { projectId: 'proj_test', role: 'member' });
    await ctx.store.db
      .updateTable('users')
      .set({ digest_enabled: true, digest_since: window.oldest, digest_next_at: window.dueBefore })
      .execute();
    const { first, second } = await claimTwiceAtOnce(ctx.store, (db) =>
      claimDueDigests(db, { now: window.now, limit: 10 }),
    );
    expect(first.map((claim) => claim.email)).toEqual(['mia@team.test']);
    expect(second).toEqual([]);
  });
});
