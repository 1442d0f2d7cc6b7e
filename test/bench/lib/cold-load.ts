import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { basename, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { LOADER_STUB } from '../../e2e/helpers/host-page';
import { median } from './stats';

/** One page of the cold-load comparison. */
export interface LoadPage {
  name: string;
  /** Markup for `<head>` after the instrumentation. */
  head: string;
  /** Extra markup at the end of `<body>`. */
  body?: string;
}

/** Median time from navigation start to the first `<button>` in the DOM, per CPU rate. */
export interface LoadRow {
  name: string;
  /** CPU throttling rate → median milliseconds. */
  medians: Record<number, number>;
  /** CPU throttling rate → every sample, in run order. */
  samples: Record<number, number[]>;
  /** CPU throttling rate → main-thread script milliseconds until the button + 1 s, per run. */
  script: Record<number, number[]>;
  /**
   * CPU throttling rate → per run, when the page's first script was requested and when its
   * last byte arrived (Resource Timing, ms since navigation); empty for a page without one.
   */
  fetches: Record<number, Array<{ requested: number; received: number }>>;
}

/** How long after the button appears the main-thread script time is read. */
const SCRIPT_WINDOW_MS = 1000;

/**
 * Runs before anything else on every page: records `performance.now()` (milliseconds since
 * navigation start) the first time a `<button>` exists, in the document or in any shadow
 * root — the widgets render their launcher inside one, so `attachShadow` is observed too.
 */
const INSTRUMENTATION = `<script>(() => {
  const seen = (root) => {
    if (window.__buttonAt === undefined && root.querySelector('button')) window.__buttonAt = performance.now();
  };
  const watch = (root) => {
    new MutationObserver(() => seen(root)).observe(root, { childList: true, subtree: true });
    seen(root);
  };
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) { const root = attach.call(this, init); watch(root); return root; };
  watch(document);
})();</script>`;

/** Builds the four pages: Rapport's snippet, Sentry's feedback button, bare Preact, control. */
export function loadPages(api: string, sentryDsn: string): LoadPage[] {
  return [
    {
      name: 'Rapport (script tag, launcher)',
      head: `<script>${LOADER_STUB}</script>
<script async src="/rapport.js" data-key="pk_demo" data-api="${api}"></script>`,
    },
    {
      name: 'Sentry feedback button',
      head: `<script>window.BENCH_SENTRY_DSN = ${JSON.stringify(sentryDsn)};</script>
<script async src="/sentry-feedback.js"></script>`,
    },
    {
      name: 'Preact + signals hello world',
      head: '<script async src="/preact-hello.js"></script>',
    },
    {
      name: 'Empty control page (static button)',
      head: '',
      body: '<button type="button">Control</button>',
    },
  ];
}

function pageHtml(page: LoadPage): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${page.name}</title>
${INSTRUMENTATION}
${page.head}
</head><body><main><h1>Bench page</h1><p>Some host page content.</p>${page.body ?? ''}</main></body></html>`;
}

/** Serves the pages as `/page-<n>.html` and the bundles from `scripts` (name → file). */
export async function startLoadServer(
  pages: () => LoadPage[],
  scripts: Record<string, string>,
): Promise<{ origin: string; server: Server }> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const pageMatch = /^\/page-(\d+)\.html$/.exec(path);
    const page = pageMatch ? pages()[Number(pageMatch[1])] : undefined;
    if (page) {
      const html = pageHtml(page);
      response.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
      });
      response.end(html);
      return;
    }
    const script = scripts[path.slice(1)];
    if (script) {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      response.end(readFileSync(script));
      return;
    }
    // Sentry's session envelope and anything else: answered locally, never forwarded.
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { origin: `http://127.0.0.1:${port}`, server };
}

/**
 * Loads every page `runs` times per CPU rate, each time in a fresh browser context (empty
 * cache: a cold load), interleaving pages so drift on the machine hits all of them alike.
 */
export async function measureColdLoads(
  browser: Browser,
  origin: string,
  pages: LoadPage[],
  options: { runs: number; rates: number[] },
): Promise<LoadRow[]> {
  const rows: LoadRow[] = pages.map((page) => ({
    name: page.name,
    medians: {},
    samples: {},
    script: {},
    fetches: {},
  }));
  for (const rate of options.rates) {
    for (const row of rows) {
      row.samples[rate] = [];
      row.script[rate] = [];
      row.fetches[rate] = [];
    }
    for (let run = 0; run < options.runs; run++) {
      for (const [index, row] of rows.entries()) {
        const load = await loadOnce(browser, `${origin}/page-${index}.html`, rate);
        row.samples[rate]!.push(load.buttonAt);
        row.script[rate]!.push(load.scriptMs);
        if (load.fetch) row.fetches[rate]!.push(load.fetch);
      }
    }
    for (const row of rows) row.medians[rate] = median(row.samples[rate]!);
  }
  return rows;
}

async function loadOnce(
  browser: Browser,
  url: string,
  rate: number,
): Promise<{
  buttonAt: number;
  scriptMs: number;
  fetch: { requested: number; received: number } | undefined;
}> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    // ScriptDuration: time the renderer's main thread spent running script, this document.
    await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(
      () => (window as { __buttonAt?: number }).__buttonAt !== undefined,
      null,
      {
        timeout: 30_000,
        polling: 50,
      },
    );
    const buttonAt = await page.evaluate(
      () => (window as unknown as { __buttonAt: number }).__buttonAt,
    );
    // Wait out the window from Node, not by polling in the page (which would run script there).
    const now = await page.evaluate(() => performance.now());
    await page.waitForTimeout(Math.max(0, buttonAt + SCRIPT_WINDOW_MS - now));
    const { metrics } = await cdp.send('Performance.getMetrics');
    const script = metrics.find((metric) => metric.name === 'ScriptDuration')?.value ?? Number.NaN;
    // Read after the window, so this evaluation is not counted in ScriptDuration.
    const fetch = await page.evaluate(() => {
      const entry = performance
        .getEntriesByType('resource')
        .find((resource) => /\.js$/.test(new URL(resource.name).pathname)) as
        | PerformanceResourceTiming
        | undefined;
      return entry ? { requested: entry.startTime, received: entry.responseEnd } : undefined;
    });
    return { buttonAt, scriptMs: script * 1000, fetch };
  } finally {
    await context.close();
  }
}

export function scriptFiles(
  tmpDir: string,
  widgetBundle: string,
  widgetChunks: string[],
): Record<string, string> {
  return {
    'rapport.js': widgetBundle,
    // The chunks rapport.js loads on intent, from the folder it came from.
    ...Object.fromEntries(widgetChunks.map((file) => [basename(file), file])),
    'sentry-feedback.js': join(tmpDir, 'sentry-feedback.js'),
    'preact-hello.js': join(tmpDir, 'preact-hello.js'),
  };
}
