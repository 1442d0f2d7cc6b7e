import type { Timeline, TimelineEntry } from '@rapport/protocol';
import { type Kysely, sql } from 'kysely';
import { isoOf, jsonOf, numberOf } from './rows';
import type { Database } from './schema';
import { type Person, personOf } from './survey-history';

/** Most entries read from each source; a timeline is for reading, exports are for everything. */
const PER_SOURCE_LIMIT = 1000;

function matches(person: Person) {
  const ids = person.anonymousIds.length > 0 ? person.anonymousIds : [''];
  return sql<boolean>`(user_id = ${person.userId ?? ''} OR anonymous_id IN (${sql.join(ids)}))`;
}

/** Timeline entries of rows that have an id and a creation time. */
function entriesOf<R extends { id: string; created_at: Date | string }>(
  kind: TimelineEntry['kind'],
  rows: R[],
  data: (row: R) => TimelineEntry['data'],
): TimelineEntry[] {
  return rows.map((row) => ({ kind, id: row.id, at: isoOf(row.created_at), data: data(row) }));
}

async function eventEntries(db: Kysely<Database>, projectId: string, person: Person) {
  const rows = await db
    .selectFrom('events')
    .select(['id', 'type', 'name', 'properties', 'anonymous_id', 'occurred_at'])
    .where('project_id', '=', projectId)
    .where(matches(person))
    .orderBy('occurred_at')
    .limit(PER_SOURCE_LIMIT)
    .execute();
  return rows.map(
    (row): TimelineEntry => ({
      kind: row.type,
      id: row.id,
      at: isoOf(row.occurred_at),
      data: { name: row.name, properties: jsonOf(row.properties), anonymousId: row.anonymous_id },
    }),
  );
}

async function feedbackEntries(db: Kysely<Database>, projectId: string, person: Person) {
  const rows = await db
    .selectFrom('feedback')
    .select(['id', 'message', 'category', 'rating', 'status', 'created_at'])
    .where('project_id', '=', projectId)
    .where(matches(person))
    .orderBy('created_at')
    .limit(PER_SOURCE_LIMIT)
    .execute();
  const ids = rows.map((row) => row.id);
  const replies = ids.length
    ? await db
        .selectFrom('feedback_replies')
        .select(['id', 'feedback_id', 'author', 'body', 'created_at'])
        .where('project_id', '=', projectId)
        .where('feedback_id', 'in', ids)
        .execute()
    : [];
  return [
    ...entriesOf('feedback', rows, (row) => ({
      message: row.message,
      category: row.category,
      rating: row.rating,
      status: row.status,
    })),
    ...entriesOf('reply', replies, (row) => ({
      feedbackId: row.feedback_id,
      author: row.author,
      body: row.body,
    })),
  ];
}

async function responseEntries(db: Kysely<Database>, projectId: string, person: Person) {
  const rows = await db
    .selectFrom('survey_responses')
    .select(['id', 'survey_id', 'score', 'comment', 'created_at'])
    .where('project_id', '=', projectId)
    .where(matches(person))
    .orderBy('created_at')
    .limit(PER_SOURCE_LIMIT)
    .execute();
  return entriesOf('survey_response', rows, (row) => ({
    surveyId: row.survey_id,
    score: row.score,
    comment: row.comment,
  }));
}

async function loyaltyEntries(db: Kysely<Database>, projectId: string, userId: string) {
  const rows = await db
    .selectFrom('loyalty_ledger')
    .select(['id', 'points', 'reason', 'created_at'])
    .where('project_id', '=', projectId)
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .limit(PER_SOURCE_LIMIT)
    .execute();
  return entriesOf('loyalty', rows, (row) => ({
    points: numberOf(row.points),
    reason: row.reason,
  }));
}

/**
 * Everything one customer did, oldest first: identify, page and track events, feedback and
 * the team's replies, survey responses and loyalty entries — including the history of every
 * anonymous id that identify linked to the user.
 */
export async function timelineOf(
  db: Kysely<Database>,
  projectId: string,
  userId: string,
): Promise<Timeline> {
  const linked = await personOf(db, projectId, '', userId);
  const person: Person = { userId, anonymousIds: linked.anonymousIds.filter(Boolean) };
  const sources = await Promise.all([
    eventEntries(db, projectId, person),
    feedbackEntries(db, projectId, person),
    responseEntries(db, projectId, person),
    loyaltyEntries(db, projectId, userId),
  ]);
  const entries = sources
    .flat()
    .sort((a, b) => (a.at === b.at ? a.id.localeCompare(b.id) : a.at < b.at ? -1 : 1));
  return { userId, anonymousIds: person.anonymousIds, entries };
}
