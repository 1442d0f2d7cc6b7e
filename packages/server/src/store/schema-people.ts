import type { ColumnType } from 'kysely';

/** Timestamps are written as ISO strings or Dates and read back as Dates. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** JSON columns are written as JSON text. */
type Json<T> = ColumnType<T, string, string>;

/** A role in a project, lowest first: member < admin < owner. */
type RoleColumn = 'owner' | 'admin' | 'member';

/** A person who signs in to the console. Email is unique whatever its case. */
export interface UsersTable {
  id: string;
  email: string;
  name: string;
  /** `scrypt$N$r$p$salt$hash`; never the password. */
  password_hash: string;
  created_at: Timestamp;
  password_changed_at: Timestamp;
  /** The daily digest of new feedback is on (migration 0014). */
  digest_enabled: ColumnType<boolean, boolean | undefined, boolean>;
  /** The next digest lists feedback created after this. */
  digest_since: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** When the next digest is due (a claim's lease while it is being sent). */
  digest_next_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** Failed attempts of the digest due now. */
  digest_attempts: ColumnType<number, number | undefined, number>;
}

/** A user's role in one project. */
export interface MembershipsTable {
  project_id: string;
  user_id: string;
  role: RoleColumn;
  created_at: Timestamp;
}

/** A console session; `id` is the SHA-256 hex of the cookie's token. */
export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

/** An invitation link (single use); only the token's SHA-256 is stored. */
export interface InvitationsTable {
  id: string;
  project_id: string;
  email: string;
  role: RoleColumn;
  token_hash: string;
  invited_by: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
}

/** One audited team action; never personal data or secrets in `target` or `details`. */
export interface AuditLogTable {
  id: string;
  /** NULL for account-wide actions (sign-in, password change). */
  project_id: string | null;
  at: Timestamp;
  actor_user_id: string | null;
  actor_kind: 'secret_key' | 'teammate' | 'system';
  action: string;
  target: string | null;
  details: Json<Record<string, unknown>>;
}

/** The people tables of `src/migrations/0002-people.sql`, merged into `Database`. */
export interface PeopleTables {
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  invitations: InvitationsTable;
  audit_log: AuditLogTable;
}
