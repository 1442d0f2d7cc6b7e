import { SURVEY_DISMISSED_EVENT } from '@rapport/protocol';
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema';

/** Who a survey decision is about: an identified user (with linked browsers) or a browser. */
export interface Person {
  anonymousIds: string[];
  userId?: string;
}

/**
 * The person behind a request: with a userId, that user plus every anonymous id linked to it
 * by identify (and the requesting browser); otherwise just the browser.
 */
export async function personOf(
  db: Kysely<Database>,
  projectId: string,
  anonymousId: string,
  userId: string | undefined,
): Promise<Person> {
  if (!userId) return { anonymousIds: [anonymousId] };
  const rows = await db
    .selectFrom('customers')
    .select('anonymous_id')
    .where('project_id', '=', projectId)
    .where('user_id', '=', userId)
    .limit(200)
    .execute();
  return { userId, anonymousIds: [...new Set([anonymousId, ...rows.map((r) => r.anonymous_id)])] };
}

function matchesPerson(person: Person) {
  return person.userId
    ? sql<boolean>`(user_id = ${person.userId} OR anonymous_id IN (${sql.join(person.anonymousIds)}))`
    : sql<boolean>`anonymous_id IN (${sql.join(person.anonymousIds)})`;
}

/**
 * When the person last answered or dismissed each survey (answers from survey_responses,
 * dismissals from `$survey_dismissed` track events), by survey id.
 */
export async function lastContacts(
  db: Kysely<Database>,
  projectId: string,
  person: Person,
): Promise<Map<string, number>> {
  const { rows } = await sql<{ survey_id: string | null; at: Date | string }>`
    SELECT survey_id, max(created_at) AS at FROM survey_responses
      WHERE project_id = ${projectId} AND ${matchesPerson(person)}
      GROUP BY survey_id
    UNION ALL
    SELECT properties->>'surveyId' AS survey_id, max(occurred_at) AS at FROM events
      WHERE project_id = ${projectId} AND type = 'track' AND name = ${SURVEY_DISMISSED_EVENT}
        AND ${matchesPerson(person)}
      GROUP BY properties->>'surveyId'`.execute(db);
  const last = new Map<string, number>();
  for (const row of rows) {
    if (!row.survey_id) continue;
    const at = new Date(row.at).getTime();
    last.set(row.survey_id, Math.max(at, last.get(row.survey_id) ?? 0));
  }
  return last;
}

/** Which of the given track events the person has sent at least once. */
export async function seenEvents(
  db: Kysely<Database>,
  projectId: string,
  person: Person,
  names: string[],
): Promise<Set<string>> {
  if (names.length === 0) return new Set();
  const { rows } = await sql<{ name: string }>`
    SELECT DISTINCT name FROM events
      WHERE project_id = ${projectId} AND type = 'track' AND name IN (${sql.join(names)})
        AND ${matchesPerson(person)}`.execute(db);
  return new Set(rows.map((row) => row.name));
}
