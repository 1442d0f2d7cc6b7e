import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { eligibleSurveysQuerySchema } from '@rapport/protocol/schemas';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { databases } from './helpers/databases';
import { message, send } from './helpers/requests';
import { ORIGIN, PK, SK, useTestApp } from './helpers/test-app';

/** Per endpoint; the issue asks for at least 1,000 malformed inputs each. */
const RUNS = 1000;

/** Header values a real client could send (visible ASCII), including hostile ones. */
const headerValue = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'abcXYZ019 _-./:;=,"\'{}[]%@!*'.split('')), maxLength: 80 }),
  fc.constantFrom('', 'Bearer', 'Bearer ', 'Bearer pk_', 'Basic Zm9vOmJhcg==', 'null', '%00'),
  fc.string({ maxLength: 40 }).map((s) => `Bearer ${encodeURIComponent(s)}`),
);

const contentType = fc.constantFrom(
  'application/json',
  'text/plain',
  'text/plain;charset=UTF-8',
  'application/xml',
  'multipart/form-data; boundary=x',
  'application/x-www-form-urlencoded',
  '',
  'application/json; charset=latin1',
);

/** A track message whose properties nest `depth` levels of `open`…`close`. */
function deepMessage(open: string, close: string, depth: number): string {
  const nested = `${open.repeat(depth)}1${close.repeat(depth)}`;
  return `{"id":"deep","type":"track","timestamp":"2026-03-02T11:00:00Z","anonymousId":"a","event":"e","properties":{"x":${nested}}}`;
}

/** Bodies whose envelope is wrong (the per-message path is tested elsewhere). */
const malformedBody: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ maxLength: 200 }).map((s) => `{"messages": ${s}`),
  fc.json({ maxDepth: 3 }).filter((text) => !/"messages"\s*:\s*\[/.test(text)),
  fc.uint8Array({ maxLength: 200 }),
  fc
    .array(fc.anything(), { maxLength: 4 })
    .map((v) => JSON.stringify({ messages: v.length ? 'x' : [] })),
  fc
    .integer({ min: 101, max: 140 })
    .map((n) => JSON.stringify({ messages: Array.from({ length: n }, () => ({})) })),
  fc.constant(`{"messages":[${'"x",'.repeat(20_000)}"x"]}`),
  // Deep nesting inside a message: recursive parsers overflow the stack on these.
  fc
    .tuple(fc.integer({ min: 33, max: 20_000 }), fc.constantFrom(['[', ']'], ['{"a":', '}']))
    .map(([depth, [open, close]]) => `{"messages":[${deepMessage(open, close, depth)}]}`),
  fc.constantFrom('{"messages":[]}', '{"messages":null}', '[]', 'null', '"messages"', '{}'),
);

/** Query strings with bad or missing fields and raw percent garbage. */
const malformedQuery = fc.oneof(
  fc.string({ maxLength: 120 }),
  fc
    .string({ maxLength: 60 })
    .map((s) => `anonymousId=${encodeURIComponent(s)}&userHash=${s.length}`),
  fc
    .string({ maxLength: 60 })
    .map((s) => `userId=${encodeURIComponent(s)}&userHash=${encodeURIComponent(s)}`),
  fc.constantFrom(
    '%',
    '%E0%A4%A',
    'userId=%FF%FE',
    'anonymousId=&url=%',
    'userId[]=a&userId[]=b',
    '=&&=',
    `anonymousId=${'a'.repeat(300)}`,
  ),
);

function failsEligibleSchema(query: string): boolean {
  const params = Object.fromEntries(new URLSearchParams(query));
  return !eligibleSurveysQuerySchema.safeParse(params).success;
}

type Input = { query: string; headers: Record<string, string>; body?: string | Uint8Array };

const publicEndpoints: Array<{
  name: string;
  method: string;
  path: string;
  input: fc.Arbitrary<Input>;
}> = [
  {
    name: 'POST /v1/batch',
    method: 'POST',
    path: '/v1/batch',
    input: fc.record({
      query: fc.constant(`key=${PK}`),
      headers: fc.record({ 'content-type': contentType, 'x-extra': headerValue }),
      body: malformedBody,
    }),
  },
  {
    name: 'POST /v1/loyalty/redeem',
    method: 'POST',
    path: '/v1/loyalty/redeem',
    input: fc.record({
      query: fc.constant(`key=${PK}`),
      headers: fc.record({ 'content-type': contentType }),
      body: fc.oneof(
        malformedBody,
        fc
          .record({
            id: fc.string(),
            userId: fc.string(),
            userHash: fc.string(),
            rewardId: fc.string(),
          })
          .map((v) => JSON.stringify(v)),
      ),
    }),
  },
  {
    name: 'GET /v1/config',
    method: 'GET',
    path: '/v1/config',
    input: fc.oneof(
      fc.record({ query: malformedQuery, headers: fc.record({ authorization: headerValue }) }),
      fc.record({
        query: fc.constant(`key=${PK}`),
        headers: fc.record({ origin: fc.webUrl().filter((url) => !url.startsWith(ORIGIN)) }),
      }),
    ),
  },
  ...['/v1/surveys/eligible', '/v1/loyalty', '/v1/inbox'].map((path) => ({
    name: `GET ${path}`,
    method: 'GET',
    path,
    input: fc.record({
      // For eligible surveys, "malformed" means the query fails the protocol schema.
      query: (path === '/v1/surveys/eligible'
        ? malformedQuery.filter(failsEligibleSchema)
        : malformedQuery
      ).map((q) => `${q}&key=${PK}`),
      headers: fc.record({ 'x-request-id': headerValue, accept: headerValue }),
    }),
  })),
];

