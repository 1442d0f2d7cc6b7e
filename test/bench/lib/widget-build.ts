import { ensureWidgetBundle } from '../../../scripts/widget-bundle';

/** Rebuilds dist/rapport.js when it is stale; a failed build skips the widget's rows, not the run. */
export function buildWidgetIfStale(): void {
  try {
    ensureWidgetBundle();
  } catch (error) {
    console.warn(`bench: the widget build failed; its rows are skipped\n${String(error)}`);
  }
}
