import { delay, HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { fetchTransport, httpTransport } from '../src/index';

const ENDPOINT = 'http://transport.test';
let hits = 0;
const server = setupServer(
  http.get(`${ENDPOINT}/v1/unavailable`, () => {
    hits++;
    return HttpResponse.json(
      { error: { code: 'unavailable', message: 'Down for maintenance' } },
      { status: 503, headers: { 'Retry-After': '30' } },
    );
  }),
  http.post(`${ENDPOINT}/v1/echo`, async ({ request }) =>
    HttpResponse.json({
      got: await request.json(),
      auth: request.headers.get('authorization'),
      type: request.headers.get('content-type'),
    }),
  ),
  http.get(`${ENDPOINT}/v1/plain`, () => new HttpResponse('ok', { status: 200 })),
  http.get(`${ENDPOINT}/v1/empty`, () => new HttpResponse(null, { status: 204 })),
  http.get(`${ENDPOINT}/v1/down`, () => HttpResponse.error()),
  http.get(`${ENDPOINT}/v1/slow`, async () => {
    await delay(1_000);
    return HttpResponse.json({ late: true });
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  hits = 0;
});
afterAll(() => server.close());

// Both transports make the same promise; the outbox and the reads rely on it.
describe.each([
  ['httpTransport', httpTransport],
  ['fetchTransport', fetchTransport],
])('%s', (_name, makeTransport) => {
  test('a 5xx comes back as a response (lower-case headers, parsed body), sent once', async () => {
    const transport = makeTransport({ endpoint: `${ENDPOINT}/` });
    const response = await transport.send({ method: 'GET', path: '/v1/unavailable' });
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('30');
    expect(response.body).toEqual({
      error: { code: 'unavailable', message: 'Down for maintenance' },
    });
    expect(hits).toBe(1);
  });

  test('POST sends the JSON body and headers; text bodies stay text, empty ones undefined', async () => {
    const transport = makeTransport({ endpoint: ENDPOINT });
    const echo = await transport.send({
      method: 'POST',
      path: '/v1/echo',
      body: { a: 1 },
      headers: { authorization: 'Bearer pk_test' },
    });
    expect(echo.body).toEqual({
      got: { a: 1 },
      auth: 'Bearer pk_test',
      type: 'application/json',
    });
    const plain = await transport.send({ method: 'GET', path: '/v1/plain' });
    expect(plain.body).toBe('ok');
    const empty = await transport.send({ method: 'GET', path: '/v1/empty' });
    expect(empty).toMatchObject({ status: 204, body: undefined });
  });

  test('a network failure throws', async () => {
    const transport = makeTransport({ endpoint: ENDPOINT });
    await expect(transport.send({ method: 'GET', path: '/v1/down' })).rejects.toThrow();
  });

  test('a request slower than the timeout throws', async () => {
    const transport = makeTransport({ endpoint: ENDPOINT, timeout: 50 });
    await expect(transport.send({ method: 'GET', path: '/v1/slow' })).rejects.toThrow();
  });

  test("the caller's abort signal cancels the request", async () => {
    const transport = makeTransport({ endpoint: ENDPOINT });
    const controller = new AbortController();
    const sent = transport.send({ method: 'GET', path: '/v1/slow', signal: controller.signal });
    controller.abort();
    await expect(sent).rejects.toThrow();
  });
});
