import { expect, test } from 'vitest';
import {
  classifyResponse,
  errorFromResponse,
  isAcknowledgement,
} from '../src/outbox/classify-response';
import type { TransportResponse } from '../src/transports/transport';

const NOW = Date.parse('2026-12-02T12:00:00Z');
const answer = (status: number, body?: unknown, headers: Record<string, string> = {}) =>
  ({ status, headers, body }) as TransportResponse;

test.each([200, 202, 299])(
  '%i with a batch body is delivered, with the counts the server gave',
  (status) => {
    const body = {
      accepted: 2,
      duplicates: 1,
      rejected: [{ id: 'm3', code: 'invalid_argument', message: 'bad' }],
    };
    expect(classifyResponse(answer(status, body), 3, NOW)).toStrictEqual({
      kind: 'delivered',
      result: body,
    });
  },
);

test.each([100, 199, 300, 301, 304])(
  '%i is neither delivered nor retried: the batch is dropped',
  (status) => {
    const outcome = classifyResponse(answer(status), 1, NOW);
    expect(outcome.kind).toBe('drop');
  },
);

test.each([408, 429, 500, 503])('%i is retried, after the Retry-After it carries', (status) => {
  expect(classifyResponse(answer(status, undefined, { 'retry-after': '7' }), 1, NOW)).toStrictEqual(
    {
      kind: 'retry',
      retryAfterMs: 7_000,
    },
  );
});

test('a 2xx without a body acknowledges the whole batch', () => {
  expect(classifyResponse(answer(204), 4, NOW)).toStrictEqual({
    kind: 'delivered',
    result: { accepted: 4, duplicates: 0, rejected: [] },
  });
});

test('a 2xx JSON object that is not a batch answer acknowledges the whole batch', () => {
  expect(classifyResponse(answer(200, { ok: true }), 2, NOW)).toStrictEqual({
    kind: 'delivered',
    result: { accepted: 2, duplicates: 0, rejected: [] },
  });
});

test('counts that are not numbers read as 0, numeric strings as their number', () => {
  const outcome = classifyResponse(
    answer(200, { accepted: '3', duplicates: 'many', rejected: [] }),
    5,
    NOW,
  );
  expect(outcome).toStrictEqual({
    kind: 'delivered',
    result: { accepted: 3, duplicates: 0, rejected: [] },
  });
  const missing = classifyResponse(answer(200, { rejected: [] }), 5, NOW);
  expect(missing).toStrictEqual({
    kind: 'delivered',
    result: { accepted: 0, duplicates: 0, rejected: [] },
  });
});

test.each([
  ['null', null],
  ['a string', '<html>Sign in to the Wi-Fi</html>'],
  ['a number', 42],
  ['true', true],
])('a 2xx whose body is %s acknowledges nothing: the batch is retried', (_name, body) => {
  expect(isAcknowledgement(body)).toBe(false);
  expect(classifyResponse(answer(200, body), 1, NOW)).toStrictEqual({
    kind: 'retry',
    retryAfterMs: undefined,
  });
});

test('an error body keeps the server’s code, message and the status', () => {
  const error = errorFromResponse(
    answer(403, { error: { code: 'forbidden', message: 'Origin not allowed' } }),
  );
  expect(error).toMatchObject({ code: 'forbidden', message: 'Origin not allowed', status: 403 });
});

test.each([
  ['no body', undefined],
  ['null', null],
  ['an HTML page', '<h1>Bad Request</h1>'],
  ['an error without a message', { error: { code: 'forbidden' } }],
  ['an error without a code', { error: { message: 'Nope' } }],
  ['an error code that is not a string', { error: { code: 7, message: 'Nope' } }],
  ['an error that is a string', { error: 'forbidden' }],
])('a 4xx with %s becomes an http error naming the status', (_name, body) => {
  const error = errorFromResponse(answer(400, body));
  expect(error).toMatchObject({ code: 'http', message: 'The server answered 400', status: 400 });
  const outcome = classifyResponse(answer(400, body), 1, NOW);
  expect(outcome).toStrictEqual({ kind: 'drop', error });
});
