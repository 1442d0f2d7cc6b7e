import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInChromium } from './helpers/chromium';
import {
  consolePageSettled,
  consoleSession,
  consoleUrl,
  pageHeading,
  signInToConsole,
} from './helpers/console';
import { useE2E } from './helpers/e2e-context';

/** A local receiver on 127.0.0.1: records each request, answers 200 "thanks". */
function startReceiver() {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('thanks');
    });
  });
  return {
    received,
    listen: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () =>
          resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/rapport`),
        ),
      ),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Verifies one received request as a site's server would, with the standardwebhooks library. */
function verify(secret: string, request: { headers: IncomingHttpHeaders; body: string }) {
  const headers = Object.fromEntries(
    Object.entries(request.headers).map(([name, value]) => [name, String(value)]),
  );
  return new Webhook(secret).verify(request.body, headers) as { type: string };
}

describeInChromium('an admin connects a webhook endpoint in the console', () => {
  // The receiver is on loopback, which the server refuses without this setting.
  const e2e = useE2E({ serverEnv: { RAPPORT_WEBHOOKS_ALLOW_PRIVATE: '1' } });
  const receiver = startReceiver();
  let receiverUrl = '';
  beforeAll(async () => {
    receiverUrl = await receiver.listen();
  });
  afterAll(() => receiver.close());

  /** Reads the log again until its newest delivery says `text`. */
  async function logShows(page: Page, text: RegExp) {
    const newest = page.getByRole('region', { name: 'Deliveries' }).getByRole('listitem').first();
    await expect
      .poll(
        async () => {
          await page.getByRole('button', { name: 'Refresh the log' }).click();
          await expect.poll(() => page.locator('.loading').count()).toBe(0);
          return newest.textContent();
        },
        { timeout: 15_000, interval: 300 },
      )
      .toMatch(text);
    return newest;
  }

  it('adds an endpoint, sees its secret once, tests, redelivers, rotates, disables and deletes it', async () => {
    const { page, errors } = await e2e.visitor({ viewport: { width: 320, height: 800 } });
    await signInToConsole(page, e2e.server.origin);
    const project = (await consoleSession(page)).projects[0];
    if (!project) throw new Error('the demo owner has no project');
    await page.goto(consoleUrl(e2e.server.origin, `#/projects/${project.id}/webhooks`));
    await pageHeading(page, 'Webhooks');
    await page.getByText('No endpoints yet.').waitFor();
    await consolePageSettled(page);

    // An empty URL is refused inline, with focus on the field.
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const url = page.getByLabel('Endpoint URL');
    await expect.poll(() => url.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => url.evaluate((el) => el === document.activeElement)).toBe(true);
    await url.fill(receiverUrl);
    await page.getByLabel('An NPS answer scores 0–6').uncheck();
    await page.getByLabel('A customer sends feedback').check();
    await page.getByRole('button', { name: 'Add endpoint' }).press('Enter');

    const secret = (await page.locator('#webhook-secret').textContent()) ?? '';
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]+$/);
    await page.getByText('Copy it now: it is shown only once.').waitFor();
    const card = page.getByRole('listitem').filter({ hasText: '127.0.0.1' });
    await card.getByText('Active').waitFor();
    await card.getByText('1 event').waitFor();
    await consolePageSettled(page);

    await page.getByRole('link', { name: 'Open the endpoint to send a test event' }).click();
    await pageHeading(page, /127\.0\.0\.1/);
    await page.getByRole('region', { name: 'Deliveries' }).getByText('Nothing sent yet.').waitFor();
    await consolePageSettled(page);

    // The test event arrives signed with the secret the console showed.
    await page.getByRole('button', { name: 'Send a test event' }).click();
    await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBe(1);
    const [first] = receiver.received;
    if (!first) throw new Error('no request');
    expect(verify(secret, first).type).toBe('webhook.test');
    const delivered = await logShows(page, /Delivered \(HTTP 200\)/);
    await delivered.getByText('Response from your server').click();
    await delivered.getByText('thanks', { exact: true }).waitFor();
    await consolePageSettled(page);

    // Redelivery sends the same event again, with the same webhook-id.
    await delivered.getByRole('button', { name: 'Redeliver webhook.test' }).click();
    await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBe(2);
    expect(receiver.received[1]?.headers['webhook-id']).toBe(first.headers['webhook-id']);
    expect(receiver.received[1]?.body).toBe(first.body);

    // After a rotation both secrets sign, so the receiver can switch without a gap.
    await page.getByRole('button', { name: 'Rotate the secret' }).click();
    const rotated = (await page.locator('#rotated-webhook-secret').textContent()) ?? '';
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);
    await page.getByRole('button', { name: 'Send a test event' }).click();
    await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBe(3);
    const third = receiver.received[2];
    if (!third) throw new Error('no request');
    expect(String(third.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(verify(rotated, third).type).toBe('webhook.test');
    expect(verify(secret, third).type).toBe('webhook.test');
    await consolePageSettled(page);

    // Disabled, it receives nothing, and says so.
    await page.getByRole('button', { name: 'Disable' }).click();
    await page
      .getByRole('status')
      .getByText(/is disabled/)
      .waitFor();
    expect(await page.getByRole('button', { name: 'Send a test event' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Enable again' }).waitFor();

    // Deleting asks first, then goes back to the empty list.
    await page.getByRole('button', { name: 'Delete…' }).click();
    await page.getByRole('button', { name: 'Keep it' }).waitFor();
    await consolePageSettled(page);
    await page.getByRole('button', { name: 'Delete endpoint' }).click();
    await pageHeading(page, 'Webhooks');
    await page.getByText('No endpoints yet.').waitFor();
    expect(receiver.received).toHaveLength(3);
    expect(errors).toEqual([]);
  });
});
