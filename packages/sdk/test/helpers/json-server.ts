import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { ENDPOINT } from './batch-server';

/** One request the fake server saw. */
export interface SeenRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

type Answer = (request: SeenRequest) => Response | Promise<Response>;

/**
 * An msw server for the read endpoints: records each request and answers through the
 * `answers` table keyed by `METHOD /path` (default 404 with an error body).
 */
export function useJsonServer() {
  const seen: SeenRequest[] = [];
  const answers = new Map<string, Answer>();
  const server = setupServer(
    http.all(`${ENDPOINT}/*`, async ({ request }) => {
      const url = new URL(request.url);
      const text = await request.text();
      const entry: SeenRequest = {
        method: request.method,
        url,
        headers: request.headers,
        body: text ? JSON.parse(text) : undefined,
      };
      seen.push(entry);
      const answer = answers.get(`${request.method} ${url.pathname}`);
      if (answer) return answer(entry);
      return HttpResponse.json(
        { error: { code: 'not_found', message: `No route ${url.pathname}` } },
        { status: 404 },
      );
    }),
  );
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    seen.length = 0;
    answers.clear();
  });
  afterAll(() => server.close());
  return {
    seen,
    answer(route: string, answer: Answer) {
      answers.set(route, answer);
    },
  };
}

/** A valid-looking userHash for tests (the fake server does not verify it). */
export const USER_HASH = 'a'.repeat(64);
