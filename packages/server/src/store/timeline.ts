import type { TimelineEntry, TimelinePage } from '@rapport/protocol';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { type CursorPosition, encodeCursor } from '../cursor';
import { isoOf, jsonOf } from './rows';
import type { Database } from './schema';
import type { Person } from './survey-history';

/** Where a timeline page starts and how long it is. */
export interface TimelinePageOptions {
  /** The position after which to continue (from the previous page's cursor). */
  after?: CursorPosition;
  limit: number;
}

interface EntryRow {
  kind: TimelineEntry['kind'];
  id: string;
  at: Date | string;
  sort_key: string;
  data: unknown;
}

/** Rows of the person: by user id (when identified) or by any of their anonymous ids. */
function ofPerson(person: Person, alias: string): RawBuilder<boolean> {
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  // '' is never an anonymous id (the schema needs one character), so an empty list matches none.
  const ids = person.anonymousIds.length > 0 ? person.anonymousIds : [''];
  const byBrowser = sql<boolean>`${column('anonymous_id')} IN (${sql.join(ids)})`;
  return person.userId
    ? sql<boolean>`(${column('user_id')} = ${person.userId} OR ${byBrowser})`
    : byBrowser;
}

/**
 * One source of entries, newest first, already cut at the page's end: each source reads at
 * most `limit + 1` rows past the cursor, so a page costs the same at row 10 and row 100,000.
 */
function source(
  kind: RawBuilder<string>,
  table: string,
  at: string,
  data: RawBuilder<unknown>,
  where: RawBuilder<boolean>,
  options: TimelinePageOptions,
): RawBuilder<EntryRow> {
  const atColumn = sql.ref(`x.${at}`);
  const key = sql`${kind} || ':' || x.id`;
  const after = options.after;
  const past = after
    ? sql`AND (${atColumn} < CAST(${after.at} AS timestamptz)
          OR (${atColumn} = CAST(${after.at} AS timestamptz) AND ${key} < ${after.id}))`
    : sql``;
  return sql<EntryRow>`(SELECT ${kind} AS kind, x.id, ${atColumn} AS at, ${key} AS sort_key,
      ${data} AS data
    FROM ${sql.table(table)} x WHERE ${where} ${past}
    ORDER BY ${atColumn} DESC, sort_key DESC LIMIT ${options.limit + 1})`;
}

function sourcesOf(projectId: string, person: Person, options: TimelinePageOptions) {
  const inProject = sql<boolean>`x.project_id = ${projectId}`;
  const mine = sql<boolean>`${inProject} AND ${ofPerson(person, 'x')}`;
  // Replies and "Did we solve this?" answers belong to the person through their thread.
  const ofTheirThreads = sql<boolean>`${inProject} AND EXISTS (SELECT 1 FROM feedback f
    WHERE f.project_id = x.project_id AND f.id = x.feedback_id AND ${ofPerson(person, 'f')})`;
  const sources = [
    source(
      sql`x.type`,
      'events',
      'occurred_at',
      sql`jsonb_build_object('name', x.name, 'properties', x.properties,
        'anonymousId', x.anonymous_id)`,
      mine,
      options,
    ),
    source(
      sql`'feedback'`,
      'feedback',
      'created_at',
      sql`jsonb_build_object('message', x.message, 'category', x.category, 'rating', x.rating,
        'status', x.status)`,
      mine,
      options,
    ),
    source(
      sql`'reply'`,
      'feedback_replies',
      'created_at',
      sql`jsonb_build_object('feedbackId', x.feedback_id, 'author', x.author,
        'authorName', x.author_name, 'body', x.body)`,
      ofTheirThreads,
      options,
    ),
    source(
      sql`'resolution_rating'`,
      'resolution_ratings',
      'created_at',
      sql`jsonb_build_object('feedbackId', x.feedback_id, 'score', x.score, 'comment', x.comment)`,
      ofTheirThreads,
      options,
    ),
    source(
      sql`'survey_response'`,
      'survey_responses',
      'created_at',
      sql`jsonb_build_object('surveyId', x.survey_id, 'score', x.score, 'comment', x.comment)`,
      mine,
      options,
    ),
  ];
  if (person.userId) {
    const byUser = sql<boolean>`${inProject} AND x.user_id = ${person.userId}`;
    sources.push(
      source(
        sql`'loyalty'`,
        'loyalty_ledger',
        'created_at',
        sql`jsonb_build_object('points', x.points, 'reason', x.reason)`,
        byUser,
        options,
      ),
      source(
        sql`'redemption'`,
        'redemptions',
        'created_at',
        sql`jsonb_build_object('rewardId', x.reward_id, 'cost', x.cost)`,
        byUser,
        options,
      ),
    );
  }
  return sources;
}

/**
 * One page of everything a person did, newest first: identify, page and track events,
 * feedback and its replies, "Did we solve this?" answers, survey responses, loyalty entries and
 * redemptions — including the history of every anonymous id linked to the user. Pages follow each other by cursor
 * to the very first entry; nothing is cut.
 *
 * @example
 * const page = await timelinePage(db, projectId, person, { limit: 50 });
 * const next = await timelinePage(db, projectId, person, { limit: 50, after: decodeCursor(page.nextCursor!) });
 */
export async function timelinePage(
  db: Kysely<Database>,
  projectId: string,
  person: Person,
  options: TimelinePageOptions,
): Promise<TimelinePage> {
  const union = sql.join(sourcesOf(projectId, person, options), sql` UNION ALL `);
  const { rows } = await sql<EntryRow>`SELECT * FROM (${union}) entries
    ORDER BY at DESC, sort_key DESC LIMIT ${options.limit + 1}`.execute(db);
  const pageRows = rows.slice(0, options.limit);
  const page: TimelinePage = {
    items: pageRows.map((row) => ({
      kind: row.kind,
      id: row.id,
      at: isoOf(row.at),
      data: jsonOf<Record<string, unknown>>(row.data),
    })),
  };
  const last = pageRows.at(-1);
  if (rows.length > options.limit && last) {
    page.nextCursor = encodeCursor({ at: isoOf(last.at), id: last.sort_key });
  }
  return page;
}
