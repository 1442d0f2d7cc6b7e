import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type CheckContext, fixturePath } from '../check-context';
import { CheckFailure } from '../check-failure';
import { installProject, needProject } from '../consumer-project';
import { findFreePort } from '../processes/free-port';
import { execute, runCommand, tailOf } from '../processes/run-command';
import { type Service, startService } from '../processes/spawn-service';
import { waitForUrl } from '../processes/wait-for-url';

const TITLE = 'server project';
const HEALTH_TIMEOUT_MS = 30_000;
const SIGTERM_GRACE_MS = 15_000;

/** GETs `path` without following redirects; fails unless `accept` says the answer is right. */
async function expectAnswer(
  base: string,
  path: string,
  accept: (response: Response) => string | undefined,
): Promise<void> {
  const response = await fetch(new URL(path, base), { redirect: 'manual' });
  await response.body?.cancel();
  const problem = accept(response);
  const type = response.headers.get('content-type') ?? 'no content-type';
  if (problem) throw new CheckFailure(`GET ${path}: ${problem} (got ${response.status}, ${type})`);
}

function isOk(response: Response, typePattern: RegExp, wanted: string): string | undefined {
  if (response.status !== 200) return `expected 200 ${wanted}`;
  const type = response.headers.get('content-type') ?? '';
  return typePattern.test(type) ? undefined : `expected ${wanted}`;
}

/** `npm ls tsx` in the production tree: the installed server must run on plain Node. */
async function expectNoTsx(dir: string): Promise<void> {
  if (existsSync(join(dir, 'node_modules', 'tsx'))) {
    throw new CheckFailure('node_modules/tsx is installed: the server depends on tsx at run time');
  }
  const result = await execute('npm', ['ls', 'tsx', '--all', '--json'], { cwd: dir });
  const tree = JSON.parse(result.stdout || '{}') as { dependencies?: object };
  if (tree.dependencies && Object.keys(tree.dependencies).length > 0) {
    const paths = await execute('npm', ['ls', 'tsx', '--all'], { cwd: dir });
    throw new CheckFailure(`tsx is in the installed tree:\n${tailOf(paths.output)}`);
  }
}

/** `rapport start` on a free loopback port, no demo, its data in the workspace. */
function startRapport(dir: string, port: number, dataDir: string): Service {
  return startService(join(dir, 'node_modules', '.bin', 'rapport'), ['start'], {
    cwd: dir,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      RAPPORT_DEMO: '0',
      RAPPORT_DATA_DIR: dataDir,
      // Whatever the developer's shell points at, this run uses the embedded PGlite.
      DATABASE_URL: '',
      REDIS_URL: '',
      RAPPORT_STATIC_DIR: '',
      RAPPORT_WIDGET_PATH: '',
      RAPPORT_CONSOLE_DIR: '',
    },
  });
}

async function stopWithSigterm(server: Service): Promise<void> {
  const exit = await server.stop(SIGTERM_GRACE_MS);
  if (!exit) {
    throw new CheckFailure(
      `still running ${SIGTERM_GRACE_MS / 1000} s after SIGTERM (killed):\n${tailOf(server.output())}`,
    );
  }
  if (exit.code !== 0) {
    throw new CheckFailure(
      `exited with ${exit.code ?? exit.signal} on SIGTERM, expected 0:\n${tailOf(server.output())}`,
    );
  }
}

function needServer(base: string | undefined): string {
  if (base === undefined) throw new CheckFailure('not run: the server did not start');
  return base;
}

/** The HTTP checks on a started server (`base` undefined when it did not start). */
async function checkAnswers({ report }: CheckContext, base: string | undefined) {
  await report.check('server: /rapport.js is 200 JavaScript', () =>
    expectAnswer(needServer(base), '/rapport.js', (r) => isOk(r, /javascript/, 'JavaScript')),
  );
  await report.check('server: /console/ is 200 HTML', () =>
    expectAnswer(needServer(base), '/console/', (r) => isOk(r, /text\/html/, 'HTML')),
  );
  await report.check('server: / answers (a redirect to /console/ without a static dir)', () =>
    expectAnswer(needServer(base), '/', (r) => {
      if (r.status >= 300 && r.status < 400) {
        const location = r.headers.get('location') ?? '';
        return location.endsWith('/console/') ? undefined : `redirects to "${location}"`;
      }
      return r.status === 200 ? undefined : 'expected 200 or a redirect to /console/';
    }),
  );
}

/** Item 7: the server as installed from its tarball, started through its `rapport` bin. */
export async function checkInstalledServer(context: CheckContext) {
  const { report, tarballs, workspace } = context;
  const project = await report.check(
    'server: npm install (server, widget, console, sdk, protocol tarballs)',
    () =>
      installProject(fixturePath('server'), workspace.folder('server'), Object.values(tarballs)),
  );
  await report.check('server: `rapport help` exits 0', () =>
    runCommand(join(needProject(project, TITLE), 'node_modules', '.bin', 'rapport'), ['help'], {
      cwd: needProject(project, TITLE),
      timeoutMs: 30_000,
    }),
  );
  await report.check('server: no tsx in the installed production tree', () =>
    expectNoTsx(needProject(project, TITLE)),
  );
  let server: Service | undefined;
  try {
    const base = await report.check('server: `rapport start` answers /health', async () => {
      const port = await findFreePort();
      server = startRapport(needProject(project, TITLE), port, workspace.folder('server-data'));
      const url = `http://127.0.0.1:${port}`;
      await waitForUrl(`${url}/health`, server, HEALTH_TIMEOUT_MS);
      return url;
    });
    await checkAnswers(context, base);
    await report.check(`server: SIGTERM stops it within ${SIGTERM_GRACE_MS / 1000} s`, () => {
      needServer(base);
      return stopWithSigterm(server!);
    });
  } finally {
    await server?.stop(2_000);
  }
}
