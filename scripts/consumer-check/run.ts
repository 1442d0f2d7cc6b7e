/**
 * `npm run check:packages`: installs the packed packages the way users will get them — from
 * tarballs, into projects outside this repository — and proves that they work there: in
 * plain Node (ESM and CJS), under `tsc --strict` (bundler and NodeNext, React and Preact
 * JSX), in `vite build` and `vite dev` (Chromium) for React, with the widget alone, in Vue,
 * and as an installed `rapport` server; plus publint and attw on every tarball (issue 11,
 * item 7). It builds nothing: run `npm run build` first.
 *
 * Usage: npm run check:packages [-- --keep]   (--keep leaves the temporary folders)
 */
import { fileURLToPath } from 'node:url';
import type { CheckContext } from './check-context';
import { checkInstalledServer } from './checks/installed-server';
import { checkPackageMetadata } from './checks/package-metadata';
import { checkReactApp } from './checks/react-app';
import { checkVueApp } from './checks/vue-app';
import { checkWidgetAlone } from './checks/widget-alone';
import { packPackages } from './pack-packages';
import { unbuiltPackages } from './packages';
import { killStartedServices } from './processes/spawn-service';
import { createReport, formatSummary } from './report';
import { createTempWorkspace } from './temp-workspace';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const keep = process.argv.includes('--keep');

const unbuilt = unbuiltPackages(repoRoot);
if (unbuilt.length > 0) {
  process.stderr.write(
    `check:packages tests the built packages, and ${unbuilt.join(', ')} ${unbuilt.length > 1 ? 'have' : 'has'} no dist/.\nRun \`npm run build\` at the repository root first.\n`,
  );
  process.exit(1);
}

const startedAt = performance.now();
const workspace = createTempWorkspace();
const report = createReport();

// Ctrl-C: no dev server or Rapport server may outlive this run, nor its temp folder.
process.on('exit', () => {
  killStartedServices();
  if (!keep) workspace.remove();
});
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));

process.stdout.write(`Checking the packed packages in ${workspace.root}\n\n`);
try {
  const tarballs = await report.check('npm pack: protocol, sdk, widget, server, console', () =>
    packPackages(repoRoot, workspace.folder('tarballs')),
  );
  if (tarballs) {
    const context: CheckContext = { report, repoRoot, tarballs, workspace };
    await checkPackageMetadata(context);
    await checkReactApp(context);
    await checkWidgetAlone(context);
    await checkVueApp(context);
    await checkInstalledServer(context);
  }
} finally {
  killStartedServices();
  if (keep) process.stdout.write(`\nKept the temporary projects in ${workspace.root}\n`);
}

process.stdout.write(formatSummary(report.results, performance.now() - startedAt));
process.exitCode = report.results.every((result) => result.ok) ? 0 : 1;