describe.each(databases)('fuzzing public endpoints on $name', (database) => {
  const ctx = useTestApp(database);

  it('stores any text, NULs and lone surrogates included, without a 5xx', async () => {
    const hostile = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom('\u0000', 'a\u0000b', '\ud800', 'x\udc00y', '\\u0000', '\u0000\ud83d'),
    );
    let sequence = 0;
    await fc.assert(
      fc.asyncProperty(hostile, hostile, async (text, key) => {
        sequence += 1;
        const messages = [
          message('feedback', { id: `h-${sequence}-f`, message: `m ${text}` }),
          message('track', {
            id: `h-${sequence}-t`,
            event: `e${text}`.slice(0, 200),
            properties: { [`k${key}`]: text },
          }),
          message('identify', {
            id: `h-${sequence}-i`,
            userId: `u${text}`,
            traits: { name: text },
          }),
        ];
        const res = await send(ctx.app, 'POST', '/v1/batch', { messages });
        expect(res.status, res.text).toBe(200);
        expect(res.body.accepted + res.body.rejected.length).toBe(messages.length);
      }),
      { numRuns: 200 },
    );
    const old = await send(ctx.app, 'POST', '/v1/batch', {
      messages: [message('page', { timestamp: '0000-01-01T00:00:00Z' })],
    });
    expect(old.body).toMatchObject({ accepted: 1, rejected: [] });
    const nul = await send(ctx.app, 'GET', '/v1/surveys/eligible?anonymousId=a&userId=%00x');
    expect(nul.status).toBe(400);
    expect(nul.body.error.code).toBe('invalid_query');
  }, 60_000);

  it('answers 400 for bodies nested deeper than 32 levels, and accepts 32', async () => {
    // Root object, messages array, message and properties are 4 levels; 28 more fit.
    const fits = `{"messages":[${deepMessage('[', ']', 28).replace('"id":"deep"', '"id":"fits"')}]}`;
    const fitsRes = await send(ctx.app, 'POST', '/v1/batch', fits);
    expect(fitsRes.body).toMatchObject({ accepted: 1, rejected: [] });
    for (const body of [
      `{"messages":[${deepMessage('[', ']', 29)}]}`,
      `{"messages":[${deepMessage('{"a":', '}', 5000)}]}`,
    ]) {
      const res = await send(ctx.app, 'POST', '/v1/batch', body);
      expect(res.status, res.text).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'invalid_body' });
    }
    const admin = await send(
      ctx.app,
      'PATCH',
      '/v1/admin/surveys/s1',
      `{"name":${'['.repeat(5000)}${']'.repeat(5000)}}`,
      { key: SK },
    );
    expect(admin.status, admin.text).toBe(400);
  });

  it('answers huge headers over a real socket with 431, and keeps serving', async () => {
    const server = serve({ fetch: ctx.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const huge = await fetch(`http://127.0.0.1:${port}/v1/config`, {
        headers: { authorization: `Bearer ${PK}`, 'x-junk': 'j'.repeat(64 * 1024) },
      });
      expect(huge.status).toBe(431);
      const ok = await fetch(`http://127.0.0.1:${port}/health`);
      expect(ok.status).toBe(200);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  for (const endpoint of publicEndpoints) {
    it(`answers ${RUNS} malformed requests to ${endpoint.name} with 4xx and the error shape`, async () => {
      await fc.assert(
        fc.asyncProperty(endpoint.input, async (input) => {
          const init: RequestInit = { method: endpoint.method, headers: input.headers };
          if (input.body !== undefined) init.body = input.body as BodyInit;
          const res = await ctx.app.request(`${endpoint.path}?${input.query}`, init);
          const text = await res.text();
          expect(res.status, text).toBeGreaterThanOrEqual(400);
          expect(res.status, text).toBeLessThan(500);
          const body = JSON.parse(text);
          expect(typeof body.error.code).toBe('string');
          expect(typeof body.error.message).toBe('string');
        }),
        { numRuns: RUNS },
      );
      const health = await send(ctx.app, 'GET', '/health', undefined, { key: null });
      expect(health.status).toBe(200);
      const valid = await send(ctx.app, 'POST', '/v1/batch', { messages: [message('page')] });
      expect(valid.body).toMatchObject({ accepted: 1, rejected: [] });
    }, 60_000);
  }
});
