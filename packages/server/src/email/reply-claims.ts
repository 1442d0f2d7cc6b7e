import { type Kysely, sql, type UpdateObject } from 'kysely';
import type { Database } from '../store/schema';

/** A thread whose unread team replies one instance claimed to email. */
export interface ClaimedReplyEmail {
  projectId: string;
  feedbackId: string;
  /**
   * The address given with the feedback, else the `email` trait: a verified one for a user's
   * thread (`user_traits`), the browser's own for an anonymous thread.
   */
  to: string;
  /** The email covers unread team replies after `from` (when set) and up to `through`. */
  from: Date | null;
  through: Date;
  /** The attempt this is (1 for the first); with `through`, the claim's fencing token. */
  attempt: number;
  /** The feedback's own context (`url`, `locale`), for the link back and the language. */
  context: Record<string, unknown> | null;
  /** The project's name and allowed origins, for the sender line and the link back. */
  projectName: string;
  allowedOrigins: string[];
}

interface ClaimRow {
  project_id: string;
  id: string;
  recipient: string;
  reply_email_from: Date | string | null;
  reply_email_through: Date | string;
  reply_email_attempts: number;
  context: unknown;
  name: string;
  allowed_origins: unknown;
}

const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);
const dateOf = (value: Date | string) => new Date(value);

/** Addresses worth trying: one `@`, no spaces or angle brackets, at most 254 characters. */
const ADDRESS = '^[^@\\s<>,;]+@[^@\\s<>,;]+\\.[^@\\s<>,;]+$';

/**
 * Claims up to `limit` threads with team replies unread and older than `dueBefore`, in one
 * statement. `FOR UPDATE SKIP LOCKED` lets several instances claim at once without taking each
 * other's threads; the claim moves `reply_email_through` to the newest such reply and marks
 * the thread 'sending' until `leaseUntil`, so a reply is in one email only, even when the
 * sender dies mid-send (at most once: that email is never resent). A thread in 'retry' is due
 * at its time and covers its range again. Replies older than `oldest` are never emailed: a
 * server that just got `SMTP_URL` does not mail last year's replies. A thread is skipped
 * without an address, or when its address unsubscribed from the project.
 */
export async function claimReplyEmails(
  db: Kysely<Database>,
  options: { now: Date; dueBefore: Date; oldest: Date; leaseUntil: Date; limit: number },
): Promise<ClaimedReplyEmail[]> {
  const { now, dueBefore, oldest } = options;
  // Where the new email starts: a retry resends its range, anything else starts after the last.
  const lowerOf = (t: string) =>
    sql.raw(
      `CASE WHEN ${t}.reply_email_status = 'retry' THEN ${t}.reply_email_from ELSE ${t}.reply_email_through END`,
    );
  const unreadReplies = sql`FROM feedback_replies r
    WHERE r.project_id = t.project_id AND r.feedback_id = t.id AND r.author = 'team'
      AND r.created_at <= ${dueBefore} AND r.created_at > ${oldest}
      AND (t.customer_read_at IS NULL OR r.created_at > t.customer_read_at)
      AND (${lowerOf('t')} IS NULL OR r.created_at > ${lowerOf('t')})`;
  const { rows } = await sql<ClaimRow>`
    UPDATE feedback f
    SET reply_email_status = 'sending',
      reply_email_attempts = CASE WHEN f.reply_email_status = 'retry'
        THEN f.reply_email_attempts + 1 ELSE 1 END,
      reply_email_from = ${lowerOf('f')},
      reply_email_through = c.through,
      reply_email_next_at = ${options.leaseUntil}
    FROM (
      SELECT t.project_id, t.id, a.recipient, (SELECT max(r.created_at) ${unreadReplies}) AS through
      FROM feedback t
      CROSS JOIN LATERAL (
        SELECT coalesce(nullif(btrim(t.email), ''), CASE WHEN t.user_id IS NULL THEN (
          SELECT btrim(c.traits->>'email') FROM customers c
          WHERE c.project_id = t.project_id AND c.anonymous_id = t.anonymous_id
            AND btrim(c.traits->>'email') ~ ${ADDRESS}
          ORDER BY c.last_seen_at DESC LIMIT 1)
        ELSE (
          SELECT btrim(u.traits->>'email') FROM user_traits u
          WHERE u.project_id = t.project_id AND u.user_id = t.user_id
            AND btrim(u.traits->>'email') ~ ${ADDRESS})
        END) AS recipient
      ) a
      WHERE (t.project_id, t.id) IN (
          SELECT d.project_id, d.feedback_id FROM feedback_replies d
          WHERE d.author = 'team' AND d.created_at > ${oldest} AND d.created_at <= ${dueBefore})
        AND (t.reply_email_status IS NULL OR t.reply_email_status IN ('sent', 'failed')
          OR t.reply_email_next_at <= ${now})
        AND EXISTS (SELECT 1 ${unreadReplies})
        AND a.recipient ~ ${ADDRESS} AND length(a.recipient) <= 254
        AND NOT EXISTS (SELECT 1 FROM email_unsubscribes u
          WHERE u.project_id = t.project_id AND u.address = lower(a.recipient))
      ORDER BY t.created_at
      LIMIT ${options.limit}
      FOR UPDATE OF t SKIP LOCKED
    ) c, projects p
    WHERE f.project_id = c.project_id AND f.id = c.id AND p.id = f.project_id
    RETURNING f.project_id, f.id, c.recipient, f.reply_email_from, f.reply_email_through,
      f.reply_email_attempts, f.context, p.name, p.allowed_origins`.execute(db);
  return rows.map((row) => ({
    projectId: row.project_id,
    feedbackId: row.id,
    to: row.recipient,
    from: row.reply_email_from === null ? null : dateOf(row.reply_email_from),
    through: dateOf(row.reply_email_through),
    attempt: Number(row.reply_email_attempts),
    context: (json(row.context) as Record<string, unknown> | null) ?? null,
    projectName: row.name,
    allowedOrigins: (json(row.allowed_origins) as string[] | null) ?? [],
  }));
}

