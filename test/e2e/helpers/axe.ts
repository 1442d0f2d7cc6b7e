import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** A violation reduced to what a failing assertion should print. */
export interface AxeFinding {
  rule: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core (every default rule: WCAG 2.x A/AA and best practices) on the widget only,
 * its open shadow root included, and returns the violations.
 */
export function axeWidget(page: Page): Promise<AxeFinding[]> {
  return runAxe(page, { include: [['rapport-widget']] });
}

/** Runs axe-core (every default rule) on the whole document, e.g. a console page. */
export function axePage(page: Page): Promise<AxeFinding[]> {
  return runAxe(page, null);
}

async function runAxe(page: Page, context: unknown): Promise<AxeFinding[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async (scope) => {
    const axe = (window as unknown as { axe: AxeApi }).axe;
    const result = await axe.run(scope ?? document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => JSON.stringify(node.target)),
    }));
  }, context);
}

interface AxeApi {
  run(
    context: unknown,
    options: unknown,
  ): Promise<{
    violations: {
      id: string;
      impact: string | null;
      help: string;
      nodes: { target: unknown }[];
    }[];
  }>;
}
