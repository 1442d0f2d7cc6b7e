import type { WidgetConfig } from '@rapport/protocol';
import type { Kysely, Selectable } from 'kysely';
import { hashSecretKey } from '../identity';
import { jsonOf } from './rows';
import type { Database, ProjectsTable } from './schema';

/** Project-wide settings. */
export interface ProjectSettings {
  /** Days a person must wait between any two surveys. @default 14 */
  surveyGlobalWaitDays: number;
}

/** A project as routes use it. The secret key itself is never held, only its hash. */
export interface Project {
  id: string;
  name: string;
  publishableKey: string;
  identitySecret: string;
  allowedOrigins: string[];
  settings: ProjectSettings;
  widgetConfig: WidgetConfig;
}

/** What it takes to create a project. */
export interface NewProject {
  id: string;
  name: string;
  publishableKey: string;
  secretKey: string;
  identitySecret: string;
  allowedOrigins: string[];
  settings?: Partial<ProjectSettings>;
  widgetConfig?: Partial<WidgetConfig>;
}

const DEFAULT_SETTINGS: ProjectSettings = { surveyGlobalWaitDays: 14 };

function defaultWidgetConfig(name: string): WidgetConfig {
  return {
    projectName: name,
    theme: { mode: 'auto', accent: '#4f46e5' },
    position: 'bottom-right',
    panels: ['feedback', 'surveys', 'loyalty', 'inbox'],
    texts: {},
  };
}

type ProjectRow = Selectable<ProjectsTable>;

function toProject(row: ProjectRow): Project {
  return {
    id: row.id,
    name: row.name,
    publishableKey: String(row.publishable_key),
    identitySecret: String(row.identity_secret),
    allowedOrigins: jsonOf<string[]>(row.allowed_origins),
    settings: { ...DEFAULT_SETTINGS, ...jsonOf<Partial<ProjectSettings>>(row.settings) },
    widgetConfig: {
      ...defaultWidgetConfig(row.name),
      ...jsonOf<Partial<WidgetConfig>>(row.widget_config),
    },
  };
}

/** The project owning a publishable key, or undefined. */
export async function findProjectByPublishableKey(
  db: Kysely<Database>,
  publishableKey: string,
): Promise<Project | undefined> {
  const row = await db
    .selectFrom('projects')
    .selectAll()
    .where('publishable_key', '=', publishableKey)
    .executeTakeFirst();
  return row ? toProject(row) : undefined;
}

/** The project owning a secret key (looked up by its SHA-256), or undefined. */
export async function findProjectBySecretKey(
  db: Kysely<Database>,
  secretKey: string,
): Promise<Project | undefined> {
  const row = await db
    .selectFrom('projects')
    .selectAll()
    .where('secret_key_hash', '=', hashSecretKey(secretKey))
    .executeTakeFirst();
  return row ? toProject(row) : undefined;
}

/**
 * Creates a project, or updates the one with the same id (so seeding is idempotent).
 *
 * @example
 * await upsertProject(db, { id: 'p1', name: 'Shop', publishableKey: 'pk_1', secretKey: 'sk_1',
 *   identitySecret: 'is_1', allowedOrigins: ['https://shop.example'] });
 */
export async function upsertProject(db: Kysely<Database>, project: NewProject): Promise<void> {
  const update = {
    name: project.name,
    publishable_key: project.publishableKey,
    secret_key_hash: hashSecretKey(project.secretKey),
    identity_secret: project.identitySecret,
    allowed_origins: JSON.stringify(project.allowedOrigins),
    settings: JSON.stringify({ ...DEFAULT_SETTINGS, ...project.settings }),
    widget_config: JSON.stringify({
      ...defaultWidgetConfig(project.name),
      ...project.widgetConfig,
    }),
  };
  await db
    .insertInto('projects')
    .values({ id: project.id, ...update })
    .onConflict((oc) => oc.column('id').doUpdateSet(update))
    .execute();
}
