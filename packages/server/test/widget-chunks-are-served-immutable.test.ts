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

const app = staticFileRoutes({
  rootDir: siteDir,
  widgetPath: join(widgetDir, 'rapport.js'),
  widgetVersion: '1.2.3',
});
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

it('serves rapport.js under its version forever, and says which version it has', async () => {
  const pinned = await app.request('/rapport@1.2.3.js');
  expect(pinned.status).toBe(200);
  expect(await pinned.text()).toBe('core();');
  expect(pinned.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  const other = await app.request('/rapport@1.2.4.js');
  expect(other.status).toBe(404);
  expect((await other.json()).message).toContain('/rapport@1.2.3.js');
});

it('lets any page read the widget scripts in CORS mode, as an integrity check needs', async () => {
  for (const path of ['/rapport.js', '/rapport@1.2.3.js', '/rapport-ui-3f9a2c1b.js']) {
    const response = await app.request(path, { headers: { origin: 'https://shop.example' } });
    expect(response.headers.get('access-control-allow-origin'), path).toBe('*');
  }
});
