import type { ProjectView, Role } from '@rapport/protocol';
import { roleAtLeast } from '@rapport/protocol';
import type { Context } from 'hono';
import type { AppDeps, AppEnv } from '../app-env';
import { ForbiddenError, NotFoundError } from '../errors';
import { ownOrigin, requireCsrf } from '../middleware/csrf';
import { requireSession } from '../middleware/session';
import type { Session } from '../store/people/sessions';
import { roleInProject } from '../store/people/users';
import { findProjectById, type Project } from '../store/projects';

/** A console request on one project: the session, the project and the user's role in it. */
export interface ProjectAccess {
  session: Session;
  project: Project;
  role: Role;
}

/**
 * Checks a console request on `:projectId`: signed in (401), CSRF on writes (403
 * `csrf_failed`), a member (404 — a project you are not in does not exist for you) with at
 * least `needed` (403 naming it).
 */
export async function projectAccess(
  c: Context<AppEnv>,
  deps: AppDeps,
  needed: Role,
): Promise<ProjectAccess> {
  const session = requireSession(c);
  requireCsrf(c, deps, session);
  const projectId = c.req.param('projectId') ?? '';
  const role = await roleInProject(deps.store.db, session.user.id, projectId);
  const project = role ? await findProjectById(deps.store.db, projectId) : undefined;
  if (!role || !project) throw new NotFoundError(`No project ${projectId.slice(0, 100)}.`);
  if (!roleAtLeast(role, needed)) {
    throw new ForbiddenError(`This needs the ${needed} role in this project.`);
  }
  return { session, project, role };
}

/** The base URL the snippet and invitation links use (`publicUrl`, else this request's). */
export function publicUrlOf(c: Context<AppEnv>, deps: AppDeps): string {
  return deps.console.publicUrl ?? ownOrigin(c, deps);
}

/** A project as the console shows it; the identity secret only to owners and admins. */
export function projectViewOf(
  c: Context<AppEnv>,
  deps: AppDeps,
  project: Project,
  role: Role,
): ProjectView {
  const view: ProjectView = {
    id: project.id,
    name: project.name,
    role,
    publishableKey: project.publishableKey,
    allowedOrigins: project.allowedOrigins,
    settings: project.settings,
    widgetConfig: project.widgetConfig,
    publicUrl: publicUrlOf(c, deps),
    createdAt: project.createdAt,
  };
  if (roleAtLeast(role, 'admin')) view.identitySecret = project.identitySecret;
  return view;
}
