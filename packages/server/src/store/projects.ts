import { defaultWidgetConfig, type WidgetConfig } from '@rapport/protocol';
import type { Kysely, Selectable } from 'kysely';
import { hashSecretKey } from '../identity';
import { isoOf, jsonOf } from './rows';
import type { Database, ProjectsTable } from './schema';

/** Project-wide settings. */
export interface ProjectSettings {
  /** Days a person must wait between any two surveys. @default 14 */
  surveyGlobalWaitDays: number;
  /** Seconds the feedback form must be open before it is sent (bots are faster). @default 1.5 */
  minFillSeconds: number;
  /** Refuse any `userId` that comes without a valid `userHash`. @default false */
  identityVerificationRequired: boolean;
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
  /** ISO time the project was created. */
  createdAt: string;
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

/** Settings of a project that never set them. */
export const DEFAULT_SETTINGS: ProjectSettings = {
  surveyGlobalWaitDays: 14,
  minFillSeconds: 1.5,
  identityVerificationRequired: false,
};

type ProjectRow = Selectable<ProjectsTable>;

/** A project row as routes use it. */
export function toProject(row: ProjectRow): Project {
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
    createdAt: isoOf(row.created_at),
  };
}

/** The project with this id, or undefined. */
export async function findProjectById(
  db: Kysely<Database>,
  projectId: string,
): Promise<Project | undefined> {
  const row = await db
    .selectFrom('projects')
    .selectAll()
    .where('id', '=', projectId)
    .executeTakeFirst();
  return row ? toProject(row) : undefined;
}

/** Every project, by name (the CLI's `project list`). */
export async function listProjects(db: Kysely<Database>): Promise<Project[]> {
  const rows = await db.selectFrom('projects').selectAll().orderBy('name').orderBy('id').execute();
  return rows.map(toProject);
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

/**
 * The project owning a secret key (looked up by its SHA-256), or undefined. The key before the
 * last rotation still counts until its grace period ends (`previous_secret_key_expires_at`).
 */
export async function findProjectBySecretKey(
  db: Kysely<Database>,
  secretKey: string,
  now: Date = new Date(),
): Promise<Project | undefined> {
  const hash = hashSecretKey(secretKey);
  const row = await db
    .selectFrom('projects')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('secret_key_hash', '=', hash),
        eb.and([
          eb('previous_secret_key_hash', '=', hash),
          eb('previous_secret_key_expires_at', '>', now),
        ]),
      ]),
    )
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
