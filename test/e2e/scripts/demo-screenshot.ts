/**
 * Regenerates docs/demo.png: the storefront with the widget open, as `npm start` serves it.
 * Run from the repository root: `npx tsx test/e2e/scripts/demo-screenshot.ts`.
 * It starts `npm start` on port 8787 (the storefront's snippet points there) with a throwaway
 * database, so the shot always shows the freshly seeded demo, and stops it afterwards.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../helpers/chromium';
import { REPO_ROOT } from '../helpers/paths';
import { openWidget, widget } from '../helpers/widget';

const ORIGIN = 'http://localhost:8787';
const OUTPUT = join(REPO_ROOT, 'docs/demo.png');

async function main(): Promise<void> {
  if (await answers(`${ORIGIN}/health`)) {
    throw new Error(`${ORIGIN} is already in use; stop that server first.`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'rapport-demo-shot-'));
  const server = spawn('npm', ['start'], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '8787', RAPPORT_DATA_DIR: dataDir, DATABASE_URL: '' },
    stdio: 'ignore',
    detached: true,
  });
  const browser = await launchChromium();
  try {
    await waitFor(`${ORIGIN}/health`, server);
    // A calm shot: the survey would cover the dialog.
    await deactivateSurveys();
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    // Sign the demo customer in on the account page; the identity persists across pages.
    await page.goto(`${ORIGIN}/account.html`);
    await page.getByText('Signed in to Rapport').waitFor();
    await page.goto(`${ORIGIN}/`);
    await openWidget(page);
    await widget.tab(page, 'Rewards').click();
    await page.getByRole('progressbar').waitFor({ state: 'visible' });
    await page.mouse.move(0, 0);
    await page.waitForTimeout(300);
    await page.screenshot({ path: OUTPUT });
    console.log(`wrote ${OUTPUT}`);
  } finally {
    await browser.close();
    stop(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function deactivateSurveys(): Promise<void> {
  const headers = { authorization: 'Bearer sk_demo', 'content-type': 'application/json' };
  const list = (await (await fetch(`${ORIGIN}/v1/admin/surveys`, { headers })).json()) as {
    items: { id: string }[];
  };
  for (const survey of list.items) {
    await fetch(`${ORIGIN}/v1/admin/surveys/${survey.id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ active: false }),
    });
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

async function waitFor(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error('npm start exited early');
    if (await answers(url)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within 90 s`);
}

/** npm start runs the CLI in a child: signal the whole process group. */
function stop(server: ChildProcess): void {
  if (server.pid) process.kill(-server.pid, 'SIGTERM');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
