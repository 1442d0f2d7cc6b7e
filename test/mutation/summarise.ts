import { readFileSync } from 'node:fs';

/** The parts of Stryker's JSON report (mutation-testing-report-schema) this summary reads. */
export interface MutationReport {
  files: Record<
    string,
    {
      source: string;
      mutants: {
        id: string;
        mutatorName: string;
        replacement?: string;
        status: string;
        location: { start: { line: number; column: number } };
      }[];
    }
  >;
}

/** A survivor judged equivalent (no test can tell it apart), with the reason. */
interface Equivalent {
  file: string;
  line: number;
  mutator: string;
  /** Only the mutant with this replacement, when one line has several of the same mutator. */
  replacement?: string;
  reason: string;
}

const EQUIVALENT: Equivalent[] = JSON.parse(
  readFileSync(new URL('./equivalent.json', import.meta.url), 'utf8'),
);

const DETECTED = new Set(['Killed', 'Timeout']);
const COUNTED = new Set(['Killed', 'Timeout', 'Survived', 'NoCoverage']);

type Mutant = MutationReport['files'][string]['mutants'][number];

function equivalentFor(file: string, mutant: Mutant): Equivalent | undefined {
  return EQUIVALENT.find(
    (e) =>
      file.endsWith(e.file) &&
      e.line === mutant.location.start.line &&
      e.mutator === mutant.mutatorName &&
      (e.replacement === undefined || e.replacement === mutant.replacement),
  );
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${((part / whole) * 100).toFixed(1)} %`;
}

/**
 * The markdown report: per file, detected / survived / no coverage and the score; then every
 * survivor with its line, mutator and replacement, marked when it is a known equivalent.
 * The score counts equivalent survivors as detected (they cannot be killed by any test).
 */
export function summarise(reports: { target: string; report: MutationReport }[], at: Date): string {
  const lines = [
    '# Mutation testing report',
    '',
    `Written by \`npm run mutate\` on ${at.toISOString().slice(0, 10)}. Stryker 9.6 with the vitest runner, \`perTest\` coverage.`,
    'Score = (killed + timed out + equivalent) ÷ (all mutants that compile). Equivalent survivors are listed in `equivalent.json` with the reason.',
    '',
    '| target | file | mutants | killed | survived | no coverage | equivalent | score |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const survivors: string[] = [];
  let allCounted = 0;
  let allDetected = 0;
  for (const { target, report } of reports) {
    for (const [file, { mutants, source }] of Object.entries(report.files).sort()) {
      const counted = mutants.filter((m) => COUNTED.has(m.status));
      const killed = counted.filter((m) => DETECTED.has(m.status)).length;
      const alive = counted.filter((m) => !DETECTED.has(m.status));
      const equivalent = alive.filter((m) => equivalentFor(file, m)).length;
      const survived = alive.filter((m) => m.status === 'Survived').length;
      const uncovered = alive.filter((m) => m.status === 'NoCoverage').length;
      allCounted += counted.length;
      allDetected += killed + equivalent;
      lines.push(
        `| ${target} | \`${file}\` | ${counted.length} | ${killed} | ${survived} | ${uncovered} | ${equivalent} | ${percent(killed + equivalent, counted.length)} |`,
      );
      const sourceLines = source.split('\n');
      for (const m of alive) {
        const known = equivalentFor(file, m);
        const code = (sourceLines[m.location.start.line - 1] ?? '').trim().slice(0, 90);
        survivors.push(
          `- \`${file}:${m.location.start.line}\` ${m.mutatorName}${m.replacement ? ` → \`${m.replacement.replace(/\s+/g, ' ').slice(0, 60)}\`` : ''} (${m.status})${known ? ` — equivalent: ${known.reason}` : ''}\n  \`${code}\``,
        );
      }
    }
  }
  lines.push('', `**Overall: ${percent(allDetected, allCounted)}** of ${allCounted} mutants.`, '');
  lines.push('## Survivors', '', ...(survivors.length ? survivors : ['None.']), '');
  return lines.join('\n');
}
