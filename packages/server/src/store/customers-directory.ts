import type {
  CustomerCard,
  CustomerProfile,
  CustomerSummary,
  CustomersPage,
  SurveyAnswer,
} from '@rapport/protocol';
import { type Kysely, sql } from 'kysely';
import { type CursorPosition, encodeCursor } from '../cursor';
import { FEEDBACK_COLUMNS, itemsOf } from './feedback';
import { listTiers } from './loyalty-program';
import { tierProgress } from './loyalty-view';
import { isoOf, jsonOf, numberOf } from './rows';
import type { Database } from './schema';
import type { Person } from './survey-history';

/** The browsers (anonymous ids) identify linked to a user, first seen first. */
export async function linkedAnonymousIds(
  db: Kysely<Database>,
  projectId: string,
  userId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('customers')
    .select('anonymous_id')
    .where('project_id', '=', projectId)
    .where('user_id', '=', userId)
    .orderBy('first_seen_at')
    .orderBy('anonymous_id')
    .execute();
  return rows.map((row) => row.anonymous_id);
}

/** A user and every browser linked to them. */
export async function personOfUser(
  db: Kysely<Database>,
  projectId: string,
  userId: string,
): Promise<Person> {
  return { userId, anonymousIds: await linkedAnonymousIds(db, projectId, userId) };
}

/** `%text%` for ILIKE, with the pattern characters of `text` matched literally. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

interface PersonFacts {
  traits: Record<string, unknown>;
  email: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
}

/**
 * Traits merged over the user's browsers (the most recently seen wins a conflict), their
 * email (the `email` trait, else the latest feedback's) and when they were first/last seen.
 */
async function factsOf(db: Kysely<Database>, projectId: string, userIds: string[]) {
  const facts = new Map<string, PersonFacts>();
  if (userIds.length === 0) return facts;
  const rows = await db
    .selectFrom('customers')
    .select(['user_id', 'traits', 'first_seen_at', 'last_seen_at'])
    .where('project_id', '=', projectId)
    .where('user_id', 'in', userIds)
    .orderBy('last_seen_at')
    .execute();
  const emails = await db
    .selectFrom('feedback')
    .select(['user_id', 'email'])
    .where('project_id', '=', projectId)
    .where('user_id', 'in', userIds)
    .where('email', 'is not', null)
    .orderBy('created_at')
    .execute();
  const feedbackEmail = new Map(emails.map((row) => [row.user_id, row.email]));
  for (const row of rows) {
    const userId = row.user_id as string;
    const first = isoOf(row.first_seen_at);
    const last = isoOf(row.last_seen_at);
    const known = facts.get(userId);
    const traits = { ...known?.traits, ...jsonOf<Record<string, unknown>>(row.traits) };
    facts.set(userId, {
      traits,
      email: null,
      firstSeenAt: known && known.firstSeenAt < first ? known.firstSeenAt : first,
      lastSeenAt: last,
    });
  }
  for (const [userId, fact] of facts) {
    const trait = fact.traits.email;
    fact.email = typeof trait === 'string' ? trait : (feedbackEmail.get(userId) ?? null);
  }
  return facts;
}

/** Loyalty balances of the given users that are members, by user id. */
async function balancesOf(db: Kysely<Database>, projectId: string, userIds: string[]) {
  if (userIds.length === 0) return new Map<string, { balance: number; lifetime: number }>();
  const rows = await db
    .selectFrom('loyalty_members')
    .select(['user_id', 'balance', 'lifetime_points'])
    .where('project_id', '=', projectId)
    .where('user_id', 'in', userIds)
    .execute();
  return new Map(
    rows.map((row) => [
      row.user_id,
      { balance: numberOf(row.balance), lifetime: numberOf(row.lifetime_points) },
    ]),
  );
}

/** The card shown beside a thread; null when nothing is stored about the user. */
export async function customerCard(
  db: Kysely<Database>,
  projectId: string,
  userId: string,
): Promise<CustomerCard | null> {
  const [facts, balances, tiers] = await Promise.all([
    factsOf(db, projectId, [userId]),
    balancesOf(db, projectId, [userId]),
    listTiers(db, projectId),
  ]);
  const fact = facts.get(userId);
  if (!fact) return null;
  const member = balances.get(userId);
  return {
    userId,
    email: fact.email,
    traits: fact.traits,
    loyalty: member
      ? { balance: member.balance, tier: tierProgress(tiers, member.lifetime).tier }
      : null,
    firstSeenAt: fact.firstSeenAt,
    lastSeenAt: fact.lastSeenAt,
  };
}

/**
 * `GET /v1/admin/customers`: identified customers, most recently seen first; `q` matches the
 * user id, any trait value (the email trait included) or an email given with feedback,
 * case-insensitively, anywhere in the text.
 */
