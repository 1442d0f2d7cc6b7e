// `npm run mutate [sdk|server|widget]`: runs Stryker on the files that carry a guarantee and
// writes test/mutation/REPORT.md from the JSON reports. Too slow for `npm test` (minutes per
// target on two cores); run it after changing one of the mutated files.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type MutationReport, summarise } from './summarise';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TARGETS = ['sdk', 'server', 'widget'] as const;
type Target = (typeof TARGETS)[number];

function reportPath(target: Target): string {
  return `${ROOT}test/mutation/reports/${target}.json`;
}

/** The server's mutants run on PGlite alone: PostgreSQL would double the time, not the code. */
function envFor(target: Target): NodeJS.ProcessEnv {
  if (target !== 'server') return process.env;
  const { TEST_DATABASE_URL, TEST_REDIS_URL, RAPPORT_REQUIRE_SERVICES, ...rest } = process.env;
  return rest;
}

function run(target: Target): void {
  const result = spawnSync('npx', ['stryker', 'run', `test/mutation/${target}.config.mjs`], {
    cwd: ROOT,
    stdio: 'inherit',
    env: envFor(target),
  });
  if (result.status !== 0) throw new Error(`stryker for ${target} exited with ${result.status}`);
}

const asked = process.argv.slice(2).filter((arg): arg is Target => TARGETS.includes(arg as Target));
for (const target of asked.length > 0 ? asked : TARGETS) run(target);

const reports = TARGETS.filter((target) => existsSync(reportPath(target))).map((target) => ({
  target,
  report: JSON.parse(readFileSync(reportPath(target), 'utf8')) as MutationReport,
}));
writeFileSync(`${ROOT}test/mutation/REPORT.md`, summarise(reports, new Date()));
process.stdout.write('Wrote test/mutation/REPORT.md\n');
