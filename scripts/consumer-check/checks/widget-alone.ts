import { type CheckContext, fixturePath } from '../check-context';
import { CheckFailure } from '../check-failure';
import { installProject, needProject } from '../consumer-project';
import { viteBuild } from '../tools/vite';

const TITLE = 'widget-only app';
/** Names zod's classes carry in a minified build; the widget's entry must bring none. */
const ZOD_MARKER = /\$?Zod(?:Error|Type|Object|String)\b/;

/**
 * Item 5: `npm i @rapport/widget` and nothing else (its tarball dependencies aside): its own
 * dependencies must be enough to build, with no zod or other package added by hand.
 */
export async function checkWidgetAlone({ report, tarballs, workspace }: CheckContext) {
  const project = await report.check(
    'widget alone: npm install (widget + its sdk and protocol tarballs; vite)',
    () =>
      installProject(fixturePath('widget-alone'), workspace.folder('widget-alone'), [
        tarballs['@rapport/widget'],
        tarballs['@rapport/sdk'],
        tarballs['@rapport/protocol'],
      ]),
  );
  await report.check('widget alone: vite build; the bundle holds no zod', async () => {
    const { scripts } = await viteBuild(needProject(project, TITLE));
    const withZod = [...scripts].filter(([, text]) => ZOD_MARKER.test(text)).map(([file]) => file);
    if (withZod.length > 0) {
      throw new CheckFailure(
        `zod was bundled into ${withZod.join(', ')}: the widget's entry should import only the zod-free '@rapport/protocol'`,
      );
    }
  });
}
