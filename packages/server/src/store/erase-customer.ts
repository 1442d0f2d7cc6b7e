import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Actor } from '../app-env';
import { enqueueWebhookEvent } from '../webhooks/enqueue';
import { recordAudit } from './audit-log';
import { numberOf } from './rows';
import type { Database } from './schema';

/** What an erase removed, by table: counts only, so it can go to the audit log. */
export type ErasedCounts = Record<string, number>;

/** The outcome of {@link eraseCustomer}: a random id for the audit log, and the counts. */
export interface EraseResult {
  eraseId: string;
  erased: ErasedCounts;
}

/** The browsers identify linked to the user, as a subquery (read before `customers` goes). */
function linkedBrowsers(projectId: string, userId: string) {
  return sql`(SELECT anonymous_id FROM customers
    WHERE project_id = ${projectId} AND user_id = ${userId})`;
}

/** Rows of the user: theirs by user id, or sent from one of their browsers. */
function ofPerson(projectId: string, userId: string) {
  return sql`project_id = ${projectId}
    AND (user_id = ${userId} OR anonymous_id IN ${linkedBrowsers(projectId, userId)})`;
}

/**
 * Rows that hold the user id as a value without being the user's: an unverified claim (a
 * browser that said it was this user without proof, kept as a trait or property). The claim
 * itself is personal data, so the value goes; the anonymous row stays.
 */
async function dropClaims(trx: Kysely<Database>, projectId: string, userId: string) {
  const claimed = sql`to_jsonb(CAST(${userId} AS text))`;
  const customers = await sql`UPDATE customers SET traits = (
      SELECT coalesce(jsonb_object_agg(key, value), '{}') FROM jsonb_each(traits)
      WHERE value <> ${claimed})
    WHERE project_id = ${projectId}
      AND EXISTS (SELECT 1 FROM jsonb_each(traits) WHERE value = ${claimed})`.execute(trx);
  const events = await sql`UPDATE events SET properties = (
      SELECT coalesce(jsonb_object_agg(key, value), '{}') FROM jsonb_each(properties)
      WHERE value <> ${claimed})
    WHERE project_id = ${projectId}
      AND EXISTS (SELECT 1 FROM jsonb_each(properties) WHERE value = ${claimed})`.execute(trx);
  return numberOf(customers.numAffectedRows) + numberOf(events.numAffectedRows);
}

/** True when anything is stored about the user (an erased user has nothing left). */
async function isKnown(trx: Kysely<Database>, projectId: string, userId: string) {
  const { rows } = await sql<{ known: boolean }>`SELECT (
      EXISTS (SELECT 1 FROM customers WHERE project_id = ${projectId} AND user_id = ${userId})
      OR EXISTS (SELECT 1 FROM feedback WHERE project_id = ${projectId} AND user_id = ${userId})
      OR EXISTS (SELECT 1 FROM survey_responses
        WHERE project_id = ${projectId} AND user_id = ${userId})
      OR EXISTS (SELECT 1 FROM events WHERE project_id = ${projectId} AND user_id = ${userId})
      OR EXISTS (SELECT 1 FROM loyalty_members
        WHERE project_id = ${projectId} AND user_id = ${userId})
      OR EXISTS (SELECT 1 FROM loyalty_ledger
        WHERE project_id = ${projectId} AND user_id = ${userId})
      OR EXISTS (SELECT 1 FROM user_traits WHERE project_id = ${projectId} AND user_id = ${userId})
    ) AS known`.execute(trx);
  return rows[0]?.known === true;
}

/** The person's email addresses, lowercased: from their traits (verified or not) and feedback. */
export async function emailsOf(trx: Kysely<Database>, projectId: string, userId: string) {
  const { rows } = await sql<{ email: string }>`
    SELECT DISTINCT lower(email) AS email FROM (
      SELECT traits->>'email' AS email FROM customers
        WHERE project_id = ${projectId} AND user_id = ${userId}
      UNION ALL
      SELECT traits->>'email' AS email FROM user_traits
        WHERE project_id = ${projectId} AND user_id = ${userId}
      UNION ALL
      SELECT email FROM feedback WHERE ${ofPerson(projectId, userId)}
    ) found WHERE email IS NOT NULL AND email <> ''`.execute(trx);
  return rows.map((row) => row.email);
}

