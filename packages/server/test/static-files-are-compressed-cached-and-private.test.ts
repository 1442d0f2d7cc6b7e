import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { readCliConfig } from '../src/cli-config';
import { staticFileRoutes } from '../src/static-files';

const dir = mkdtempSync(join(tmpdir(), 'rapport-static-'));
const site = join(dir, 'site');
const consoleDir = join(dir, 'console');
const widget = join(dir, 'rapport.js');
mkdirSync(site);
mkdirSync(join(consoleDir, 'assets'), { recursive: true });
const bundle = `/* widget */${'window.rapport=function(){return 42};'.repeat(200)}`;
writeFileSync(widget, bundle);
writeFileSync(join(site, 'index.html'), '<!doctype html><title>Shop</title>');
writeFileSync(join(consoleDir, 'index.html'), '<!doctype html><title>Console</title>');
writeFileSync(join(consoleDir, 'assets', 'main-C9bdtxI0.js'), 'console.log(1);');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const app = staticFileRoutes({ rootDir: site, widgetPath: widget, consoleDir });
app.onError((error, c) => c.json({ message: error.message }, 404));
const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });
const bytes = async (response: Response) => Buffer.from(await response.arrayBuffer());

describe('/rapport.js delivery', () => {
  it('compresses by Accept-Encoding: brotli first, then gzip, else none', async () => {
    const br = await get('/rapport.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers.get('content-encoding')).toBe('br');
    const brBody = await bytes(br);
    expect(brBody.byteLength).toBeLessThan(bundle.length / 5);
    expect(brotliDecompressSync(brBody).toString()).toBe(bundle);
    const gzip = await get('/rapport.js', { 'accept-encoding': 'gzip, br;q=0' });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(await bytes(gzip)).toString()).toBe(bundle);
    const plain = await get('/rapport.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(bundle);
    for (const response of [br, gzip, plain]) {
      expect(response.headers.get('vary')).toContain('Accept-Encoding');
      expect(response.headers.get('cache-control')).toBe('public, max-age=300');
      expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    }
  });

  it('answers 304 to a matching If-None-Match and a new ETag once the file changes', async () => {
    const first = await get('/rapport.js', { 'accept-encoding': 'br' });
    const etag = first.headers.get('etag') as string;
    expect(etag).toMatch(/^".+"$/);
    const again = await get('/rapport.js', { 'if-none-match': etag, 'accept-encoding': 'br' });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    writeFileSync(widget, `${bundle}/* v2 */`);
    const changed = await get('/rapport.js', { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(await changed.text()).toBe(`${bundle}/* v2 */`);
    writeFileSync(widget, bundle);
  });
});

describe('the console at /console/', () => {
  it('redirects /console to /console/ and serves index.html for every app route', async () => {
    const bare = await get('/console');
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/console/');
    for (const path of ['/console/', '/console/inbox', '/console/projects/p1/install']) {
      const page = await get(path);
      expect(page.status, path).toBe(200);
      expect(await page.text()).toContain('<title>Console</title>');
      expect(page.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('serves content-hashed assets by path, immutable', async () => {
    const asset = await get('/console/assets/main-C9bdtxI0.js');
    expect(asset.status).toBe(200);
    expect(await asset.text()).toBe('console.log(1);');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('says how to build the console when it is not built', async () => {
    const unbuilt = staticFileRoutes({
      rootDir: site,
      widgetPath: widget,
      consoleDir: join(dir, 'none'),
    });
    unbuilt.onError((error, c) => c.json({ message: error.message }, 404));
    const response = await unbuilt.request('/console/');
    expect(response.status).toBe(404);
    expect((await response.json()).message).toContain('npm run build -w @rapport/console');
  });
});

describe('404s', () => {
  it('say what is missing without the server’s file system', async () => {
    const unbuilt = staticFileRoutes({
      rootDir: site,
      widgetPath: join(dir, 'missing.js'),
      consoleDir: join(dir, 'none'),
    });
    unbuilt.onError((error, c) => c.json({ message: error.message }, 404));
    for (const path of ['/anything', '/rapport.js', '/console/']) {
      const response = await unbuilt.request(path);
      expect(response.status).toBe(404);
      const { message } = await response.json();
      expect(message).not.toContain(dir);
      expect(message).not.toContain(tmpdir());
    }
  });
});

describe('CLI configuration', () => {
  it('reads RAPPORT_CONSOLE_DIR and a validated RAPPORT_PUBLIC_URL without its trailing slash', () => {
    const config = readCliConfig({
      RAPPORT_CONSOLE_DIR: '/srv/console',
      RAPPORT_PUBLIC_URL: 'https://rapport.example.com/',
    });
    expect(config.consoleDir).toBe('/srv/console');
    expect(config.publicUrl).toBe('https://rapport.example.com');
    expect(readCliConfig({ RAPPORT_PUBLIC_URL: 'http://10.0.0.2:8811/rapport//' }).publicUrl).toBe(
      'http://10.0.0.2:8811/rapport',
    );
    expect(readCliConfig({}).publicUrl).toBeUndefined();
    expect(readCliConfig({}).consoleDir).toMatch(/packages\/console\/dist\/$/);
    for (const bad of ['rapport.example.com', 'ftp://x.example', 'https://x.example/?a=1']) {
      expect(() => readCliConfig({ RAPPORT_PUBLIC_URL: bad }), bad).toThrow(/RAPPORT_PUBLIC_URL/);
    }
  });
});
