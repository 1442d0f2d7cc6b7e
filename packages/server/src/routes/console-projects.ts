import {
  keyRotateInputSchema,
  projectCreateInputSchema,
  projectDeleteInputSchema,
  projectPatchInputSchema,
  widgetUpdateInputSchema,
} from '@rapport/protocol/schemas';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app-env';
import { InvalidBodyError, NotFoundError } from '../errors';
import { requireCsrf } from '../middleware/csrf';
import { requireSession } from '../middleware/session';
import { parseBody } from '../parse-input';
import { projectAccess, projectViewOf } from '../people/project-access';
import { recordAudit } from '../store/audit-log';
import { firstEventOf } from '../store/first-event';
import { setMembership } from '../store/people/users';
import { deleteProjectData } from '../store/project-deletion';
import { createProject, rotateKey } from '../store/project-keys';
import { updateProject, updateWidget } from '../store/project-updates';

function gone(projectId: string) {
  return new NotFoundError(`No project ${projectId.slice(0, 100)}.`);
}

/** Projects and keys in the console: create, read, edit, widget settings, rotate, delete. */
export function consoleProjectRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db } = deps.store;
  const base = '/projects/:projectId';
  return new Hono<AppEnv>()
    .post('/projects', async (c) => {
      const session = requireSession(c);
      requireCsrf(c, deps, session);
      const input = await parseBody(c, projectCreateInputSchema);
      const now = deps.clock();
      const { project, secretKey } = await createProject(db, input);
      await setMembership(db, project.id, session.user.id, 'owner', now);
      const actor = { kind: 'teammate', userId: session.user.id } as const;
      await recordAudit(
        db,
        { projectId: project.id, actor, action: 'project_created', target: project.id },
        now,
      );
      return c.json({ project: projectViewOf(c, deps, project, 'owner'), secretKey }, 201);
    })
    .get(base, async (c) => {
      const { project, role } = await projectAccess(c, deps, 'member');
      return c.json(projectViewOf(c, deps, project, role));
    })
    .patch(base, async (c) => {
      const { project, role, session } = await projectAccess(c, deps, 'owner');
      const patch = await parseBody(c, projectPatchInputSchema);
      const updated = await updateProject(db, project.id, patch);
      if (!updated) throw gone(project.id);
      deps.projects.clear();
      const actor = { kind: 'teammate', userId: session.user.id } as const;
      const now = deps.clock();
      if (patch.allowedOrigins) {
        const before = new Set(project.allowedOrigins);
        const after = new Set(updated.allowedOrigins);
        const details = {
          added: updated.allowedOrigins.filter((origin) => !before.has(origin)),
          removed: project.allowedOrigins.filter((origin) => !after.has(origin)),
        };
        await recordAudit(
          db,
          { projectId: project.id, actor, action: 'origins_changed', details },
          now,
        );
      }
      if (patch.name !== undefined && patch.name !== project.name) {
        await recordAudit(db, { projectId: project.id, actor, action: 'project_updated' }, now);
      }
      return c.json(projectViewOf(c, deps, updated, role));
    })
    .put(`${base}/widget`, async (c) => {
      const { project, role, session } = await projectAccess(c, deps, 'admin');
      const patch = await parseBody(c, widgetUpdateInputSchema);
      const updated = await updateWidget(db, project.id, patch);
      if (!updated) throw gone(project.id);
      deps.projects.clear();
      const changed = [
        ...Object.keys(patch.widgetConfig ?? {}).map((key) => `widgetConfig.${key}`),
        ...Object.keys(patch.settings ?? {}).map((key) => `settings.${key}`),
      ];
      await recordAudit(
        db,
        {
          projectId: project.id,
          actor: { kind: 'teammate', userId: session.user.id },
          action: 'widget_changed',
          details: { changed },
        },
        deps.clock(),
      );
      return c.json(projectViewOf(c, deps, updated, role));
    })
    .post(`${base}/keys/rotate`, async (c) => {
      const { project, session } = await projectAccess(c, deps, 'owner');
      const { key } = await parseBody(c, keyRotateInputSchema);
      const now = deps.clock();
      const rotated = await rotateKey(db, project.id, key, now);
      if (!rotated) throw gone(project.id);
      deps.projects.clear();
      await recordAudit(
        db,
        {
          projectId: project.id,
          actor: { kind: 'teammate', userId: session.user.id },
          action: 'key_rotated',
          target: key,
        },
        now,
      );
      return c.json(rotated);
    })
    .delete(base, async (c) => {
      const { project, session } = await projectAccess(c, deps, 'owner');
      const { confirm } = await parseBody(c, projectDeleteInputSchema);
      if (confirm !== project.name) {
        throw new InvalidBodyError(`Type the project's name, "${project.name}", to delete it.`);
      }
      if (!(await deleteProjectData(db, project.id))) throw gone(project.id);
      deps.projects.clear();
      // Recorded account-wide: the project's own log went with it.
      await recordAudit(
        db,
        {
          projectId: null,
          actor: { kind: 'teammate', userId: session.user.id },
          action: 'project_deleted',
          target: project.id,
        },
        deps.clock(),
      );
      return c.body(null, 204);
    })
    .get(`${base}/first-event`, async (c) => {
      const { project } = await projectAccess(c, deps, 'member');
      return c.json(await firstEventOf(db, project.id));
    });
}
