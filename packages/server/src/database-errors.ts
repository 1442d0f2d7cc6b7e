/**
 * What a failure from the database means for the client. `undefined` when it is not a
 * database condition we recognise (then it is a fault of ours: 500).
 * - `conflict`: the request conflicts with stored data (409).
 * - `invalid`: a value passed the checks but does not fit a column (400).
 * - `retry`: a concurrent change got in the way (503, retry at once).
 * - `unavailable`: the database cannot be reached or is going away (503, retry later).
 */
export type DatabaseFailure = 'conflict' | 'invalid' | 'retry' | 'unavailable';

/** Unique and check violations: a race the checks above the database could not see. */
const CONFLICT_STATES = new Set(['23505', '23514']);
/** Serialisation failure and deadlock. */
const RETRY_STATES = new Set(['40001', '40P01']);
/**
 * Shutdown, crash restart, "starting up": the server is going away or not yet there. Also
 * 57014, a statement cancelled by `statement_timeout`, and 25P03, a session ended by
 * `idle_in_transaction_session_timeout`: the database is too slow to answer in time now.
 */
const GOING_AWAY_STATES = new Set(['57P01', '57P02', '57P03', '57014', '25P03']);
/** Socket errors `pg` passes through when it cannot reach the server. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);
/**
 * Messages without a code: `pg` when a connection drops, the pool cannot connect in time or a
 * query goes unanswered past `query_timeout` ("Query read timeout"), PGlite and Kysely once
 * closed (a shutting-down instance; another one can take the retry).
 */
const UNAVAILABLE_MESSAGE =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Query read timeout|Client was closed and is not queryable|PGlite is closed|driver has already been destroyed)/i;

/** Classifies an error thrown by `pg`, PGlite or Kysely; see {@link DatabaseFailure}. */
export function classifyDatabaseError(error: unknown): DatabaseFailure | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    if (CONFLICT_STATES.has(code)) return 'conflict';
    // SQLSTATE class 22, data exception: a value does not fit a column.
    if (code.startsWith('22')) return 'invalid';
    if (RETRY_STATES.has(code)) return 'retry';
    // Class 08 connection exception, 53 insufficient resources (too many connections, disk
    // full), and the server going away.
    if (code.startsWith('08') || code.startsWith('53') || GOING_AWAY_STATES.has(code)) {
      return 'unavailable';
    }
    if (NETWORK_CODES.has(code)) return 'unavailable';
  }
  const message = error instanceof Error ? error.message : '';
  return UNAVAILABLE_MESSAGE.test(message) ? 'unavailable' : undefined;
}
