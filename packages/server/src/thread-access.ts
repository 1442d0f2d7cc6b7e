import type { RejectedMessage } from '@rapport/protocol';
import { idSchema } from '@rapport/protocol/schemas';
import type { Kysely } from 'kysely';
import { InvalidQueryError, UnauthorizedError } from './errors';
import { verifyDeviceSecret } from './identity';
import type { StorableMessage } from './store/ingest';
import type { Database } from './store/schema';

/** Why a customer's `reply` cannot be stored. */
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

/**
 * Judges the customer `reply` messages of one batch (after the identity rule ran): a reply is
 * stored only in a thread its sender owns — the verified user's thread, or an anonymous thread
 * of the sending browser whose device secret matches the registered one. Another's thread and
 * a missing one are both `not_found`, so a reply cannot probe which thread ids exist.
 *
 * @returns a function giving the problem of a message, or undefined when it may be stored.
 */
export async function judgeReplies(
  db: Kysely<Database>,
  projectId: string,
  messages: StorableMessage[],
): Promise<(message: StorableMessage) => Problem | undefined> {
  const replies = messages.filter((message) => message.type === 'reply');
  if (replies.length === 0) return () => undefined;
  const threadIds = [...new Set(replies.map((reply) => reply.threadId))];
  const threads = new Map(
    (
      await db
        .selectFrom('feedback')
        .select(['id', 'anonymous_id', 'user_id'])
        .where('project_id', '=', projectId)
        .where('id', 'in', threadIds)
        .execute()
    ).map((row) => [row.id, row]),
  );
  const secrets = await secretHashesOf(db, projectId, [
    ...new Set(replies.map((reply) => reply.anonymousId)),
  ]);
  return (message) => {
    if (message.type !== 'reply') return undefined;
    const thread = threads.get(message.threadId);
    const owned = thread && ownership(thread, message, secrets.get(message.anonymousId));
    if (owned === 'owner') return undefined;
    if (owned === 'wrong_secret') {
      return { code: 'unauthorized', message: 'The device secret does not match this browser.' };
    }
    return { code: 'not_found', message: `No thread ${message.threadId} of yours.` };
  };
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
