import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ensureTmpDir, REPO_ROOT } from './paths';

/** One script a site owner would load, as files on disk. */
export interface Bundle {
  name: string;
  /** What exactly was measured, for the report. */
  note: string;
  files: string[];
}

const PEER_SOURCES = {
  // Sentry's documented set-up for the feedback button: the browser SDK plus its integration.
  'sentry-feedback': `import { init, feedbackIntegration } from '@sentry/browser';
init({ dsn: globalThis.BENCH_SENTRY_DSN, integrations: [feedbackIntegration({ autoInject: true })] });`,
  // The same SDK without the feedback UI, to show what the UI itself costs.
  'sentry-core': `import { init } from '@sentry/browser';
init({ dsn: globalThis.BENCH_SENTRY_DSN });`,
  // The Formbricks npm loader; it fetches the rest (js-core) from the Formbricks app at run time.
  'formbricks-loader': `import formbricks from '@formbricks/js';
formbricks.setup({ environmentId: 'bench', appUrl: globalThis.BENCH_FORMBRICKS_URL });`,
  // A bare Preact + signals hello world: the floor for any Preact UI in a script tag.
  'preact-hello': `import { h, render } from 'preact';
import { signal } from '@preact/signals';
const count = signal(0);
const App = () => h('button', { type: 'button', onClick: () => count.value++ }, 'Hello ', count);
const host = document.createElement('div');
document.body.appendChild(host);
render(h(App, null), host);`,
} as const;

export type PeerEntry = keyof typeof PEER_SOURCES;

/** Builds one peer entry into a minified IIFE, as a site owner's bundler would. */
export async function buildPeer(entry: PeerEntry): Promise<string> {
  const dir = ensureTmpDir();
  const source = join(dir, `${entry}.entry.js`);
  const outfile = join(dir, `${entry}.js`);
  writeFileSync(source, PEER_SOURCES[entry]);
  await build({
    entryPoints: [source],
    outfile,
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    nodePaths: [join(REPO_ROOT, 'node_modules')],
    logLevel: 'silent',
  });
  return outfile;
}

/** Every bundle the size table compares, peers built with esbuild in this run. */
export async function sizeBundles(widgetBundle: string, loaderSnippet: string): Promise<Bundle[]> {
  const dir = ensureTmpDir();
  const snippetFile = join(dir, 'rapport-loader-snippet.html');
  writeFileSync(snippetFile, loaderSnippet);
  const modules = join(REPO_ROOT, 'node_modules');
  const [sentryFeedback, sentryCore, formbricksLoader, preactHello] = await Promise.all([
    buildPeer('sentry-feedback'),
    buildPeer('sentry-core'),
    buildPeer('formbricks-loader'),
    buildPeer('preact-hello'),
  ]);
  return [
    {
      name: 'Rapport `rapport.js`',
      note: 'the script-tag bundle: SDK, UI, styles, two locales',
      files: [widgetBundle],
    },
    { name: 'Rapport loader snippet', note: 'inline stub + script tag', files: [snippetFile] },
    {
      name: `Sentry ${version('@sentry/browser')} + feedback`,
      note: '`init` + `feedbackIntegration()`, esbuild IIFE',
      files: [sentryFeedback],
    },
    {
      name: `Sentry ${version('@sentry/browser')} core`,
      note: '`init` only, to isolate the feedback UI',
      files: [sentryCore],
    },
    {
      name: `PostHog ${version('posthog-js')} + surveys`,
      note: 'the CDN files a site loads: `array.js` + lazy `surveys.js`',
      files: [
        join(modules, 'posthog-js/dist/array.js'),
        join(modules, 'posthog-js/dist/surveys.js'),
      ],
    },
    {
      name: `Formbricks ${version('@formbricks/js')} + surveys ${version('@formbricks/surveys')}`,
      note: 'npm loader + survey renderer (`index.umd.js`); js-core is served by the Formbricks app, not on npm, so not counted',
      files: [formbricksLoader, join(modules, '@formbricks/surveys/dist/index.umd.js')],
    },
    { name: 'Preact + signals hello world', note: 'floor for a Preact UI', files: [preactHello] },
  ];
}

function version(pkg: string): string {
  const manifest = JSON.parse(
    readFileSync(join(REPO_ROOT, 'node_modules', pkg, 'package.json'), 'utf8'),
  ) as { version: string };
  return manifest.version;
}
