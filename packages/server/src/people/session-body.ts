import type { SessionBody } from '@rapport/protocol';
import type { Kysely } from 'kysely';
import type { Session } from '../store/people/sessions';
import { projectsOfUser } from '../store/people/users';
import type { Database } from '../store/schema';

/** The `SessionBody` the console reads: who is signed in, the CSRF token, their projects. */
export async function sessionBodyOf(db: Kysely<Database>, session: Session): Promise<SessionBody> {
  return {
    user: session.user,
    csrfToken: session.csrfToken,
    projects: await projectsOfUser(db, session.user.id),
  };
}
