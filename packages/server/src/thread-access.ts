import type { RejectedMessage } from '@rapport/protocol';
import { idSchema } from '@rapport/protocol/schemas';
import type { Kysely } from 'kysely';
import { InvalidQueryError, UnauthorizedError } from './errors';
import { verifyDeviceSecret } from './identity';
import type { StorableMessage } from './store/ingest';
import { answeredResolutions } from './store/resolution-ratings';
import { isoOf } from './store/rows';
import type { Database } from './store/schema';

/** Why a customer's `reply` or `resolution_rating` cannot be stored. */
type Problem = Omit<RejectedMessage, 'id'>;

/** The device secret hash registered for each of the given browsers. */
async function secretHashesOf(db: Kysely<Database>, projectId: string, anonymousIds: string[]) {
  if (anonymousIds.length === 0) return new Map<string, string | null>();
  const rows = await db
    .selectFrom('customers')
    .select(['anonymous_id', 'device_secret_hash'])
    .where('project_id', '=', projectId)
    .where('anonymous_id', 'in', anonymousIds)
    .execute();
  return new Map(rows.map((row) => [row.anonymous_id, row.device_secret_hash]));
}

/**
 * `GET /v1/inbox` for an anonymous visitor: returns the `anonymousId` when the device secret
 * (header) matches the hash registered for it, compared in constant time. 401 otherwise —
 * knowing an `anonymousId` is not enough to read its threads (issue 14, item 2).
 */
export async function requireDeviceSecret(
  db: Kysely<Database>,
  projectId: string,
  anonymousId: unknown,
  deviceSecret: unknown,
): Promise<string> {
  const parsed = idSchema.safeParse(anonymousId);
  if (!parsed.success) throw new InvalidQueryError('anonymousId: required without userId.');
  if (deviceSecret === undefined || deviceSecret === '') {
    throw new UnauthorizedError('The device secret header is required to read anonymous threads.');
  }
  const stored = (await secretHashesOf(db, projectId, [parsed.data])).get(parsed.data);
  if (!verifyDeviceSecret(stored, deviceSecret)) {
    throw new UnauthorizedError('The device secret does not match this anonymousId.');
  }
  return parsed.data;
}

/** A message the customer writes into one of their threads. */
type ThreadMessage = Extract<StorableMessage, { type: 'reply' | 'resolution_rating' }>;

function isThreadMessage(message: StorableMessage): message is ThreadMessage {
  return message.type === 'reply' || message.type === 'resolution_rating';
}

/**
 * Judges the customer `reply` and `resolution_rating` messages of one batch (after the identity
 * rule ran): they are stored only in a thread their sender owns — the verified user's thread, or
 * an anonymous thread of the sending browser whose device secret matches the registered one.
 * Another's thread and a missing one are both `not_found`, so a message cannot probe which
 * thread ids exist. A rating also needs the thread resolved at the resolution it names, not yet
 * answered (`conflict` otherwise: the outbox then drops it instead of retrying).
 *
 * @returns a function giving the problem of a message, or undefined when it may be stored.
 */
export async function judgeThreadMessages(
  db: Kysely<Database>,
  projectId: string,
  messages: StorableMessage[],
): Promise<(message: StorableMessage) => Problem | undefined> {
  const written = messages.filter(isThreadMessage);
  if (written.length === 0) return () => undefined;
  const threadIds = [...new Set(written.map((message) => message.threadId))];
  const threads = new Map(
    (
      await db
        .selectFrom('feedback')
        .select(['id', 'anonymous_id', 'user_id', 'status', 'resolved_at'])
        .where('project_id', '=', projectId)
        .where('id', 'in', threadIds)
        .execute()
    ).map((row) => [row.id, row]),
  );
  const secrets = await secretHashesOf(db, projectId, [
    ...new Set(written.map((message) => message.anonymousId)),
  ]);
  const answered = await answeredResolutions(db, projectId, threadIds);
  return (message) => {
    if (!isThreadMessage(message)) return undefined;
    const thread = threads.get(message.threadId);
    const owned = thread && ownership(thread, message, secrets.get(message.anonymousId));
    if (owned === 'wrong_secret') {
      return { code: 'unauthorized', message: 'The device secret does not match this browser.' };
    }
    if (!thread || owned !== 'owner') {
      return { code: 'not_found', message: `No thread ${message.threadId} of yours.` };
    }
    if (message.type === 'reply') return undefined;
    return ratingProblem(thread, message, answered);
  };
}

/** Why a rating of an owned thread cannot be stored, or undefined. */
function ratingProblem(
  thread: { status: string; resolved_at: Date | null },
  message: Extract<StorableMessage, { type: 'resolution_rating' }>,
  answered: Map<string, string>,
): Problem | undefined {
  const key = `${message.threadId} ${isoOf(message.resolvedAt)}`;
  // The answer itself, sent again by the outbox: ingest counts it as a duplicate.
  if (answered.get(key) === message.id) return undefined;
  const resolvedAt = thread.resolved_at ? isoOf(thread.resolved_at) : undefined;
  if (thread.status !== 'resolved' || resolvedAt !== isoOf(message.resolvedAt)) {
    return { code: 'conflict', message: 'This thread is not at that resolution any more.' };
  }
  if (answered.has(key)) {
    return { code: 'conflict', message: 'This resolution was already answered.' };
  }
  return undefined;
}

/**
 * Whether the sender of `message` owns `thread`: the verified user's own thread, or a thread of
 * the sending browser not yet moved to a user, with the browser's registered device secret.
 */
function ownership(
  thread: { anonymous_id: string; user_id: string | null },
  message: StorableMessage,
  storedHash: string | null | undefined,
): 'owner' | 'wrong_secret' | 'stranger' {
  if (message.userId !== undefined && thread.user_id === message.userId) return 'owner';
  if (thread.user_id !== null || thread.anonymous_id !== message.anonymousId) return 'stranger';
  return verifyDeviceSecret(storedHash, message.deviceSecret) ? 'owner' : 'wrong_secret';
}
