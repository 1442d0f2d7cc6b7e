import { expect, it } from 'vitest';
import { describeInChromium } from './helpers/chromium';
import { consoleSession, consoleUrl, pageHeading, signInToConsole } from './helpers/console';
import { useE2E } from './helpers/e2e-context';

describeInChromium('widget settings in the console', () => {
  const e2e = useE2E();

  it('previews the draft in the real widget bundle, and saving publishes it to /v1/config', async () => {
    const { page, errors } = await e2e.visitor();
    await signInToConsole(page, e2e.server.origin);
    const project = (await consoleSession(page)).projects[0];
    await page.goto(consoleUrl(e2e.server.origin, `#/projects/${project?.id}/widget`));
    await pageHeading(page, 'Widget settings');
    const open = page.getByRole('button', { name: 'Open the widget in the preview' });
    await expect.poll(() => open.isEnabled(), { timeout: 15_000 }).toBe(true);

    await page.getByLabel('Dialog title').fill('Talk to the roasters');
    await page.getByLabel('Accent colour', { exact: true }).fill('#0f766e');
    // Drafts reach the preview without pulling focus out of the field being edited.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('accent');
    await open.click();
    const preview = page.frameLocator('iframe[title="Widget preview"]');
    await preview.getByRole('dialog', { name: 'Talk to the roasters' }).waitFor();
    await expect
      .poll(() =>
        preview
          .locator('rapport-widget')
          .evaluate((host) => getComputedStyle(host).getPropertyValue('--rapport-accent').trim()),
      )
      .toBe('#0f766e');

    await page.getByRole('button', { name: 'Save widget settings' }).click();
    await page.getByText('Saved. Visitors get it on their next page load.').waitFor();
    const config = await fetch(`${e2e.server.origin}/v1/config`, {
      headers: { authorization: 'Bearer pk_demo', origin: e2e.server.origin },
    }).then((response) => response.json());
    expect(config).toMatchObject({
      theme: { accent: '#0f766e' },
      texts: { title: 'Talk to the roasters' },
    });
    expect(errors).toEqual([]);
  });
});
