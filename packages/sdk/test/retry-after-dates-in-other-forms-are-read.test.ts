import { expect, test } from 'vitest';
import { parseRetryAfter } from '../src/outbox/backoff';

const NOW = Date.parse('2026-12-02T12:00:00Z');

// Only a value made of digits alone is delay-seconds; anything else is read as a date, so a date
// that starts or ends with digits is not mistaken for (unreadable) seconds.
test.each([
  ['a date with a numeric zone, ending in digits', 'Wed, 02 Dec 2026 12:01:30 +0000', 90_000],
  ['a date without the weekday, starting with digits', '02 Dec 2026 12:01:30 GMT', 90_000],
])('Retry-After as %s is read as that date', (_name, header, ms) => {
  expect(parseRetryAfter(header, NOW)).toBe(ms);
});

test.each(['7 seconds', '1e3', '\t'])('Retry-After: %j is unreadable and ignored', (header) => {
  expect(parseRetryAfter(header, NOW)).toBeUndefined();
});