export async function listCustomers(
  db: Kysely<Database>,
  projectId: string,
  options: { q?: string; after?: CursorPosition; limit: number },
): Promise<CustomersPage> {
  const pattern = options.q ? containsPattern(options.q) : undefined;
  const matches = pattern
    ? sql`HAVING bool_or(c.user_id ILIKE ${pattern}
        OR EXISTS (SELECT 1 FROM jsonb_each_text(c.traits) t WHERE t.value ILIKE ${pattern}))
        OR EXISTS (SELECT 1 FROM feedback f WHERE f.project_id = ${projectId}
          AND f.user_id = c.user_id AND f.email ILIKE ${pattern})`
    : sql``;
  const after = options.after;
  const past = after
    ? sql`WHERE last_seen_at < CAST(${after.at} AS timestamptz)
        OR (last_seen_at = CAST(${after.at} AS timestamptz) AND user_id < ${after.id})`
    : sql``;
  const { rows } = await sql<{ user_id: string; last_seen_at: Date | string }>`
    SELECT user_id, last_seen_at FROM (
      SELECT c.user_id, max(c.last_seen_at) AS last_seen_at FROM customers c
      WHERE c.project_id = ${projectId} AND c.user_id IS NOT NULL
      GROUP BY c.user_id ${matches}
    ) people ${past}
    ORDER BY last_seen_at DESC, user_id DESC LIMIT ${options.limit + 1}`.execute(db);
  const pageRows = rows.slice(0, options.limit);
  const userIds = pageRows.map((row) => row.user_id);
  const [facts, balances, counts] = await Promise.all([
    factsOf(db, projectId, userIds),
    balancesOf(db, projectId, userIds),
    userIds.length
      ? db
          .selectFrom('feedback')
          .select(['user_id', (eb) => eb.fn.countAll().as('n')])
          .where('project_id', '=', projectId)
          .where('user_id', 'in', userIds)
          .groupBy('user_id')
          .execute()
      : [],
  ]);
  const feedbackCounts = new Map(counts.map((row) => [row.user_id, numberOf(row.n)]));
  const items = pageRows.map((row): CustomerSummary => {
    const fact = facts.get(row.user_id);
    return {
      userId: row.user_id,
      email: fact?.email ?? null,
      traits: fact?.traits ?? {},
      lastSeenAt: isoOf(row.last_seen_at),
      feedbackCount: feedbackCounts.get(row.user_id) ?? 0,
      loyaltyBalance: balances.get(row.user_id)?.balance ?? null,
    };
  });
  const page: CustomersPage = { items };
  const last = pageRows.at(-1);
  if (rows.length > options.limit && last) {
    page.nextCursor = encodeCursor({ at: isoOf(last.last_seen_at), id: last.user_id });
  }
  return page;
}

/** Survey answers of the person, newest first, with the survey's name and type. */
async function surveyAnswersOf(db: Kysely<Database>, projectId: string, person: Person) {
  const ids = person.anonymousIds.length > 0 ? person.anonymousIds : [''];
  const rows = await db
    .selectFrom('survey_responses as r')
    .leftJoin('surveys as s', (join) =>
      join.onRef('s.project_id', '=', 'r.project_id').onRef('s.id', '=', 'r.survey_id'),
    )
    .select(['r.id', 'r.survey_id', 's.name', 's.type', 'r.score', 'r.comment', 'r.answers'])
    .select('r.created_at')
    .where('r.project_id', '=', projectId)
    .where((eb) =>
      eb.or([eb('r.user_id', '=', person.userId ?? ''), eb('r.anonymous_id', 'in', ids)]),
    )
    .orderBy('r.created_at', 'desc')
    .limit(200)
    .execute();
  return rows.map(
    (row): SurveyAnswer => ({
      id: row.id,
      surveyId: row.survey_id,
      surveyName: row.name,
      type: row.type,
      score: row.score === null ? null : numberOf(row.score),
      comment: row.comment,
      answers: jsonOf<Record<string, unknown> | null>(row.answers),
      createdAt: isoOf(row.created_at),
    }),
  );
}

/** `GET /v1/admin/customers/:userId`; undefined when nothing is stored about the user. */
export async function customerProfile(
  db: Kysely<Database>,
  projectId: string,
  userId: string,
): Promise<CustomerProfile | undefined> {
  const card = await customerCard(db, projectId, userId);
  if (!card) return undefined;
  const person = await personOfUser(db, projectId, userId);
  const ids = person.anonymousIds.length > 0 ? person.anonymousIds : [''];
  const [surveyAnswers, feedbackRows] = await Promise.all([
    surveyAnswersOf(db, projectId, person),
    db
      .selectFrom('feedback')
      .select(FEEDBACK_COLUMNS)
      .where('project_id', '=', projectId)
      .where((eb) => eb.or([eb('user_id', '=', userId), eb('anonymous_id', 'in', ids)]))
      .orderBy('created_at', 'desc')
      .limit(200)
      .execute(),
  ]);
  return {
    ...card,
    anonymousIds: person.anonymousIds,
    surveyAnswers,
    feedback: await itemsOf(db, projectId, feedbackRows),
  };
}
