import { type CheckContext, fixturePath } from '../check-context';
import { installProject, needProject } from '../consumer-project';
import { typecheck } from '../tools/typescript';
import { viteBuild } from '../tools/vite';
import { checkPlainNode } from './plain-node';
import { seeLauncherInViteDev } from './vite-dev-launcher';

const TITLE = 'React app';

/** The fixture's tsconfig files: bundler and NodeNext resolution, each for React's and Preact's JSX. */
const TSCONFIGS = [
  ['tsc strict: React JSX, moduleResolution bundler', 'tsconfig.json'],
  ['tsc strict: React JSX, NodeNext (+ @rapport/protocol/schemas)', 'tsconfig.nodenext.json'],
  ['tsc strict: Preact JSX (jsxImportSource preact), bundler', 'tsconfig.preact.json'],
  ['tsc strict: Preact JSX (jsxImportSource preact), NodeNext', 'tsconfig.preact-nodenext.json'],
] as const;

/**
 * One project, one install, for items 1 to 4: a `"type": "module"` React 19 app with Preact
 * and TypeScript beside it, run in plain Node, type-checked, built and served by Vite.
 */
export async function checkReactApp({ report, tarballs, workspace }: CheckContext) {
  const project = await report.check(
    'React app: npm install (protocol, sdk, widget tarballs; react 19, preact, vite, typescript)',
    () =>
      installProject(fixturePath('react-app'), workspace.folder('react-app'), [
        tarballs['@rapport/protocol'],
        tarballs['@rapport/sdk'],
        tarballs['@rapport/widget'],
      ]),
  );
  await checkPlainNode(report, project, TITLE);
  for (const [name, config] of TSCONFIGS) {
    await report.check(name, () => typecheck(needProject(project, TITLE), config));
  }
  await report.check('vite build: React 19 app with the useRapport recipe', () =>
    viteBuild(needProject(project, TITLE)),
  );
  await report.check('vite dev: the launcher is visible in Chromium, no uncaught errors', () =>
    seeLauncherInViteDev(needProject(project, TITLE)),
  );
}
