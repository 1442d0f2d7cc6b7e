import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { REPO_ROOT } from './paths';

/** One source module's part of `rapport.js`. */
export interface ModuleShare {
  source: string;
  /** Minified bytes of its output. */
  min: number;
  /** Brotli bytes the file loses without this module's output. */
  brotli: number;
}

/**
 * What takes `rapport.js`'s bytes, module by module, as the widget's size script computes it
 * from the build's source map (`npm run size -w @rapport/widget -- --json`).
 */
export function measureModuleShares(): ModuleShare[] {
  const widget = `${REPO_ROOT}packages/widget`;
  try {
    execFileSync(process.execPath, ['scripts/size.mjs', '--json'], {
      cwd: widget,
      stdio: 'ignore',
    });
  } catch {
    // It exits 1 while rapport.js is over its budget; the figures are written all the same.
  }
  return JSON.parse(readFileSync(`${widget}/dist/size-by-module.json`, 'utf8')) as ModuleShare[];
}

/** The groups the report sums modules into, by what they do for the visitor. */
export const MODULE_GROUPS: Array<[string, RegExp]> = [
  [
    'launcher: drawing, stylesheet, options, strings, config cache',
    /src\/(core\/(mount-launcher|launcher-view|attach-host|config-cache|create-mount|widget-handle)|styles\/|options|i18n\/)/,
  ],
  [
    'SDK outbox: queue, send loop, receipts, retry clock, backoff, answer table, batches',
    /outbox\/(queue|send-loop|outbox|waiters|classify-response|retry-clock|backoff|batches|send-batch|byte-length|is-offline|resolve-options)\./,
  ],
  [
    'SDK message builders and argument checks with their messages',
    /build-messages|validate\/checks|feedback-context|to-json|id-pattern|vocabulary|create-id/,
  ],
  [
    'SDK client, consent lifecycle, identity, events, errors, beforeSend',
    /sdk\/src\/(client|lifecycle|identity|emitter|errors|before-send|pending-surveys)\./,
  ],
  [
    'command queue and script-tag entry',
    /loader\/(command-api|queued-calls)|script-tag|report-error/,
  ],
  [
    'SDK reads (config, surveys, loyalty, inbox), redeem, fetch transport',
    /sdk\/src\/(reader|reads|redeem)\.|transports\/(fetch|read-response)/,
  ],
  [
    'SDK per-tab queues: tab queues, send lease, orphan adoption',
    /outbox\/(tab-queues|lease|adopt-orphans)\.|storage\/listable/,
  ],
  ['chunk loader with retries', /script-chunks|ui-loader|load-with-retry|hand-over|RAPPORT_CHUNKS/],
  ['SDK pagehide beacon', /transports\/beacon|beacon-drain|page-lifecycle/],
  ["the site's own button (`attachTo`)", /attach-trigger/],
  [
    'SDK storage (guarded localStorage, memory fallback)',
    /storage\/(local-storage-store|memory-store)/,
  ],
];
