import type { WidgetConfig } from './schemas/config';
import { PANELS } from './vocabulary';

/**
 * The widget's accent when neither the mount options nor the site owner set one: the server's
 * default config and the widget's fallback. 7.9:1 against the white text on it (WCAG AA asks
 * 4.5:1). The launcher's stylesheet repeats it as the `--rapport-accent` fallback, since CSS
 * cannot import; a widget test holds the two equal.
 */
export const DEFAULT_ACCENT = '#4338ca';

/**
 * The widget config of a project that never set one: the server answers it, and fields a
 * stored config lacks are filled from it.
 *
 * @example
 * defaultWidgetConfig('Fernhill Coffee').panels // ['feedback', 'surveys', 'loyalty', 'inbox']
 */
export function defaultWidgetConfig(projectName: string): WidgetConfig {
  return {
    projectName,
    theme: { mode: 'auto', accent: DEFAULT_ACCENT },
    position: 'bottom-right',
    panels: [...PANELS],
    texts: {},
  };
}
