import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { ensureWidgetBundle } from '../../../scripts/widget-bundle';

const dist = join(import.meta.dirname, '../dist');
const read = (file: string) => readFileSync(join(dist, file), 'utf8');

/** Files `file` imports statically (`import … from "./x.js"`), followed transitively. */
function staticGraph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = read(file);
  for (const [, spec] of text.matchAll(/\bfrom\s*["']([^"']+)["']/g)) {
    if (spec?.startsWith('./')) staticGraph(join(file, '..', spec), seen);
    else if (spec) seen.add(spec);
  }
  return seen;
}

beforeAll(() => {
  // Rebuilt when older than any source it bundles (widget, SDK, protocol).
  ensureWidgetBundle();
}, 60_000);

test('the ESM entry reaches Preact, signals and the panels only through import()', () => {
  const graph = staticGraph('index.js');
  // What a bundler puts in the app's first chunk: no UI framework, no dialog.
  expect([...graph].filter((file) => /preact/.test(file))).toEqual([]);
  for (const file of graph) {
    if (file.endsWith('.js')) expect(/role:\s*"dialog"|"aria-modal"/.test(read(file))).toBe(false);
  }

  const lazy = [...read('index.js').matchAll(/import\(\s*["'](\.\/chunks\/[^"']+)["']\s*\)/g)];
  const files = lazy.map((match) => match[1]);
  expect(files).toHaveLength(2);
  const [ui, fr] = [files.find((f) => /\/ui-/.test(f!)), files.find((f) => /\/fr-/.test(f!))];
  expect(ui && fr).toBeTruthy();
  // The UI chunk brings the framework (left external for the app's bundler to share)…
  expect(staticGraph(ui!).has('preact')).toBe(true);
  // …and the French strings are a chunk of their own, loaded only for French.
  expect(read(fr!)).toContain('Comment pouvons-nous vous aider ?');
  expect(read('index.js')).not.toContain('Comment pouvons-nous vous aider ?');
});
