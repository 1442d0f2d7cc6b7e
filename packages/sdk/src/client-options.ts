import type { Message } from '@rapport/protocol';
import type { KeyValueStorage } from './storage/key-value-storage';
import type { Transport } from './transports/transport';

/** Consent state. With `'pending'` nothing is stored or sent until `optIn()`. */
export type ConsentState = 'granted' | 'pending' | 'denied';

/** Options for {@link createClient}. */
export interface ClientOptions {
  /** Publishable key (`pk_…`). */
  key: string;
  /** Base URL of the Rapport server. @default 'http://localhost:8787' */
  endpoint?: string;
  /** How requests travel. @default fetchTransport({ endpoint }) */
  transport?: Transport;
  /** Where the outbox and identity persist. @default localStorage, falling back to memory */
  storage?: KeyValueStorage;
  /**
   * Initial consent. A choice made earlier with `optIn()`/`optOut()` and kept in storage wins.
   * @default 'granted'
   */
  consent?: ConsentState;
  /**
   * How pending messages leave on `pagehide`, when an ordinary request may be cancelled.
   * @default beaconTransport({ endpoint, key }) when `transport` is not given, else `transport`
   */
  beacon?: Transport;
  /** Bounds and retry timing of the outbox. */
  outbox?: OutboxOptions;
  /**
   * Called with a copy of every message the SDK built (identify, track, page, feedback, survey
   * answers), before it is stored in the outbox: return it, changed or not, to keep it, or
   * `null`/`undefined` to drop it (the write then resolves `{ id, status: 'dropped' }` and
   * nothing is stored or sent). Synchronous. The message's `id`, `type`, `timestamp`,
   * `anonymousId`, `userId` and `userHash` must stay as they are, and what is returned is
   * checked like any message. A hook that throws or returns an invalid message does not lose
   * it: the original is kept unchanged and an `error` event (`invalid_argument`) reports why,
   * so a hook that must never let an unredacted message through catches its own errors and
   * returns `null`.
   * @default undefined (every message is kept as built)
   * @example
   * ```ts
   * // Strip query strings (they may hold tokens or emails) from every URL sent.
   * beforeSend(message) {
   *   if (message.type === 'page') message.url = message.url.split('?')[0];
   *   if (message.type === 'feedback' && message.context) {
   *     message.context.url = message.context.url.split('?')[0];
   *   }
   *   return message;
   * }
   * ```
   */
  beforeSend?: (message: Message) => Message | null | undefined;
}

/** Bounds and retry timing of the outbox (see the SDK README, "Outbox"). */
export interface OutboxOptions {
  /** Most messages kept; past it the oldest are dropped with a `dropped` event. @default 500 */
  maxMessages?: number;
  /** Most bytes (UTF-8 JSON) kept; past it the oldest are dropped. @default 1_048_576 (1 MiB) */
  maxBytes?: number;
  /** First retry waits up to this long (full jitter), doubling each attempt. @default 1000 */
  retryBaseMs?: number;
  /** Longest wait between retries, before jitter. @default 60_000 */
  retryCapMs?: number;
}
