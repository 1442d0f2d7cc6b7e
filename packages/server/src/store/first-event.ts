import type { FirstEvent } from '@rapport/protocol';
import type { Kysely } from 'kysely';
import { isoOf } from './rows';
import type { Database } from './schema';

/** The first message a project ever stored (the install page's "received" check). */
export async function firstEventOf(db: Kysely<Database>, projectId: string): Promise<FirstEvent> {
  const first = await db
    .selectFrom('processed_messages')
    .select(['message_id', 'processed_at'])
    .where('project_id', '=', projectId)
    .orderBy('processed_at')
    .orderBy('message_id')
    .limit(1)
    .executeTakeFirst();
  if (!first) return { received: false };
  const id = first.message_id;
  const event = await db
    .selectFrom('events')
    .select('type')
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .executeTakeFirst();
  const feedback = event
    ? undefined
    : await db
        .selectFrom('feedback')
        .select('id')
        .where('project_id', '=', projectId)
        .where('id', '=', id)
        .executeTakeFirst();
  const type = event?.type ?? (feedback ? 'feedback' : 'survey_response');
  return { received: true, at: isoOf(first.processed_at), type };
}
