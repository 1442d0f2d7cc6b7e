import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { setSurveysActive } from './helpers/admin';
import { describeInChromium } from './helpers/chromium';
import { useE2E } from './helpers/e2e-context';
import type { Page } from './helpers/pages-server';
import { REPO_ROOT } from './helpers/paths';
import { FEEDBACK_SENT, openWidget, seeText, sendFeedback } from './helpers/widget';

let outDir = '';
let built: Record<string, Page> = {};

/** The built example, served as static files by the e2e pages server. */
function servedFiles(): Record<string, Page> {
  return built;
}

describeInChromium('the Vite example with its own transport', () => {
  const e2e = useE2E({ pages: () => servedFiles() });

  beforeAll(async () => {
    await setSurveysActive(e2e.server, false);
    // Built here, against this test's server, exactly as `vite build` builds it for a user.
    outDir = mkdtempSync(join(tmpdir(), 'rapport-vite-app-'));
    const { build } = await import('vite');
    await build({
      root: join(REPO_ROOT, 'examples/vite-app'),
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true },
      define: { 'import.meta.env.VITE_RAPPORT_API': JSON.stringify(e2e.server.origin) },
    });
    built = readTree(outDir);
  });

  afterAll(() => {
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('sends every request through the custom transport, request id included', async () => {
    const { page, errors } = await e2e.visitor();
    const echoed: { sent: string | undefined; answered: string | undefined }[] = [];
    page.on('response', async (response) => {
      const request = response.request();
      if (request.url().startsWith(`${e2e.server.origin}/v1/`) && request.method() !== 'OPTIONS') {
        echoed.push({
          sent: request.headers()['x-request-id'],
          answered:
            (await response.headerValue('x-request-id').catch(() => undefined)) ?? undefined,
        });
      }
    });
    await page.goto(`${e2e.pages!.origin}/index.html`);

    await openWidget(page);
    await sendFeedback(page, 'Sent from the Vite example.');
    await seeText(page, FEEDBACK_SENT);

    // The page's own log, written by the transport wrapper, shows the batch that carried it,
    // traced by the id the server echoed.
    await seeText(page, /^POST \/v1\/batch → 200 \(\d+ ms\) · id ledgerly-/);
    expect(echoed.length).toBeGreaterThan(0);
    for (const { sent, answered } of echoed) {
      expect(sent).toMatch(/^ledgerly-[0-9a-f-]{36}$/);
      expect(answered).toBe(sent);
    }
    expect(errors).toEqual([]);
  });
});

function readTree(dir: string): Record<string, Page> {
  const files: Record<string, Page> = {};
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) walk(path);
      else
        files[`/${relative(dir, path)}`] = { body: readFileSync(path, 'utf8'), type: typeOf(name) };
    }
  };
  walk(dir);
  return files;
}

function typeOf(name: string): string {
  if (name.endsWith('.js')) return 'text/javascript; charset=utf-8';
  if (name.endsWith('.css')) return 'text/css; charset=utf-8';
  return 'text/html; charset=utf-8';
}
