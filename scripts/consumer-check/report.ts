import { reasonOf } from './check-failure';

/** One check's outcome, as printed and as counted in the summary. */
export interface CheckResult {
  name: string;
  ok: boolean;
  ms: number;
  reason?: string;
}

/** Prints each named check as it ends (✓ or ✗, its time, and why it failed) and counts them. */
export interface Report {
  /** Runs `body`; a throw fails the check. Returns the body's value, or undefined on failure. */
  check<T>(name: string, body: () => Promise<T>): Promise<T | undefined>;
  readonly results: readonly CheckResult[];
}

const INDENT = '      ';

function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function indent(text: string): string {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => INDENT + line)
    .join('\n');
}

/** A report that prints to stdout (or `write`) as each check ends. */
export function createReport(write: (text: string) => void = (text) => process.stdout.write(text)) {
  const results: CheckResult[] = [];

  const report: Report = {
    results,
    async check(name, body) {
      const startedAt = performance.now();
      try {
        const value = await body();
        const ms = performance.now() - startedAt;
        results.push({ name, ok: true, ms });
        write(`  ✓ ${name} (${formatSeconds(ms)})\n`);
        return value;
      } catch (error) {
        const ms = performance.now() - startedAt;
        const reason = reasonOf(error);
        results.push({ name, ok: false, ms, reason });
        write(`  ✗ ${name} (${formatSeconds(ms)})\n${indent(reason)}\n`);
        return undefined;
      }
    },
  };
  return report;
}

/** The closing lines: what failed, listed again so it is not lost in the scroll, and the counts. */
export function formatSummary(results: readonly CheckResult[], totalMs: number): string {
  const failed = results.filter((result) => !result.ok);
  const lines = [''];
  if (failed.length > 0) {
    lines.push('Failed:');
    for (const result of failed) lines.push(`  ✗ ${result.name}`);
    lines.push('');
  }
  lines.push(
    `${results.length - failed.length} passed, ${failed.length} failed (${formatSeconds(totalMs)})`,
  );
  return `${lines.join('\n')}\n`;
}
