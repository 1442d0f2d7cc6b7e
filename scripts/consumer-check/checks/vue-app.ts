import { type CheckContext, fixturePath } from '../check-context';
import { installProject, needProject } from '../consumer-project';
import { typecheck } from '../tools/typescript';
import { viteBuild } from '../tools/vite';

const TITLE = 'Vue app';

/** Item 6: the Vue recipe (a `.ts` entry, no SFC plugin) type-checks and builds. */
export async function checkVueApp({ report, tarballs, workspace }: CheckContext) {
  const project = await report.check(
    'Vue app: npm install (protocol, sdk, widget tarballs; vue 3, vite, typescript)',
    () =>
      installProject(fixturePath('vue-app'), workspace.folder('vue-app'), [
        tarballs['@rapport/protocol'],
        tarballs['@rapport/sdk'],
        tarballs['@rapport/widget'],
      ]),
  );
  await report.check('tsc strict: Vue recipe, bundler', () =>
    typecheck(needProject(project, TITLE), 'tsconfig.json'),
  );
  await report.check('vite build: Vue 3 app with the useRapport recipe', () =>
    viteBuild(needProject(project, TITLE)),
  );
}
