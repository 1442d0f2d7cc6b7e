import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { describe } from 'vitest';

/** Debian's Chromium; override with `CHROMIUM_PATH`. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that keep a headless run quiet, offline and deterministic on a small CI box. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** True when the suite can run: Chromium is installed where we look for it. */
export const chromiumAvailable = existsSync(CHROMIUM_PATH);

/** With `RAPPORT_REQUIRE_SERVICES=1` (CI) a missing browser fails the run instead of skipping. */
export const servicesRequired = process.env.RAPPORT_REQUIRE_SERVICES === '1';

/** Launches one headless Chromium; each test file owns one and closes it in `afterAll`. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/**
 * `describe` when Chromium is there; otherwise a loudly announced skip, so a developer
 * without a browser still gets a green unit run and knows what did not run.
 */
export const describeInChromium: typeof describe = chromiumAvailable
  ? describe
  : (((name: string, ...rest: unknown[]) => {
      console.warn(
        `\n  ⚠  e2e: "${name}" SKIPPED — no Chromium at ${CHROMIUM_PATH}. ` +
          'Install chromium or set CHROMIUM_PATH to run the end-to-end tests.\n',
      );
      return (describe.skip as (...args: unknown[]) => unknown)(name, ...rest);
    }) as unknown as typeof describe);
