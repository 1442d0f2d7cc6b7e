import type { Page } from 'playwright-core';

/** One `securitypolicyviolation` event, as recorded in the page. */
export interface Violation {
  directive: string;
  blockedURI: string;
  sample: string;
}

/**
 * Records every CSP violation from the very start of each document. The recorder is injected
 * by the browser (not by a page script), so the policy under test does not block it.
 */
export async function recordCspViolations(page: Page): Promise<() => Promise<Violation[]>> {
  await page.addInitScript(() => {
    const seen: Violation[] = [];
    (window as unknown as { __violations: Violation[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push({
        directive: event.violatedDirective,
        blockedURI: event.blockedURI,
        sample: event.sample,
      });
    });
  });
  const consoleReports: Violation[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) {
      consoleReports.push({ directive: 'console', blockedURI: '', sample: message.text() });
    }
  });
  return async () => [
    ...(await page.evaluate(
      () => (window as unknown as { __violations: Violation[] }).__violations,
    )),
    ...consoleReports,
  ];
}
