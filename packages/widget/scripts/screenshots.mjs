/**
 * Regenerates docs/*.png: each panel in light and dark, plus the 320 px bottom sheet, taken
 * in Debian's Chromium (playwright-core) from docs/demo.html, which loads dist/rapport.js under
 * a strict nonce-based CSP with the API answered by page.route (scripts/fake-api.ts).
 *
 * It doubles as the real-browser check happy-dom cannot do: it fails when the page reports a
 * CSP violation, when axe-core (colour contrast included) finds a violation in any state, when
 * the widget overflows a 320 px wide screen, when `theme: 'auto'` ignores the visitor's colour
 * scheme, or when keyboard focus shows no ring.
 *
 *   npm run build -w @rapport/widget && npm run screenshots -w @rapport/widget
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { fakeApi } from './fake-api.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const axeSource = await readFile(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const NPS = {
  id: 'nps',
  type: 'nps',
  question: 'How likely are you to recommend Fernhill Coffee to a friend?',
  delaySeconds: 0,
};
const CSAT = { id: 'csat', type: 'csat', question: 'How was your last delivery?', delaySeconds: 0 };

const launcher = (page) => page.getByRole('button', { name: /open feedback|ouvrir/i });
const SHOTS = [
  {
    name: 'feedback',
    async prepare(page) {
      await launcher(page).click();
      await page.getByLabel('Your message').fill('The Ethiopian roast was lovely, more please!');
    },
  },
  {
    name: 'nps',
    survey: NPS,
    async prepare(page) {
      await page.getByRole('radio', { name: '9', exact: true }).click();
    },
  },
  {
    name: 'csat',
    survey: CSAT,
    async prepare(page) {
      await page.getByRole('radio', { name: /^4,/ }).click();
    },
  },
  {
    name: 'loyalty',
    user: 'jane',
    async prepare(page) {
      await launcher(page).click();
      await page.getByRole('tab', { name: 'Rewards' }).click();
      await page.getByText('380 points to Gold').waitFor();
    },
  },
  {
    name: 'inbox',
    user: 'jane',
    async prepare(page) {
      await launcher(page).click();
      await page.getByRole('tab', { name: 'Messages' }).click();
      await page.getByText('oat milk arrives').waitFor();
    },
  },
  {
    name: 'mobile-feedback',
    width: 320,
    height: 640,
    async prepare(page) {
      await launcher(page).click();
      await page.getByRole('dialog').waitFor();
    },
  },
];

const server = await serveStatic(root);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ARGS,
});
const failures = [];
try {
  for (const theme of ['light', 'dark']) {
    for (const shot of SHOTS) await take(shot, theme);
  }
  await checkAutoThemeAndFocusRing();
} finally {
  await browser.close();
  server.close();
}
if (failures.length) {
  for (const failure of failures) console.error(`FAIL ${failure}`);
  process.exitCode = 1;
}

async function take(shot, theme) {
  const name = `${shot.name}-${theme}`;
  const context = await browser.newContext({
    viewport: { width: shot.width ?? 640, height: shot.height ?? 760 },
    colorScheme: theme,
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      window.__csp.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  await page.route('https://api.rapport.test/**', fakeApi({ survey: shot.survey }));
  const query = new URLSearchParams({ theme, ...(shot.user ? { user: shot.user } : {}) });
  await page.goto(`${base}/docs/demo.html?${query}`);
  await page.locator('rapport-widget').waitFor({ state: 'attached' });
  await shot.prepare(page);
  await page.waitForTimeout(100);

  const csp = await page.evaluate(() => window.__csp);
  if (csp.length) failures.push(`${name}: CSP violations ${csp.join(', ')}`);
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document.querySelector('rapport-widget'), {
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
  if (violations.length) failures.push(`${name}: axe ${violations.join(', ')}`);
  if (shot.width) {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > innerWidth);
    const box = await page.getByRole('dialog').boundingBox();
    if (overflow || !box || box.width > shot.width)
      failures.push(`${name}: wider than ${shot.width}px`);
  }

  const clip = await page.evaluate(() => {
    const parts = document
      .querySelector('rapport-widget')
      .shadowRoot.querySelectorAll('.dialog, .survey, .launcher');
    const boxes = [...parts].map((part) => part.getBoundingClientRect());
    const left = Math.max(0, Math.min(...boxes.map((b) => b.left)) - 16);
    const top = Math.max(0, Math.min(...boxes.map((b) => b.top)) - 16);
    const right = Math.min(innerWidth, Math.max(...boxes.map((b) => b.right)) + 16);
    const bottom = Math.min(innerHeight, Math.max(...boxes.map((b) => b.bottom)) + 16);
    return { x: left, y: top, width: right - left, height: bottom - top };
  });
  await page.screenshot({ path: join(root, 'docs', `${name}.png`), clip });
  console.log(`docs/${name}.png  axe: ${violations.length ? violations.join(', ') : 'clean'}`);
  await context.close();
}

/**
 * `theme: 'auto'` must follow the visitor's colour scheme, and keyboard focus must show a ring
 * (an outline in the accent text colour) on the launcher and inside the dialog.
 */
async function checkAutoThemeAndFocusRing() {
  for (const scheme of ['light', 'dark']) {
    const context = await browser.newContext({ colorScheme: scheme, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.route('https://api.rapport.test/**', fakeApi({}));
    await page.goto(`${base}/docs/demo.html?theme=auto`);
    await launcher(page).waitFor();
    await page.keyboard.press('Tab');
    const launcherRing = await focusRing(page);
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Tab');
    const dialogRing = await focusRing(page);
    const background = await page.evaluate(
      () =>
        getComputedStyle(
          document.querySelector('rapport-widget').shadowRoot.querySelector('.dialog'),
        ).backgroundColor,
    );
    const expected = scheme === 'dark' ? 'rgb(17, 24, 39)' : 'rgb(255, 255, 255)';
    if (background !== expected)
      failures.push(
        `auto theme in ${scheme}: dialog background ${background}, expected ${expected}`,
      );
    if (!launcherRing || !dialogRing)
      failures.push(`auto theme in ${scheme}: no visible focus ring`);
    console.log(
      `auto theme in ${scheme}: background ${background}, focus rings ${launcherRing}, ${dialogRing}`,
    );
    await context.close();
  }
}

/** Outline of the element focused inside the widget, or '' when it shows none. */
function focusRing(page) {
  return page.evaluate(() => {
    const active = document.querySelector('rapport-widget').shadowRoot.activeElement;
    if (!active) return '';
    const style = getComputedStyle(active);
    return style.outlineStyle === 'none' || style.outlineWidth === '0px'
      ? ''
      : `${style.outlineWidth} ${style.outlineStyle}`;
  });
}

function serveStatic(dir) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.png': 'image/png' };
  return new Promise((resolve) => {
    const server = createServer(async (request, response) => {
      const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname));
      if (!/^\/(docs|dist)\//.test(path)) return response.writeHead(404).end();
      try {
        const body = await readFile(join(dir, path));
        response.writeHead(200, { 'content-type': types[extname(path)] ?? 'text/plain' });
        response.end(body);
      } catch {
        response.writeHead(404).end();
      }
    });
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}
