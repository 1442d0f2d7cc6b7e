import { CheckFailure } from '../check-failure';
import { needProject } from '../consumer-project';
import { describeCommand, execute, tailOf } from '../processes/run-command';
import type { Report } from '../report';

/** The scripts end by themselves unless a timer or socket outlives `destroy()`. */
const SCRIPT_TIMEOUT_MS = 15_000;

/** A fixture script under Node; it must exit 0 by itself once its client is destroyed. */
async function runNodeScript(dir: string, args: string[]): Promise<void> {
  const result = await execute(process.execPath, args, { cwd: dir, timeoutMs: SCRIPT_TIMEOUT_MS });
  const command = describeCommand('node', args);
  if (result.timedOut) {
    throw new CheckFailure(
      `\`${command}\` did not exit within ${SCRIPT_TIMEOUT_MS / 1000} s: something keeps Node alive after destroy()\n${tailOf(result.output)}`,
    );
  }
  if (result.code !== 0) {
    throw new CheckFailure(`\`${command}\` exited with ${result.code}:\n${tailOf(result.output)}`);
  }
}

/**
 * Item 1: the packages under plain Node, as server rendering and Node services load them
 * (the scripts are in the fixture's smoke/ folder).
 */
export async function checkPlainNode(report: Report, project: string | undefined, title: string) {
  const scripts = [
    [`Node: import('@rapport/sdk')`, ['-e', "import('@rapport/sdk')"]],
    ['Node: createClient({ key }) with no window does not throw', ['smoke/sdk-without-window.mjs']],
    [
      'Node: mount(client) from @rapport/widget is a no-op handle',
      ['smoke/widget-mount-in-node.mjs'],
    ],
    ['Node: require() of @rapport/sdk and @rapport/protocol (CJS)', ['smoke/require-cjs.cjs']],
  ] as const;
  for (const [name, args] of scripts) {
    await report.check(name, () => runNodeScript(needProject(project, title), [...args]));
  }
}
