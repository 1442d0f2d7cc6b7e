import {
  type InvitationCreated,
  type InvitationPreview,
  invitationAcceptInputSchema,
  invitationInputSchema,
  memberPatchInputSchema,
  roleAtLeast,
  type TeamBody,
} from '@rapport/protocol/schemas';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app-env';
import { decodeCursor } from '../cursor';
import { ConflictError, NotFoundError } from '../errors';
import { refuseForeignOrigin, requireCsrf } from '../middleware/csrf';
import { parseBody } from '../parse-input';
import { hashPassword } from '../people/passwords';
import { projectAccess, publicUrlOf } from '../people/project-access';
import { listAudit, recordAudit } from '../store/audit-log';
import {
  createInvitation,
  findOpenInvitation,
  markInvitationAccepted,
  pendingInvitations,
  revokeInvitation,
} from '../store/people/invitations';
import { membersOf, ownerCount, removeMember } from '../store/people/team';
import { createUser, findUserByEmail, roleInProject, setMembership } from '../store/people/users';
import { signInAs } from './console-auth';

/** Invitation tokens are base64url of 32 bytes. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const usedOrExpired = () => new NotFoundError('This invitation was used, revoked or has expired.');

/** The team (owners), invitation links, and the audit log. */
export function consoleTeamRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db } = deps.store;
  const base = '/projects/:projectId';
  const actorOf = (userId: string) => ({ kind: 'teammate', userId }) as const;
  return new Hono<AppEnv>()
    .get(`${base}/members`, async (c) => {
      const { project } = await projectAccess(c, deps, 'owner');
      const body: TeamBody = {
        members: await membersOf(db, project.id),
        invitations: await pendingInvitations(db, project.id, deps.clock()),
      };
      return c.json(body);
    })
    .post(`${base}/invitations`, async (c) => {
      const { project, session } = await projectAccess(c, deps, 'owner');
      const input = await parseBody(c, invitationInputSchema);
      const now = deps.clock();
      const { invitation, token } = await createInvitation(
        db,
        { projectId: project.id, ...input, invitedBy: session.user.id },
        now,
      );
      await recordAudit(
        db,
        {
          projectId: project.id,
          actor: actorOf(session.user.id),
          action: 'member_invited',
          target: invitation.id,
          details: { role: input.role },
        },
        now,
      );
      const created: InvitationCreated = {
        ...invitation,
        url: `${publicUrlOf(c, deps)}/console/#/invite/${token}`,
      };
      return c.json(created, 201);
    })
    .delete(`${base}/invitations/:id`, async (c) => {
      const { project, session } = await projectAccess(c, deps, 'owner');
      const id = c.req.param('id');
      if (!(await revokeInvitation(db, project.id, id))) throw usedOrExpired();
      await recordAudit(
        db,
        {
          projectId: project.id,
          actor: actorOf(session.user.id),
          action: 'invitation_revoked',
          target: id,
        },
        deps.clock(),
      );
      return c.body(null, 204);
    })
    .patch(`${base}/members/:userId`, async (c) => {
      const { project, session } = await projectAccess(c, deps, 'owner');
      const { role } = await parseBody(c, memberPatchInputSchema);
      const userId = c.req.param('userId');
      const now = deps.clock();
      // One transaction, the owners locked first: see ownerCount.
      const current = await db.transaction().execute(async (trx) => {
        const owners = await ownerCount(trx, project.id);
        const was = await roleInProject(trx, userId, project.id);
        if (!was) throw new NotFoundError('No such member.');
        if (was === 'owner' && role !== 'owner' && owners <= 1) {
          throw new ConflictError('A project needs an owner: make someone else owner first.');
        }
        await setMembership(trx, project.id, userId, role, now);
        return was;
      });
      await recordAudit(
        db,
        {
          projectId: project.id,
          actor: actorOf(session.user.id),
          action: 'role_changed',
          target: userId,
          details: { from: current, to: role },
        },
        now,
      );
      return c.json({ members: await membersOf(db, project.id) });
    })
    .delete(`${base}/members/:userId`, async (c) => {
      const { project, session } = await projectAccess(c, deps, 'owner');
      const userId = c.req.param('userId');
      await db.transaction().execute(async (trx) => {
        const owners = await ownerCount(trx, project.id);
        const current = await roleInProject(trx, userId, project.id);
        if (!current) throw new NotFoundError('No such member.');
        if (current === 'owner' && owners <= 1) {
          throw new ConflictError('The last owner cannot be removed.');
        }
        await removeMember(trx, project.id, userId);
      });
      await recordAudit(
        db,
        {
          projectId: project.id,
          actor: actorOf(session.user.id),
          action: 'member_removed',
          target: userId,
        },
        deps.clock(),
      );
      return c.body(null, 204);
    })
    .get(`${base}/audit`, async (c) => {
      const { project } = await projectAccess(c, deps, 'owner');
      const cursor = c.req.query('cursor');
      return c.json(await listAudit(db, project.id, cursor ? { after: decodeCursor(cursor) } : {}));
    })
    .get('/invitations/:token', async (c) => {
      const token = c.req.param('token');
      const found = TOKEN.test(token)
        ? await findOpenInvitation(db, token, deps.clock())
        : undefined;
      if (!found) throw usedOrExpired();
      const preview: InvitationPreview = {
        email: found.email,
        projectName: found.projectName,
        role: found.role,
      };
      return c.json(preview);
    })
    .post('/invitations/:token/accept', async (c) => {
      const session = c.get('session');
      if (session) requireCsrf(c, deps, session);
      else refuseForeignOrigin(c, deps);
      const input = await parseBody(c, invitationAcceptInputSchema);
      const token = c.req.param('token');
      const now = deps.clock();
      const found = TOKEN.test(token) ? await findOpenInvitation(db, token, now) : undefined;
      if (!found) throw usedOrExpired();
      let user = session?.user;
      if (!user && (await findUserByEmail(db, found.email))) {
        throw new ConflictError(
          'An account with this email exists: sign in, then open the link again.',
        );
      }
      // Claim the link first: of two concurrent accepts, only one gets past this line.
      if (!(await markInvitationAccepted(db, found.id, now))) throw usedOrExpired();
      user ??= await createUser(
        db,
        { email: found.email, name: input.name, passwordHash: await hashPassword(input.password) },
        now,
      );
      const had = await roleInProject(db, user.id, found.projectId);
      // Accepting never lowers a role the person already has.
      if (!had || roleAtLeast(found.role, had)) {
        await setMembership(db, found.projectId, user.id, found.role, now);
      }
      await recordAudit(
        db,
        {
          projectId: found.projectId,
          actor: actorOf(user.id),
          action: 'member_joined',
          target: user.id,
          details: { role: found.role },
        },
        now,
      );
      return signInAs(c, deps, user, 201);
    });
}
