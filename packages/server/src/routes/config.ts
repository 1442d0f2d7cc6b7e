import type { WidgetConfig } from '@rapport/protocol';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';

/** `GET /v1/config` → the project's widget config (theme, texts, enabled panels). */
export function configRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/config', (c) => {
    const config: WidgetConfig = c.get('project').widgetConfig;
    return c.json(config);
  });
}