/** A team reply an email carries. */
export interface EmailedReply {
  authorName: string | null;
  body: string;
  createdAt: Date;
}

/** The team replies a claim covers that the customer has still not read, oldest first. */
export async function claimedReplies(
  db: Kysely<Database>,
  claim: ClaimedReplyEmail,
): Promise<EmailedReply[]> {
  let query = db
    .selectFrom('feedback_replies as r')
    .innerJoin('feedback as f', (join) =>
      join.onRef('f.project_id', '=', 'r.project_id').onRef('f.id', '=', 'r.feedback_id'),
    )
    .select(['r.author_name', 'r.body', 'r.created_at'])
    .where('r.project_id', '=', claim.projectId)
    .where('r.feedback_id', '=', claim.feedbackId)
    .where('r.author', '=', 'team')
    .where('r.created_at', '<=', claim.through)
    .where((eb) =>
      eb.or([
        eb('f.customer_read_at', 'is', null),
        eb('r.created_at', '>', eb.ref('f.customer_read_at')),
      ]),
    );
  if (claim.from) query = query.where('r.created_at', '>', claim.from);
  const rows = await query.orderBy('r.created_at').orderBy('r.id').execute();
  return rows.map((row) => ({
    authorName: row.author_name,
    body: row.body,
    createdAt: new Date(row.created_at),
  }));
}

/**
 * Records how a claimed email went: 'sent'; 'retry' at `retryAt` after an SMTP failure; or
 * 'failed' when `retryAt` is undefined (the retries ran out, or nothing was left to send).
 * Guarded by the attempt and range, so a sender whose lease ran out changes nothing.
 */
export async function recordReplyEmail(
  db: Kysely<Database>,
  claim: ClaimedReplyEmail,
  outcome: { sent: true } | { sent: false; retryAt: Date | undefined },
): Promise<void> {
  const retryAt = outcome.sent ? undefined : outcome.retryAt;
  await updateClaim(db, claim, {
    reply_email_status: outcome.sent ? 'sent' : retryAt ? 'retry' : 'failed',
    reply_email_next_at: retryAt ?? null,
  });
}

/**
 * Gives a claim back unsent (shutdown came first): due again at once, for the same replies,
 * with the attempt not counted.
 */
export async function releaseReplyEmail(
  db: Kysely<Database>,
  claim: ClaimedReplyEmail,
  now: Date,
): Promise<void> {
  await updateClaim(db, claim, {
    reply_email_status: 'retry',
    reply_email_next_at: now,
    reply_email_attempts: claim.attempt - 1,
  });
}

/**
 * Changes a claimed thread's email state only while `claim` still holds it: still sending, at
 * the same attempt and range (the fencing token), so a sender whose lease ran out changes
 * nothing.
 */
async function updateClaim(
  db: Kysely<Database>,
  claim: ClaimedReplyEmail,
  changes: UpdateObject<Database, 'feedback'>,
): Promise<void> {
  await db
    .updateTable('feedback')
    .set(changes)
    .where('project_id', '=', claim.projectId)
    .where('id', '=', claim.feedbackId)
    .where('reply_email_status', '=', 'sending')
    .where('reply_email_attempts', '=', claim.attempt)
    .where('reply_email_through', '=', claim.through)
    .execute();
}
