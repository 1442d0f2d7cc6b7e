import { expect, it } from 'vitest';
import { describeInChromium } from './helpers/chromium';
import { consoleUrl, DEMO_OWNER, pageHeading, signInToConsole } from './helpers/console';
import { useE2E } from './helpers/e2e-context';

/** More than the server's default sign-in allowance per account (10 in 15 minutes). */
const MAX_ATTEMPTS = 15;

describeInChromium('signing in to the console', () => {
  const e2e = useE2E();

  it('says a wrong password is wrong, then signs in with the right one', async () => {
    const { page, errors } = await e2e.visitor();
    await page.goto(consoleUrl(e2e.server.origin));
    await pageHeading(page, 'Sign in to Rapport');
    await page.getByLabel('Email').fill(DEMO_OWNER.email);
    await page.getByLabel('Password').fill('not-the-demo-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('Email or password is wrong.').waitFor();
    expect(page.url()).toMatch(/#\/sign-in$|\/console\/$/);

    await signInToConsole(page, e2e.server.origin);
    await pageHeading(page, 'Inbox');
    expect(errors).toEqual([]);
  });

  it('rate limits repeated wrong passwords and says how long to wait', async () => {
    const { page } = await e2e.visitor();
    await page.goto(consoleUrl(e2e.server.origin, '#/sign-in'));
    await page.getByLabel('Email').fill('someone@example.test');
    const alert = page.getByRole('alert');
    let limited = '';
    for (let attempt = 1; attempt <= MAX_ATTEMPTS && !limited; attempt += 1) {
      await page.getByLabel('Password').fill(`wrong-password-${attempt}`);
      const answered = page.waitForResponse((r) => r.url().endsWith('/v1/console/sign-in'));
      await page.getByRole('button', { name: 'Sign in' }).click();
      const response = await answered;
      await expect.poll(async () => (await alert.textContent()) ?? '').not.toBe('');
      if (response.status() === 429) limited = (await alert.textContent()) ?? '';
      else expect(response.status()).toBe(401);
    }
    expect(limited).toMatch(/^Too many attempts, try again in \d+ s\.$/);
  });
});
