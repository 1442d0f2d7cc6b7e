import type { WidgetConfig } from '@rapport/protocol';
import type { Kysely } from 'kysely';
import { findProjectById, type Project, type ProjectSettings } from './projects';
import type { Database } from './schema';

/** Renames a project and/or replaces its allowed origins; undefined when it is gone. */
export async function updateProject(
  db: Kysely<Database>,
  projectId: string,
  patch: { name?: string; allowedOrigins?: string[] },
): Promise<Project | undefined> {
  const set: { name?: string; allowed_origins?: string } = {};
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.allowedOrigins !== undefined) {
    set.allowed_origins = JSON.stringify([...new Set(patch.allowedOrigins)]);
  }
  if (Object.keys(set).length > 0) {
    await db.updateTable('projects').set(set).where('id', '=', projectId).execute();
  }
  return findProjectById(db, projectId);
}

/**
 * Merges widget config and settings into a project's (fields not sent keep their value);
 * undefined when the project is gone. Visitors get it on their next `GET /v1/config`.
 */
export async function updateWidget(
  db: Kysely<Database>,
  projectId: string,
  patch: { widgetConfig?: Partial<WidgetConfig>; settings?: Partial<ProjectSettings> },
): Promise<Project | undefined> {
  const current = await findProjectById(db, projectId);
  if (!current) return undefined;
  const widgetConfig: WidgetConfig = {
    ...current.widgetConfig,
    ...patch.widgetConfig,
    theme: { ...current.widgetConfig.theme, ...patch.widgetConfig?.theme },
  };
  const settings: ProjectSettings = { ...current.settings, ...patch.settings };
  await db
    .updateTable('projects')
    .set({ widget_config: JSON.stringify(widgetConfig), settings: JSON.stringify(settings) })
    .where('id', '=', projectId)
    .execute();
  return findProjectById(db, projectId);
}
