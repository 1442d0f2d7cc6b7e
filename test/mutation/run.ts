// `npm run mutate [sdk|server|widget] [server group…]`: runs Stryker on the files that carry a
// guarantee and writes test/mutation/REPORT.md from the JSON reports. Too slow for `npm test`
// (minutes per target on two cores); run it after changing one of the mutated files. The server
// runs group by group (server-groups.ts), each with only its own test files: `npm run mutate
// server nps` reruns one group and keeps the others' last reports.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SERVER_GROUPS, type ServerGroupName } from './server-groups';
import { type MutationReport, summarise } from './summarise';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TARGETS = ['sdk', 'server', 'widget'] as const;
type Target = (typeof TARGETS)[number];

const REPORTS = `${ROOT}test/mutation/reports/`;
const GROUPS = Object.keys(SERVER_GROUPS) as ServerGroupName[];

/** A target's report files: the server's are one per group (server-<group>.json). */
function reportPaths(target: Target): string[] {
  if (!existsSync(REPORTS)) return [];
  const own = new RegExp(`^${target}(-[a-z-]+)?\\.json$`);
  return readdirSync(REPORTS)
    .filter((name) => own.test(name))
    .map((name) => REPORTS + name);
}

/** One report of all a target's files (the server's groups mutate disjoint files). */
function reportOf(target: Target): MutationReport {
  const files: MutationReport['files'] = {};
  for (const path of reportPaths(target)) {
    Object.assign(files, (JSON.parse(readFileSync(path, 'utf8')) as MutationReport).files);
  }
  return { files };
}

/** The server's mutants run on PGlite alone: PostgreSQL would double the time, not the code. */
function envFor(target: Target): NodeJS.ProcessEnv {
  if (target !== 'server') return process.env;
  const { TEST_DATABASE_URL, TEST_REDIS_URL, RAPPORT_REQUIRE_SERVICES, ...rest } = process.env;
  return rest;
}

function run(target: Target, env: NodeJS.ProcessEnv = envFor(target)): void {
  const result = spawnSync('npx', ['stryker', 'run', `test/mutation/${target}.config.mjs`], {
    cwd: ROOT,
    stdio: 'inherit',
    env,
  });
  if (result.status !== 0) throw new Error(`stryker for ${target} exited with ${result.status}`);
}

function runServer(groups: ServerGroupName[]): void {
  for (const group of groups) {
    run('server', {
      ...envFor('server'),
      RAPPORT_MUTATION_GROUP: group,
      RAPPORT_MUTATION_FILES: SERVER_GROUPS[group].mutate.join(','),
    });
  }
}

const args = process.argv.slice(2);
const asked = args.filter((arg): arg is Target => TARGETS.includes(arg as Target));
const groups = args.filter((arg): arg is ServerGroupName =>
  GROUPS.includes(arg as ServerGroupName),
);
for (const target of asked.length > 0 ? asked : TARGETS) {
  if (target === 'server') runServer(groups.length > 0 ? groups : GROUPS);
  else run(target);
}

const reports = TARGETS.filter((target) => reportPaths(target).length > 0).map((target) => ({
  target,
  report: reportOf(target),
}));
writeFileSync(`${ROOT}test/mutation/REPORT.md`, summarise(reports, new Date()));
process.stdout.write('Wrote test/mutation/REPORT.md\n');
