import { type Kysely, sql } from 'kysely';
import { DAY_MS } from '../clock';
import type { Database } from '../store/schema';

/** A teammate whose digest one instance claimed to send. */
export interface ClaimedDigest {
  userId: string;
  email: string;
  /** The digest lists feedback created after `since`, up to `through` (the claim's time). */
  since: Date;
  through: Date;
  /** The attempt this is (1 for the first); the claim's fencing token. */
  attempt: number;
}

interface DigestRow {
  id: string;
  email: string;
  digest_since: Date | string | null;
  digest_attempts: number;
}

/**
 * Claims up to `limit` teammates whose digest is due, in one statement (`FOR UPDATE SKIP
 * LOCKED`, as for reply emails). The claim holds the next due time a day ahead, so a sender
 * that dies mid-send leaves the digest to the next day rather than sending it twice in one.
 */
export async function claimDueDigests(
  db: Kysely<Database>,
  options: { now: Date; limit: number },
): Promise<ClaimedDigest[]> {
  const leaseUntil = new Date(options.now.getTime() + DAY_MS);
  const { rows } = await sql<DigestRow>`
    UPDATE users u SET digest_next_at = ${leaseUntil}, digest_attempts = u.digest_attempts + 1
    FROM (
      SELECT id FROM users
      WHERE digest_enabled AND digest_next_at <= ${options.now}
      ORDER BY digest_next_at LIMIT ${options.limit}
      FOR UPDATE SKIP LOCKED
    ) due
    WHERE u.id = due.id
    RETURNING u.id, u.email, u.digest_since, u.digest_attempts`.execute(db);
  return rows.map((row) => ({
    userId: row.id,
    email: row.email,
    since: new Date(row.digest_since ?? options.now.getTime() - DAY_MS),
    through: options.now,
    attempt: Number(row.digest_attempts),
  }));
}

/** One project's part of a digest. */
export interface DigestProject {
  projectId: string;
  projectName: string;
  /** All new feedback in the project, of which `items` shows the newest. */
  total: number;
  items: { id: string; message: string; category: string | null; createdAt: Date }[];
}

/** Newest items a digest shows per project; the rest are counted. */
const ITEMS_PER_PROJECT = 10;

/** The feedback created in the digest's window, in the projects the teammate belongs to. */
export async function digestContent(
  db: Kysely<Database>,
  digest: ClaimedDigest,
): Promise<DigestProject[]> {
  const rows = await db
    .selectFrom('feedback as f')
    .innerJoin('memberships as m', (join) =>
      join.onRef('m.project_id', '=', 'f.project_id').on('m.user_id', '=', digest.userId),
    )
    .innerJoin('projects as p', 'p.id', 'f.project_id')
    .where('f.created_at', '>', digest.since)
    .where('f.created_at', '<=', digest.through)
    .select((eb) => [
      'f.project_id',
      'p.name',
      'f.id',
      'f.message',
      'f.category',
      'f.created_at',
      eb.fn
        .count<string | number>('f.id')
        .over((over) => over.partitionBy('f.project_id'))
        .as('total'),
      eb.fn
        .agg<string | number>('row_number')
        .over((over) => over.partitionBy('f.project_id').orderBy('f.created_at', 'desc'))
        .as('rank'),
    ])
    .orderBy('p.name')
    .orderBy('f.created_at', 'desc')
    .execute();
  const projects = new Map<string, DigestProject>();
  for (const row of rows) {
    if (Number(row.rank) > ITEMS_PER_PROJECT) continue;
    const project = projects.get(row.project_id) ?? {
      projectId: row.project_id,
      projectName: row.name,
      total: Number(row.total),
      items: [],
    };
    project.items.push({
      id: row.id,
      message: row.message,
      category: row.category,
      createdAt: new Date(row.created_at),
    });
    projects.set(row.project_id, project);
  }
  return [...projects.values()];
}

/**
 * Records a digest: sent (or nothing new to send) moves the window on and makes the next one
 * due a day later; a failure with `retryAt` keeps the window and is due again then; one
 * without gives this window up. Guarded by the attempt, and by the digest still being on.
 */
export async function recordDigest(
  db: Kysely<Database>,
  digest: ClaimedDigest,
  outcome: { done: true } | { done: false; retryAt: Date | undefined },
): Promise<void> {
  const retryAt = outcome.done ? undefined : outcome.retryAt;
  await db
    .updateTable('users')
    .set(
      retryAt
        ? { digest_next_at: retryAt }
        : {
            digest_since: digest.through,
            digest_next_at: new Date(digest.through.getTime() + DAY_MS),
            digest_attempts: 0,
          },
    )
    .where('id', '=', digest.userId)
    .where('digest_enabled', '=', true)
    .where('digest_attempts', '=', digest.attempt)
    .execute();
}

/**
 * Turns a teammate's digest on (the first one comes a day later and lists what arrived in
 * between) or off. Turning it on while on changes nothing.
 */
export async function setDigestEnabled(
  db: Kysely<Database>,
  userId: string,
  enabled: boolean,
  now: Date,
): Promise<void> {
  if (!enabled) {
    await db
      .updateTable('users')
      .set({ digest_enabled: false, digest_next_at: null, digest_attempts: 0 })
      .where('id', '=', userId)
      .execute();
    return;
  }
  await db
    .updateTable('users')
    .set({
      digest_enabled: true,
      digest_since: now,
      digest_next_at: new Date(now.getTime() + DAY_MS),
      digest_attempts: 0,
    })
    .where('id', '=', userId)
    .where('digest_enabled', '=', false)
    .execute();
}

/** Whether a teammate's digest is on. */
export async function digestEnabled(db: Kysely<Database>, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('digest_enabled')
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.digest_enabled === true;
}
