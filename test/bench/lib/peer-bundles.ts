import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { build } from 'esbuild';
import { ensureTmpDir, REPO_ROOT } from './paths';

/** One script a site owner would load, as files on disk. */
export interface Bundle {
  name: string;
  /** Rapport's first load, one of its chunks, all its chunks together, its snippet, or a peer. */
  kind: 'first-load' | 'chunk' | 'chunks' | 'loader' | 'peer';
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
  const chunks = widgetChunks(widgetBundle);
  return [
    {
      name: 'Rapport `rapport.js`',
      kind: 'first-load',
      note: 'first load on every page: command queue, SDK core, launcher without Preact',
      files: [widgetBundle],
    },
    {
      name: 'Rapport loader snippet',
      kind: 'loader',
      note: 'inline stub + script tag',
      files: [snippetFile],
    },
    ...chunks.map(
      (file): Bundle => ({
        name: `Rapport \`${basename(file)}\``,
        kind: 'chunk',
        note: /-ui-/.test(file)
          ? 'chunk on intent: Preact, signals, dialog, panels, English'
          : 'chunk for French visitors only',
        files: [file],
      }),
    ),
    {
      name: 'Rapport, all chunks',
      kind: 'chunks',
      note: 'every chunk together (a visitor loads the UI and at most one locale)',
      files: chunks,
    },
    {
      name: `Sentry ${version('@sentry/browser')} + feedback`,
      kind: 'peer',
      note: '`init` + `feedbackIntegration()`, esbuild IIFE',
      files: [sentryFeedback],
    },
    {
      name: `Sentry ${version('@sentry/browser')} core`,
      kind: 'peer',
      note: '`init` only, to isolate the feedback UI',
      files: [sentryCore],
    },
    {
      name: `PostHog ${version('posthog-js')} + surveys`,
      kind: 'peer',
      note: 'the CDN files a site loads: `array.js` + lazy `surveys.js`',
      files: [
        join(modules, 'posthog-js/dist/array.js'),
        join(modules, 'posthog-js/dist/surveys.js'),
      ],
    },
    {
      name: `Formbricks ${version('@formbricks/js')} + surveys ${version('@formbricks/surveys')}`,
      kind: 'peer',
      note: 'npm loader + survey renderer (`index.umd.js`); js-core is served by the Formbricks app, not on npm, so not counted',
      files: [formbricksLoader, join(modules, '@formbricks/surveys/dist/index.umd.js')],
    },
    {
      name: 'Preact + signals hello world',
      kind: 'peer',
      note: 'floor for a Preact UI',
      files: [preactHello],
    },
  ];
}

/** The content-hashed chunks the widget build wrote beside rapport.js. */
export function widgetChunks(widgetBundle: string): string[] {
  const dir = dirname(widgetBundle);
  return readdirSync(dir)
    .filter((file) => /^rapport-.+\.js$/.test(file))
    .sort()
    .map((file) => join(dir, file));
}

function version(pkg: string): string {
  const manifest = JSON.parse(
    readFileSync(join(REPO_ROOT, 'node_modules', pkg, 'package.json'), 'utf8'),
  ) as { version: string };
  return manifest.version;
}
