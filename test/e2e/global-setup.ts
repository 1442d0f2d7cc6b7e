import { ensureConsoleBuild } from '../../scripts/console-build';
import { ensureLibraryBuilds } from '../../scripts/library-builds';
import { ensureWidgetBundle } from '../../scripts/widget-bundle';
import { CHROMIUM_PATH, chromiumAvailable, servicesRequired } from './helpers/chromium';

/**
 * Runs once before the e2e files: fails fast when CI requires a browser that is missing, and
 * (re)builds the protocol and SDK packages (for the Vite example), the widget bundle and the
 * console when any is missing or older than its sources, so the tests always exercise the
 * code in the working tree.
 */
export default function setup(): void {
  if (!chromiumAvailable) {
    if (servicesRequired) {
      throw new Error(
        `e2e: RAPPORT_REQUIRE_SERVICES=1 but there is no Chromium at ${CHROMIUM_PATH}. ` +
          'Install it (apt-get install chromium) or set CHROMIUM_PATH.',
      );
    }
    return;
  }
  ensureLibraryBuilds();
  ensureWidgetBundle();
  ensureConsoleBuild();
}
