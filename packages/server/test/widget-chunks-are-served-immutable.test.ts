import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { staticFileRoutes } from '../src/static-files';

const dir = mkdtempSync(join(tmpdir(), 'rapport-chunks-'));
const widgetDir = join(dir, 'dist');
const siteDir = join(dir, 'site');
mkdirSync(widgetDir);
mkdirSync(siteDir);
writeFileSync(join(widgetDir, 'rapport.js'), 'core();');
writeFileSync(join(widgetDir, 'rapport-ui-3f9a2c1b.js'), 'ui();');
writeFileSync(join(widgetDir, 'secret.js'), 'nope();');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const app = staticFileRoutes({ rootDir: siteDir, widgetPath: join(widgetDir, 'rapport.js') });
app.onError((error, c) => c.json({ message: error.message }, 404));

it('serves a content-hashed chunk from beside rapport.js, cached for a year', async () => {
  const response = await app.request('/rapport-ui-3f9a2c1b.js');
  expect(response.status).toBe(200);
  expect(await response.text()).toBe('ui();');
  expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
  expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  // rapport.js itself keeps its name across versions, so it is cached briefly, not immutable.
  const core = await app.request('/rapport.js');
  expect(core.headers.get('cache-control')).toBe('public, max-age=300');
});

it('serves nothing else from the widget folder', async () => {
  for (const path of ['/secret.js', '/rapport-ui-00000000.js', '/rapport-ui-3F9A2C1B.js']) {
    expect((await app.request(path)).status, path).toBe(404);
  }
});