async function deleteRows(trx: Kysely<Database>, table: string, where: ReturnType<typeof sql>) {
  const result = await sql`DELETE FROM ${sql.table(table)} WHERE ${where}`.execute(trx);
  return numberOf(result.numAffectedRows);
}

/**
 * Erases a customer (GDPR Art. 17): in one transaction, deletes every row that identifies
 * them — their feedback with its replies, notes and tags (by cascade), events, survey
 * responses, loyalty member, ledger and redemptions, their verified traits, and the customer
 * rows of every browser linked to them — and strips their id from unverified claims elsewhere. Aggregates such as
 * the NPS are queries, so they follow from what remains. `processed_messages` keeps the
 * message ids (random UUIDs, nothing personal) on purpose: a message still queued in the
 * person's browser is then a duplicate and cannot bring the data back.
 *
 * The audit row names a random erase id, never the user id.
 *
 * @returns undefined when nothing is stored about the user (so a second erase is a 404).
 */
export async function eraseCustomer(
  db: Kysely<Database>,
  projectId: string,
  userId: string,
  actor: Actor,
  now: Date,
): Promise<EraseResult | undefined> {
  return db.transaction().execute(async (trx) => {
    if (!(await isKnown(trx, projectId, userId))) return undefined;
    const person = ofPerson(projectId, userId);
    const byUser = sql`project_id = ${projectId} AND user_id = ${userId}`;
    const erased: ErasedCounts = {};
    // Order matters: every statement that finds rows through the linked browsers runs before
    // the customer rows that link them are deleted.
    // Feedback left from another device with one of the person's emails identifies them too.
    const emails = await emailsOf(trx, projectId, userId);
    const byEmail = emails.length
      ? sql`project_id = ${projectId} AND lower(email) IN (${sql.join(emails)})`
      : sql`false`;
    // Queued or logged webhook events about the person: theirs, their browsers', their threads'.
    const deliveriesAbout = sql`project_id = ${projectId} AND (data->>'userId' = ${userId}
      OR data->>'anonymousId' IN ${linkedBrowsers(projectId, userId)}
      OR coalesce(data->>'feedbackId', data->>'id') IN
        (SELECT id FROM feedback WHERE (${person}) OR (${byEmail})))`;
    erased.webhook_deliveries = await deleteRows(trx, 'webhook_deliveries', deliveriesAbout);
    // Their addresses' unsubscribe links and opt-outs go too (not counted: an address, no
    // history); with their threads gone, nothing would be emailed to them anyway.
    if (emails.length) {
      const byAddress = sql`project_id = ${projectId} AND address IN (${sql.join(emails)})`;
      await deleteRows(trx, 'email_unsubscribe_tokens', byAddress);
      await deleteRows(trx, 'email_unsubscribes', byAddress);
    }
    erased.feedback =
      (await deleteRows(trx, 'feedback', person)) + (await deleteRows(trx, 'feedback', byEmail));
    erased.events = await deleteRows(trx, 'events', person);
    erased.survey_responses = await deleteRows(trx, 'survey_responses', person);
    erased.customers = await deleteRows(trx, 'customers', person);
    erased.user_traits = await deleteRows(trx, 'user_traits', byUser);
    erased.loyalty_ledger = await deleteRows(trx, 'loyalty_ledger', byUser);
    erased.redemptions = await deleteRows(trx, 'redemptions', byUser);
    erased.loyalty_members = await deleteRows(trx, 'loyalty_members', byUser);
    erased.claims = await dropClaims(trx, projectId, userId);
    const eraseId = `erase_${randomUUID()}`;
    // The receiver needs the user id to erase the person on its side too.
    const data = { projectId, userId, eraseId };
    await enqueueWebhookEvent(trx, projectId, 'customer.erased', data, now);
    await recordAudit(
      trx,
      { projectId, actor, action: 'customer_erased', target: eraseId, details: { erased } },
      now,
    );
    return { eraseId, erased };
  });
}
