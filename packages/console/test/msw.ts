import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { SessionBody } from '../src/api/types';
import { projectView } from './fixtures';

/** A signed-in owner of one project, as `GET /v1/console/session` answers. */
export const OWNER_SESSION: SessionBody = {
  user: { id: 'u1', email: 'owner@example.test', name: 'Olive Owner' },
  csrfToken: 'csrf-token-1',
  projects: [{ id: 'p1', name: 'Shop', role: 'owner' }],
};

/** The same person with another role in p1: `sessionAs('member')`. */
export function sessionAs(role: SessionBody['projects'][number]['role']): SessionBody {
  return {
    ...OWNER_SESSION,
    user: { id: `u-${role}`, email: `${role}@example.test`, name: `A ${role}` },
    projects: [{ id: 'p1', name: 'Shop', role }],
  };
}

/**
 * An msw server for one test file; unhandled requests fail the test. It always answers the
 * project view of p1 (every project page loads it); tests add what they are about.
 */
export function useMsw() {
  const server = setupServer(
    http.get('*/v1/console/projects/p1', () => HttpResponse.json(projectView())),
  );
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}

/** The error body every non-2xx answer carries. */
export function errorBody(status: number, code: string, message: string, headers?: HeadersInit) {
  return HttpResponse.json({ error: { code, message } }, { status, headers });
}

export { HttpResponse, http };
