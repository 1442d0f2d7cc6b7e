import type { Browser, Page } from 'playwright-core';
import { median } from './stats';

/** Click → dialog interactive on Rapport's page, per CPU rate, after a hover and cold. */
export interface OpenRow {
  mode: 'after hover' | 'cold';
  /** CPU throttling rate → every sample in ms, in run order. */
  samples: Record<number, number[]>;
  medians: Record<number, number>;
}

/** How long the pointer rests on the launcher before the click in the "after hover" runs. */
const HOVER_MS = 600;

/**
 * Loads Rapport's page cold and clicks the launcher, timing from the click event to focus
 * arriving inside the modal dialog (the dialog is drawn and its first control can be used).
 * "after hover": the pointer rests on the launcher first, so the UI chunk is fetched and
 * mounted on intent; "cold": the pointer arrives and clicks at once.
 */
export async function measureOpenDialog(
  browser: Browser,
  url: string,
  options: { runs: number; rates: number[] },
): Promise<OpenRow[]> {
  const rows: OpenRow[] = [
    { mode: 'after hover', samples: {}, medians: {} },
    { mode: 'cold', samples: {}, medians: {} },
  ];
  for (const rate of options.rates) {
    for (const row of rows) row.samples[rate] = [];
    for (let run = 0; run < options.runs; run++) {
      for (const row of rows) row.samples[rate]!.push(await openOnce(browser, url, rate, row.mode));
    }
    for (const row of rows) row.medians[rate] = median(row.samples[rate]!);
  }
  return rows;
}

async function openOnce(
  browser: Browser,
  url: string,
  rate: number,
  mode: OpenRow['mode'],
): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.goto(url, { waitUntil: 'load' });
    const launcher = page.locator('rapport-widget').getByRole('button', { name: /open feedback/i });
    await launcher.waitFor({ state: 'visible', timeout: 30_000 });
    await recordOpen(page);
    const box = (await launcher.boundingBox())!;
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    if (mode === 'after hover') {
      const chunk = page.waitForResponse((response) =>
        /\/rapport-ui-[0-9a-f]{8}\.js$/.test(response.url()),
      );
      await page.mouse.move(x, y);
      await chunk;
      await page.waitForTimeout(HOVER_MS);
    }
    await page.mouse.click(x, y);
    return await page.evaluate(() => (window as unknown as { __opened: Promise<number> }).__opened);
  } finally {
    await context.close();
  }
}

/** Resolves `window.__opened` with ms from the click event to focus inside the dialog. */
function recordOpen(page: Page): Promise<void> {
  return page.evaluate(() => {
    const root = document.querySelector('rapport-widget')!.shadowRoot!;
    (window as unknown as { __opened: Promise<number> }).__opened = new Promise((resolve) => {
      let clickedAt: number | undefined;
      root.addEventListener('click', (event) => (clickedAt ??= event.timeStamp), { capture: true });
      root.addEventListener('focusin', () => {
        const dialog = root.activeElement?.closest('[role="dialog"][aria-modal="true"]');
        if (dialog && clickedAt !== undefined) resolve(performance.now() - clickedAt);
      });
    });
  });
}
