import { describe, expect, it, vi } from 'vitest';
import { addUser, CONSOLE_ORIGIN, consoleBrowser, PASSWORD } from './helpers/console-session';
import { databases } from './helpers/databases';
import { useTestApp } from './helpers/test-app';

// scrypt (N = 2^15) costs ~0.4 s a hash on a loaded 2-core box; tests do several.
vi.setConfig({ testTimeout: 60_000 });

describe.each(databases)('console sign-in and sessions on $name', (database) => {
  const ctx = useTestApp(database, { console: { setupToken: 'setup-token-123' } });

  it('signs in with the right password, sets a Lax HttpOnly cookie, and knows the session', async () => {
    await addUser(ctx.store, 'Ana@Team.test', { projectId: 'proj_test', role: 'admin' });
    const browser = consoleBrowser(ctx.app);
    const signedIn = await browser.signIn('ana@team.TEST');
    expect(signedIn.status).toBe(200);
    expect(signedIn.setCookie).toMatch(/^rapport_session=[A-Za-z0-9_-]{43};/);
    expect(signedIn.setCookie).toMatch(/; HttpOnly/);
    expect(signedIn.setCookie).toMatch(/; SameSite=Lax/);
    expect(signedIn.setCookie).toMatch(/; Path=\//);
    expect(signedIn.setCookie).not.toMatch(/Secure/);
    expect(signedIn.body).toMatchObject({
      user: { email: 'Ana@Team.test', name: 'Ana' },
      projects: [{ id: 'proj_test', name: 'Test Shop', role: 'admin' }],
    });
    expect(signedIn.body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Only the token's SHA-256 is stored.
    const stored = await ctx.store.db.selectFrom('sessions').select('id').execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.id).not.toBe(browser.cookie);
    expect(stored[0]?.id).toMatch(/^[0-9a-f]{64}$/);

    const session = await browser.send('GET', '/v1/console/session');
    expect(session.status).toBe(200);
    expect(session.body.user.email).toBe('Ana@Team.test');
  });

  it('refuses a wrong password and an unknown email with the same answer, audited without the email', async () => {
    const user = await addUser(ctx.store, 'ana@team.test', {
      projectId: 'proj_test',
      role: 'owner',
    });
    const browser = consoleBrowser(ctx.app);
    const wrong = await browser.signIn('ana@team.test', 'not the password');
    const unknown = await browser.signIn('nobody@team.test', 'not the password');
    for (const answer of [wrong, unknown]) {
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({
        error: { code: 'invalid_credentials', message: 'Email or password is wrong.' },
      });
      expect(answer.setCookie).toBe('');
    }
    const audit = await ctx.store.db.selectFrom('audit_log').selectAll().execute();
    expect(audit.map((row) => [row.action, row.target])).toEqual([
      ['sign_in_failed', user.id],
      ['sign_in_failed', null],
    ]);
    expect(JSON.stringify(audit)).not.toContain('nobody');
  });

  it('sets Secure when the request is https', async () => {
    await addUser(ctx.store, 'ana@team.test');
    const response = await ctx.app.request('https://console.example/v1/console/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://console.example' },
      body: JSON.stringify({ email: 'ana@team.test', password: PASSWORD }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/; Secure/);
  });

  it('ends a session after 14 idle days, and slides the expiry while it is used', async () => {
    await addUser(ctx.store, 'ana@team.test');
    const browser = consoleBrowser(ctx.app);
    await browser.signIn('ana@team.test');
    ctx.clock.advanceDays(13);
    expect((await browser.send('GET', '/v1/console/session')).status).toBe(200);
    ctx.clock.advanceDays(13); // 26 days after sign-in, 13 after last use
    expect((await browser.send('GET', '/v1/console/session')).status).toBe(200);
    ctx.clock.advanceDays(14.01);
    const expired = await browser.send('GET', '/v1/console/session');
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('unauthorized');
  });

  it('signs out: the cookie is cleared and the old token is dead', async () => {
    await addUser(ctx.store, 'ana@team.test');
    const browser = consoleBrowser(ctx.app);
    await browser.signIn('ana@team.test');
    const token = browser.cookie;
    const out = await browser.send('POST', '/v1/console/sign-out');
    expect(out.status).toBe(204);
    expect(out.setCookie).toMatch(/rapport_session=;/);
    browser.cookie = token;
    expect((await browser.send('GET', '/v1/console/session')).status).toBe(401);
  });

  it('a password change ends every session of the user and starts a fresh one', async () => {
    await addUser(ctx.store, 'ana@team.test');
    const laptop = consoleBrowser(ctx.app);
    const phone = consoleBrowser(ctx.app);
    await laptop.signIn('ana@team.test');
    await phone.signIn('ana@team.test');
    const oldLaptopCookie = laptop.cookie;
    const wrong = await laptop.send('POST', '/v1/console/password', {
      currentPassword: 'nope nope nope',
      newPassword: 'a new long password',
    });
    expect(wrong.status).toBe(403);
    const changed = await laptop.send('POST', '/v1/console/password', {
      currentPassword: PASSWORD,
      newPassword: 'a new long password',
    });
    expect(changed.status).toBe(200);
    expect(laptop.cookie).not.toBe(oldLaptopCookie);
    expect((await laptop.send('GET', '/v1/console/session')).status).toBe(200);
    expect((await phone.send('GET', '/v1/console/session')).status).toBe(401);
    expect((await consoleBrowser(ctx.app).signIn('ana@team.test')).status).toBe(401);
    expect(
      (await consoleBrowser(ctx.app).signIn('ana@team.test', 'a new long password')).status,
    ).toBe(200);
  });

  it('refuses a cookie-authenticated write from a foreign origin or without the CSRF token', async () => {
    await addUser(ctx.store, 'ana@team.test');
    const browser = consoleBrowser(ctx.app);
    await browser.signIn('ana@team.test');
    const body = { name: 'Evil', allowedOrigins: [] };
    const foreign = await browser.send('POST', '/v1/console/projects', body, {
      origin: 'https://evil.example',
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('csrf_failed');
    const noOrigin = await browser.send('POST', '/v1/console/projects', body, { origin: '' });
    expect(noOrigin.status).toBe(403);
    const noToken = await browser.send('POST', '/v1/console/projects', body, {
      'x-csrf-token': '',
    });
    expect(noToken.status).toBe(403);
    expect(noToken.body.error.code).toBe('csrf_failed');
    const badToken = await browser.send('POST', '/v1/console/projects', body, {
      'x-csrf-token': 'x'.repeat(43),
    });
    expect(badToken.status).toBe(403);
    const count = await ctx.store.db.selectFrom('projects').select('id').execute();
    expect(count).toHaveLength(2);
    const ok = await browser.send('POST', '/v1/console/projects', body);
    expect(ok.status).toBe(201);
    expect(CONSOLE_ORIGIN).toBe('http://localhost');
  });

  it('accepts the setup token once, then says an owner exists', async () => {
    const browser = consoleBrowser(ctx.app);
    expect((await browser.send('GET', '/v1/console/status')).body).toEqual({ hasOwner: false });
    const input = { email: 'first@team.test', name: 'First', password: PASSWORD };
    const wrong = await browser.send('POST', '/v1/console/setup', { ...input, token: 'guess' });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('invalid_setup_token');
    const done = await browser.send('POST', '/v1/console/setup', {
      ...input,
      token: 'setup-token-123',
    });
    expect(done.status).toBe(201);
    expect(done.body.user.email).toBe('first@team.test');
    expect((await browser.send('GET', '/v1/console/session')).status).toBe(200);
    expect((await browser.send('GET', '/v1/console/status')).body).toEqual({ hasOwner: true });
    const again = await consoleBrowser(ctx.app).send('POST', '/v1/console/setup', {
      ...input,
      email: 'second@team.test',
      token: 'setup-token-123',
    });
    expect(again.status).toBe(409);
  });
});

describe.each(databases)('console sign-in rate limits on $name', (database) => {
  const ctx = useTestApp(database, {
    console: {
      signInLimits: {
        perAccount: { points: 3, durationSeconds: 900 },
        perIp: { points: 5, durationSeconds: 900 },
      },
    },
  });

  it('answers 429 with Retry-After past the per-account limit, even with the right password', async () => {
    await addUser(ctx.store, 'ana@team.test');
    const browser = consoleBrowser(ctx.app);
    for (let i = 0; i < 3; i += 1) {
      expect((await browser.signIn('ana@team.test', 'wrong password!')).status).toBe(401);
    }
    const limited = await browser.signIn('ANA@team.test');
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(800);
    // Another account from the same IP still works until the IP limit (5) is reached.
    await addUser(ctx.store, 'bo@team.test');
    expect((await browser.signIn('bo@team.test')).status).toBe(200);
    expect((await browser.signIn('carl@team.test')).status).toBe(429);
  });
});
