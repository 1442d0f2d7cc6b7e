/**
 * The server's mutation targets, in groups that each run only the test files about them.
 * Every server test file opens its own PGlite (~4 s on a quiet core), and a mutant reruns
 * every file that covers it: with the whole suite included, one mutant of identity.ts reran
 * dozens of files. `npm run mutate server [group…]` runs the groups one after the other.
 */
export interface ServerGroup {
  /** Source files mutated, from the repository root. */
  mutate: string[];
  /** Test files run for them, from packages/server. */
  tests: string[];
  /** Only the tests whose name matches (vitest's testNamePattern), when a file covers more. */
  testNamePattern?: string;
}

const SRC = 'packages/server/src';

export const SERVER_GROUPS = {
  identity: {
    mutate: [`${SRC}/identity.ts`],
    tests: [
      'test/user-hash-matches-published-hmac-vectors.test.ts',
      'test/stored-secrets-are-sha256-and-malformed-proofs-fail.test.ts',
      'test/personal-data-needs-user-hash.test.ts',
      'test/unproven-user-ids-stay-anonymous.test.ts',
      'test/anonymous-threads-need-the-device-secret.test.ts',
      'test/origins-keys-and-errors.test.ts',
    ],
  },
  // Every app test goes through ingest: these are the ones that state its guarantees.
  'ingest-queue': {
    mutate: [`${SRC}/ingest-queue.ts`],
    tests: [
      'test/grouped-batches-fail-alone.test.ts',
      'test/ingest-queue-bounds-waiting-batches.test.ts',
      'test/database-outage-answers-503.test.ts',
    ],
  },
  'ingest-store': {
    mutate: [`${SRC}/store/ingest.ts`],
    tests: [
      'test/ingest-stores-every-field-of-each-message.test.ts',
      'test/batch-ingest-is-idempotent.test.ts',
      'test/replayed-identify-changes-nothing.test.ts',
      'test/anonymous-threads-need-the-device-secret.test.ts',
      'test/grouped-batches-fail-alone.test.ts',
    ],
  },
  nps: {
    mutate: [`${SRC}/store/nps.ts`],
    tests: ['test/nps-summary-and-trend.test.ts', 'test/nps-counts-only-nps-answers.test.ts'],
  },
  loyalty: {
    mutate: [`${SRC}/store/loyalty-ledger.ts`],
    tests: [
      'test/redeem-is-atomic-under-race.test.ts',
      'test/inactive-rewards-cannot-be-redeemed.test.ts',
      'test/reward-codes-stock-and-limits-hold-under-race.test.ts',
      'test/earn-and-redemption-ids-do-not-collide.test.ts',
    ],
  },
  edges: {
    mutate: [
      `${SRC}/middleware/public-access.ts`,
      `${SRC}/middleware/public-cors.ts`,
      `${SRC}/routes/batch.ts`,
    ],
    tests: [
      'test/origins-keys-and-errors.test.ts',
      'test/cors-allows-only-exact-origins.test.ts',
      'test/cors-names-the-headers-the-sdk-needs.test.ts',
      'test/batch-clamps-clocks-and-checks-answer-scales.test.ts',
      'test/batch-ingest-is-idempotent.test.ts',
      'test/parser-refusals-answer-json-errors.test.ts',
      'test/dot-ids-are-refused.test.ts',
      'test/unknown-keys-are-limited-per-ip.test.ts',
      'test/unproven-user-ids-stay-anonymous.test.ts',
      // Replies are judged in the batch route; metrics and per-key limits are counted there.
      'test/customer-replies-reach-the-thread-once.test.ts',
      'test/metrics-are-private-and-carry-no-ids.test.ts',
      'test/rate-limits-answer-429.test.ts',
    ],
  },
  console: {
    mutate: [`${SRC}/middleware/session.ts`, `${SRC}/middleware/csrf.ts`],
    tests: [
      'test/console-sign-in-and-sessions.test.ts',
      'test/console-roles-on-the-admin-api.test.ts',
      'test/console-projects-and-keys.test.ts',
    ],
  },
  erase: {
    mutate: [`${SRC}/store/erase-customer.ts`],
    tests: [
      'test/customer-erase-leaves-no-trace.test.ts',
      'test/erase-audits-its-counts-and-tells-webhooks.test.ts',
    ],
    // The export test of the first file covers export-customer.ts, not the erase.
    testNamePattern: 'erases every trace|an erase reports',
  },
  unread: {
    mutate: [`${SRC}/store/unread-replies.ts`],
    tests: ['test/unread-replies-are-counted-per-proven-customer.test.ts'],
  },
  responses: {
    mutate: [`${SRC}/store/ingest-responses.ts`],
    tests: ['test/survey-follow-up-updates-the-same-response.test.ts'],
  },
  webhooks: {
    mutate: [`${SRC}/webhooks/signature.ts`],
    tests: [
      'test/webhook-signatures-verify-with-standard-webhooks.test.ts',
      'test/webhook-admin-api-roles-audit-and-rotation.test.ts',
    ],
  },
} satisfies Record<string, ServerGroup>;

export type ServerGroupName = keyof typeof SERVER_GROUPS;

/** The group named by RAPPORT_MUTATION_GROUP (set by run.ts), if any. */
export function selectedGroup(): ServerGroup | undefined {
  const name = process.env.RAPPORT_MUTATION_GROUP;
  return name ? SERVER_GROUPS[name as ServerGroupName] : undefined;
}
