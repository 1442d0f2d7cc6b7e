import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { setSurveysActive } from './helpers/admin';
import { describeInChromium } from './helpers/chromium';
import { useE2E } from './helpers/e2e-context';
import { hostPage } from './helpers/host-page';
import { openWidget, widget } from './helpers/widget';

/** The rules a careless (or hostile) site stylesheet throws at everything on the page. */
const HOSTILE_CSS = `<style>
  * { all: unset !important; font: 40px serif !important; }
  button { display: none !important; }
  div { position: fixed !important; }
</style>`;

/**
 * Inherited properties set on everything, the host element included: without the host's
 * `!important` reset they would reach every element inside the shadow root.
 */
const INHERITED_CSS = `<style>
  * {
    text-transform: uppercase !important;
    direction: rtl !important;
    letter-spacing: 3px !important;
    word-spacing: 12px !important;
    text-shadow: 2px 2px 0 red !important;
    text-indent: 30px !important;
    text-align: right !important;
    line-height: 3 !important;
    white-space: pre !important;
    font-style: italic !important;
    font-weight: 900 !important;
    font-variant: small-caps !important;
    color: lime !important;
    cursor: wait !important;
  }
  rapport-widget { visibility: hidden; font-size: 30px !important; }
</style>`;

const require = createRequire(import.meta.url);
/** Popular frameworks' global CSS, served by the page server itself (no CDN). */
const FRAMEWORKS: Record<string, string> = {
  '/bootstrap.css': require.resolve('bootstrap/dist/css/bootstrap.min.css'),
  '/preflight.css': require.resolve('tailwindcss/preflight.css'),
  '/bulma.css': require.resolve('bulma/css/bulma.min.css'),
};
const FRAMEWORK_LINKS = Object.keys(FRAMEWORKS)
  .map((path) => `<link rel="stylesheet" href="${path}">`)
  .join('\n');
const stylesheets = Object.fromEntries(
  Object.entries(FRAMEWORKS).map(([path, file]) => [
    path,
    { body: readFileSync(file, 'utf8'), type: 'text/css; charset=utf-8' },
  ]),
);

const BODY =
  '<p>Some host content.</p><div class="promo"><button type="button">Shop now</button></div>';

/** Widget parts compared between the two pages, found inside the shadow root. */
const PARTS: Record<string, string> = {
  launcher: 'button[aria-haspopup="dialog"]',
  dialog: '[role="dialog"][aria-modal="true"]',
  title: '#rapport-title',
  tab: '[role="tab"]',
  category: 'select',
  message: 'textarea',
  send: 'button[type="submit"]',
};

const PROPERTIES = [
  'display',
  'position',
  'visibility',
  'opacity',
  'z-index',
  'width',
  'height',
  'font-family',
  'font-size',
  'font-weight',
  'line-height',
  'color',
  'background-color',
  'border-top-width',
  'border-radius',
  'padding-top',
  'padding-left',
  'margin-top',
  'box-shadow',
  'text-align',
  'text-transform',
  'direction',
  'letter-spacing',
  'word-spacing',
  'text-shadow',
  'text-indent',
  'white-space',
  'font-style',
  'font-variant-caps',
  'cursor',
];

type Snapshot = Record<string, { rect: number[]; style: Record<string, string> } | null>;

async function snapshot(page: Page): Promise<Snapshot> {
  return page.evaluate(
    ({ parts, properties }) => {
      const root = document.querySelector('rapport-widget')?.shadowRoot;
      const out: Record<string, { rect: number[]; style: Record<string, string> } | null> = {};
      for (const [name, selector] of Object.entries(parts)) {
        const element = root?.querySelector(selector);
        if (!element) {
          out[name] = null;
          continue;
        }
        const computed = getComputedStyle(element);
        const box = element.getBoundingClientRect();
        out[name] = {
          rect: [box.x, box.y, box.width, box.height].map(Math.round),
          style: Object.fromEntries(properties.map((p) => [p, computed.getPropertyValue(p)])),
        };
      }
      return out;
    },
    { parts: PARTS, properties: PROPERTIES },
  );
}

async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const root = document.querySelector('rapport-widget')?.shadowRoot;
    await Promise.all((root?.getAnimations() ?? []).map((animation) => animation.finished));
  });
}

describeInChromium('a host page with hostile global CSS', () => {
  const e2e = useE2E({
    pages: (api) => ({
      '/clean.html': { body: hostPage({ api, title: 'Clean page', body: BODY }) },
      '/hostile.html': {
        body: hostPage({ api, title: 'Hostile page', head: HOSTILE_CSS, body: BODY }),
      },
      '/inherited.html': {
        body: hostPage({ api, title: 'Inherited page', head: INHERITED_CSS, body: BODY }),
      },
      '/frameworks.html': {
        body: hostPage({ api, title: 'Frameworks page', head: FRAMEWORK_LINKS, body: BODY }),
      },
      ...stylesheets,
    }),
  });

  beforeAll(async () => {
    await setSurveysActive(e2e.server, false);
  });

  async function render(path: string) {
    // Reduced motion and settled animations: compare the widget at rest, not mid-transition.
    const { page, errors } = await e2e.visitor({ reducedMotion: 'reduce' });
    // The site owner's theme arrives with /v1/config: compare after it is applied.
    const config = page.waitForResponse((response) => response.url().includes('/v1/config'));
    await page.goto(`${e2e.pages!.origin}${path}`);
    await config;
    await widget.launcher(page).waitFor({ state: 'visible' });
    await settle(page);
    const closed = await snapshot(page);
    await openWidget(page);
    await widget.message(page).waitFor({ state: 'visible' });
    await page.mouse.move(0, 0);
    await settle(page);
    const open = await snapshot(page);
    const pixels = await widget.dialog(page).screenshot({ animations: 'disabled' });
    return { closed, open, pixels, errors };
  }

  it.each(['/hostile.html', '/inherited.html', '/frameworks.html'])(
    '%s renders the launcher and the dialog exactly as a clean page does',
    async (path) => {
      const clean = await render('/clean.html');
      const hostile = await render(path);

      expect(clean.closed.launcher).not.toBeNull();
      expect(clean.open.dialog).not.toBeNull();
      expect(clean.open.title?.style['text-transform']).toBe('none');
      expect(clean.open.title?.style.direction).toBe('ltr');
      expect(hostile.closed.launcher).toEqual(clean.closed.launcher);
      expect(hostile.open).toEqual(clean.open);
      expect(hostile.pixels.equals(clean.pixels)).toBe(true);
      expect([...clean.errors, ...hostile.errors]).toEqual([]);
    },
  );
});
