import type { Role } from '@rapport/protocol';
import type { Hono } from 'hono';
import { hashPassword } from '../../src/people/passwords';
import { createUser, setMembership } from '../../src/store/people/users';
import type { Store } from '../../src/store/store';

/** The origin in-process requests reach (`app.request('/x')` is http://localhost/x). */
export const CONSOLE_ORIGIN = 'http://localhost';
export const PASSWORD = 'correct horse battery';

/** Creates a user with {@link PASSWORD}, optionally a member of a project. */
export async function addUser(
  store: Store,
  email: string,
  membership?: { projectId: string; role: Role },
) {
  const now = new Date('2026-03-01T00:00:00Z');
  const user = await createUser(
    store.db,
    { email, name: email.split('@')[0] ?? email, passwordHash: await hashPassword(PASSWORD) },
    now,
  );
  if (membership)
    await setMembership(store.db, membership.projectId, user.id, membership.role, now);
  return user;
}

/** A browser-like console client: keeps the cookie, sends Origin and the CSRF token. */
export function consoleBrowser(app: { request: Hono['request'] }, origin = CONSOLE_ORIGIN) {
  let cookie: string | undefined;
  let csrf: string | undefined;
  /** Browser-like headers; a header given as '' is left out. */
  function headersFor(method: string, json: boolean, extra: Record<string, string>) {
    const all: Record<string, string> = { origin };
    if (cookie) all.cookie = `rapport_session=${cookie}`;
    if (csrf && method !== 'GET') all['x-csrf-token'] = csrf;
    if (json) all['content-type'] = 'application/json';
    Object.assign(all, extra);
    return Object.fromEntries(Object.entries(all).filter(([, value]) => value !== ''));
  }
  const browser = {
    get cookie() {
      return cookie;
    },
    set cookie(value: string | undefined) {
      cookie = value;
    },
    get csrf() {
      return csrf;
    },
    async send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
      const response = await app.request(path, {
        method,
        headers: headersFor(method, body !== undefined, headers),
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      const setCookie = response.headers.get('set-cookie') ?? '';
      const match = /rapport_session=([^;]*)/.exec(setCookie);
      if (match) cookie = match[1] || undefined;
      const text = await response.text();
      // biome-ignore lint/suspicious/noExplicitAny: tests read bodies loosely
      const json: any = text ? JSON.parse(text) : undefined;
      if (json?.csrfToken) csrf = json.csrfToken;
      return { status: response.status, headers: response.headers, body: json, setCookie };
    },
    signIn(email: string, password = PASSWORD) {
      return browser.send('POST', '/v1/console/sign-in', { email, password });
    },
  };
  return browser;
}
