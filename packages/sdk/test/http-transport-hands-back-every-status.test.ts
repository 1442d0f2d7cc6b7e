import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { httpTransport } from '../src/index';

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
    HttpResponse.json({ got: await request.json(), auth: request.headers.get('authorization') }),
  ),
  http.get(`${ENDPOINT}/v1/plain`, () => new HttpResponse('ok', { status: 200 })),
  http.get(`${ENDPOINT}/v1/down`, () => HttpResponse.error()),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

test('a 5xx comes back as a response (lower-case headers, parsed body), sent once: no ky retry', async () => {
  const transport = httpTransport({ endpoint: `${ENDPOINT}/` });
  const response = await transport.send({ method: 'GET', path: '/v1/unavailable' });
  expect(response.status).toBe(503);
  expect(response.headers['retry-after']).toBe('30');
  expect(response.body).toEqual({
    error: { code: 'unavailable', message: 'Down for maintenance' },
  });
  expect(hits).toBe(1);
});

test('POST sends the JSON body and headers; text bodies stay text', async () => {
  const transport = httpTransport({ endpoint: ENDPOINT });
  const echo = await transport.send({
    method: 'POST',
    path: '/v1/echo',
    body: { a: 1 },
    headers: { authorization: 'Bearer pk_test' },
  });
  expect(echo.body).toEqual({ got: { a: 1 }, auth: 'Bearer pk_test' });
  const plain = await transport.send({ method: 'GET', path: '/v1/plain' });
  expect(plain.body).toBe('ok');
});

test('a network failure throws', async () => {
  const transport = httpTransport({ endpoint: ENDPOINT });
  await expect(transport.send({ method: 'GET', path: '/v1/down' })).rejects.toThrow();
});
