/**
 * `npm run bench`: measures Rapport beside its peers in one run and writes test/bench/REPORT.md.
 * Talks only to localhost, stops by itself, and takes a few minutes on two cores.
 * Environment: BENCH_RUNS (cold loads per page and rate, default 10), BENCH_INGEST_SECONDS
 * (default 20), TEST_DATABASE_URL or DATABASE_URL (PostgreSQL for the ingest run).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { setSurveysActive } from '../e2e/helpers/admin';
import { CHROMIUM_PATH, launchChromium } from '../e2e/helpers/chromium';
import { LOADER_STUB } from '../e2e/helpers/host-page';
import { startRapportServer } from '../e2e/helpers/rapport-server';
import { loadPages, measureColdLoads, scriptFiles, startLoadServer } from './lib/cold-load';
import { measureIngest } from './lib/ingest';
import { measureModuleShares } from './lib/module-shares';
import { measureOpenDialog } from './lib/open-dialog';
import { ensureTmpDir, REPORT_PATH, WIDGET_BUNDLE } from './lib/paths';
import { sizeBundles, widgetChunks } from './lib/peer-bundles';
import { type BenchResults, renderReport } from './lib/report';
import { measureSizes } from './lib/sizes';
import { buildWidgetIfStale } from './lib/widget-build';

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
/**
 * What runs besides the sizes: `browser` (cold loads and opens in Chromium) and `ingest`.
 * `BENCH_SECTIONS=browser` keeps the last report's ingest figures, for a widget change.
 */
const SECTIONS = (process.env.BENCH_SECTIONS ?? 'browser,ingest').split(',');
const RATES = [1, 4];

/** The documented loader snippet as a site owner pastes it. */
const LOADER_SNIPPET = `<script>${LOADER_STUB}</script>
<script async src="https://rapport.example.com/rapport.js" data-key="pk_live_xxxxxxxxxxxx"></script>`;

async function main(): Promise<void> {
  const startedAt = new Date();
  const step = (label: string) => console.log(`bench: ${label} (${elapsed(startedAt)})`);
  const tmp = ensureTmpDir();

  step('building the widget bundle if stale');
  buildWidgetIfStale();
  const haveWidget = existsSync(WIDGET_BUNDLE);

  step('bundle sizes');
  const sizes = await measureSizes(await sizeBundles(WIDGET_BUNDLE, LOADER_SNIPPET)).catch(
    (error: unknown) => `Not measured: ${describe(error)}`,
  );

  step("what takes rapport.js's bytes");
  const modules = haveWidget
    ? await Promise.resolve()
        .then(measureModuleShares)
        .catch((error: unknown) => `Not measured: ${describe(error)}`)
    : `Not measured: ${WIDGET_BUNDLE} is missing and could not be built.`;

  step('cold loads in Chromium');
  const loads = !SECTIONS.includes('browser')
    ? 'Not measured in this run (`BENCH_SECTIONS`).'
    : haveWidget
      ? await measureLoads(tmp).catch((error: unknown) => `Not measured: ${describe(error)}`)
      : `Not measured: ${WIDGET_BUNDLE} is missing and could not be built.`;

  let ingest = keptSection('## Ingest');
  if (SECTIONS.includes('ingest')) {
    step('ingest throughput');
    ingest = await measureIngest().catch((error: unknown) => `Not measured: ${describe(error)}`);
  }

  const results: BenchResults = {
    startedAt,
    environment: [
      `CPU: ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM`,
      `Node ${process.version}, ${await chromiumVersion()}`,
      `Load average at start: ${loadavg()
        .map((load) => load.toFixed(1))
        .join(
          ', ',
        )} — a shared machine (other engineers' tests and a mutation run), so absolute times are noisy; compare within this run`,
      `Total bench time: ${elapsed(startedAt)}`,
    ],
    sizes,
    modules,
    loads,
    ingest,
  };
  writeFileSync(REPORT_PATH, renderReport(results));
  step(`wrote ${REPORT_PATH}`);
}

async function measureLoads(tmp: string) {
  let api = '';
  const sentryDsn = () => `${load.origin.replace('http://', 'http://bench@')}/1`;
  const load = await startLoadServer(
    () => loadPages(api, sentryDsn()),
    scriptFiles(tmp, WIDGET_BUNDLE, widgetChunks(WIDGET_BUNDLE)),
  );
  const [server, browser] = await Promise.all([
    startRapportServer({ demoOrigins: [load.origin] }),
    launchChromium(),
  ]);
  api = server.origin;
  try {
    // No survey due: the UI chunk then loads only on intent, which is what is measured here.
    await setSurveysActive(server, false);
    const pages = loadPages(api, sentryDsn());
    const rows = await measureColdLoads(browser, load.origin, pages, { runs: RUNS, rates: RATES });
    const open = await measureOpenDialog(browser, `${load.origin}/page-0.html`, {
      runs: RUNS,
      rates: RATES,
    });
    return { rows, open, runs: RUNS, rates: RATES };
  } finally {
    await Promise.all([browser.close(), server.close()]);
    load.server.close();
  }
}

/** A section of the last report, for a run that did not measure it again. */
function keptSection(heading: string): string {
  const last = existsSync(REPORT_PATH) ? readFileSync(REPORT_PATH, 'utf8') : '';
  const generated = /Generated by `npm run bench` on (\S+Z)/.exec(last)?.[1] ?? 'an earlier run';
  const body = last.split(/^(?=## )/m).find((section) => section.startsWith(heading));
  if (!body) return 'Not measured in this run (`BENCH_SECTIONS`).';
  const text = body.split('\n').slice(1).join('\n').trim();
  return `Not measured in this run (\`BENCH_SECTIONS=${SECTIONS.join(',')}\`); kept from the run of ${generated}.\n\n${text.replace(/^Not measured in this run[^\n]*\n\n/, '')}`;
}

async function chromiumVersion(): Promise<string> {
  try {
    const browser = await launchChromium();
    const version = browser.version();
    await browser.close();
    return `Chromium ${version} (${CHROMIUM_PATH})`;
  } catch {
    return `Chromium not available at ${CHROMIUM_PATH}`;
  }
}

function elapsed(since: Date): string {
  return `${((Date.now() - since.getTime()) / 1000).toFixed(0)} s`;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
