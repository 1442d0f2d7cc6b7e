import { z } from 'zod';
import { PANELS } from '../vocabulary';

export const panelSchema = z.enum(PANELS);

/** `GET /v1/config` — what the site owner configured for the widget. */
export const widgetConfigSchema = z.object({
  projectName: z.string(),
  theme: z.object({
    mode: z.enum(['light', 'dark', 'auto']),
    /** CSS colour for `--rapport-accent`. */
    accent: z.string().max(64),
  }),
  position: z.enum(['bottom-right', 'bottom-left']),
  panels: z.array(panelSchema),
  /** Site-owner overrides for widget strings, by key, in every language. */
  texts: z.record(z.string(), z.string()),
  /**
   * Overrides for one language, by base language tag (`fr`), laid over `texts`: a French
   * visitor sees the French override, never the English one over French labels.
   * @example { fr: { title: 'Comment pouvons-nous aider ?' } }
   */
  textsByLocale: z
    .record(z.string().regex(/^[a-z]{2,3}$/), z.record(z.string(), z.string()))
    .optional(),
});

export type Panel = z.infer<typeof panelSchema>;
export type WidgetConfig = z.infer<typeof widgetConfigSchema>;
