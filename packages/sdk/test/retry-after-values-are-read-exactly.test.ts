import { expect, test } from 'vitest';
import { parseRetryAfter } from '../src/outbox/backoff';

const NOW = Date.parse('2026-12-02T12:00:00Z');

// RFC 9110 §10.2.3: delay-seconds (a run of digits) or an HTTP date.
test.each([
  ['0', 0],
  ['7', 7_000],
  ['120', 120_000],
  ['  30 ', 30_000],
  ['Wed, 02 Dec 2026 12:01:30 GMT', 90_000],
  // A date already past asks for no wait at all, never a negative one.
  ['Wed, 02 Dec 2026 11:00:00 GMT', 0],
  // More than a day is capped at a day: a broken header must not park the outbox for a year.
  ['99999999', 86_400_000],
])('Retry-After: %j waits %i ms', (header, ms) => {
  expect(parseRetryAfter(header, NOW)).toBe(ms);
});

test.each(['abc', '', '   ', 'NaN', 'soon'])(
  'Retry-After: %j is unreadable and ignored',
  (header) => {
    expect(parseRetryAfter(header, NOW)).toBeUndefined();
  },
);

test('an absent header is ignored', () => {
  expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
});
