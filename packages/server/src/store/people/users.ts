import { randomUUID } from 'node:crypto';
import type { Role } from '@rapport/protocol';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema';

/** A console user as routes see it (never the password hash, except where asked). */
export interface User {
  id: string;
  email: string;
  name: string;
}

/** A user's project with their role in it. */
export interface UserProject {
  id: string;
  name: string;
  role: Role;
}

/** What it takes to create a user. */
export interface NewUser {
  email: string;
  name: string;
  passwordHash: string;
}

/** True when at least one user exists (the first-run screen is over). */
export async function hasUsers(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Creates a user; 409 from the database (unique index) when the email is taken. */
export async function createUser(db: Kysely<Database>, user: NewUser, now: Date): Promise<User> {
  const id = `usr_${randomUUID().replaceAll('-', '')}`;
  await db
    .insertInto('users')
    .values({
      id,
      email: user.email.trim(),
      name: user.name,
      password_hash: user.passwordHash,
      created_at: now,
      password_changed_at: now,
    })
    .execute();
  return { id, email: user.email.trim(), name: user.name };
}

/** The user with this email (any case) and their password hash, or undefined. */
export async function findUserByEmail(
  db: Kysely<Database>,
  email: string,
): Promise<(User & { passwordHash: string }) | undefined> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'password_hash'])
    .where(sql<string>`lower(email)`, '=', email.trim().toLowerCase())
    .executeTakeFirst();
  return row && { id: row.id, email: row.email, name: row.name, passwordHash: row.password_hash };
}

/** The password hash of a user, or undefined. */
export async function passwordHashOf(
  db: Kysely<Database>,
  userId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.password_hash;
}

/** Replaces a user's password hash. */
export async function setPasswordHash(
  db: Kysely<Database>,
  userId: string,
  passwordHash: string,
  now: Date,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, password_changed_at: now })
    .where('id', '=', userId)
    .execute();
}

/** The projects a user belongs to, by name. */
export async function projectsOfUser(db: Kysely<Database>, userId: string): Promise<UserProject[]> {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('projects as p', 'p.id', 'm.project_id')
    .select(['p.id', 'p.name', 'm.role'])
    .where('m.user_id', '=', userId)
    .orderBy('p.name')
    .orderBy('p.id')
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.name, role: row.role }));
}

/** A user's role in a project, or undefined when they are not a member. */
export async function roleInProject(
  db: Kysely<Database>,
  userId: string,
  projectId: string,
): Promise<Role | undefined> {
  const row = await db
    .selectFrom('memberships')
    .select('role')
    .where('user_id', '=', userId)
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  return row?.role;
}

/** Gives a user a role in a project (or changes it). */
export async function setMembership(
  db: Kysely<Database>,
  projectId: string,
  userId: string,
  role: Role,
  now: Date,
): Promise<void> {
  await db
    .insertInto('memberships')
    .values({ project_id: projectId, user_id: userId, role, created_at: now })
    .onConflict((oc) => oc.columns(['project_id', 'user_id']).doUpdateSet({ role }))
    .execute();
}
