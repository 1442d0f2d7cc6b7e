import type { OutboxOptions } from '../client-options';

/** Default outbox bounds and retry timing; see the README's "Outbox" section. */
export const OUTBOX_DEFAULTS = {
  maxMessages: 500,
  maxBytes: 1024 * 1024,
  retryBaseMs: 1000,
  retryCapMs: 60_000,
} as const;

/** The outbox options with defaults for anything missing or not a positive number. */
export function resolveOutboxOptions(given: OutboxOptions | undefined): Required<OutboxOptions> {
  const resolved: Required<OutboxOptions> = { ...OUTBOX_DEFAULTS };
  for (const name of Object.keys(resolved) as (keyof OutboxOptions)[]) {
    const value = given?.[name];
    if (typeof value === 'number' && value > 0) resolved[name] = value;
  }
  return resolved;
}
