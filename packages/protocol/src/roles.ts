/**
 * Console roles and audit actions: constants the server and the console both need, kept in a
 * zod-free module so the console can import them without pulling zod into its bundle.
 */

/** Roles in a project, lowest first: each role can do everything the ones before it can. */
export const ROLES = ['member', 'admin', 'owner'] as const;

/** A teammate's role in one project. */
export type Role = (typeof ROLES)[number];

/** True when `role` is at least `needed` (owner ≥ admin ≥ member). */
export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** Every action the audit log records. */
export const AUDIT_ACTIONS = [
  'sign_in',
  'sign_in_failed',
  'password_changed',
  'project_created',
  'project_updated',
  'key_rotated',
  'origins_changed',
  'widget_changed',
  'member_invited',
  'invitation_revoked',
  'member_joined',
  'member_removed',
  'role_changed',
  'feedback_status_changed',
  'feedback_replied',
  'feedback_assigned',
  'customer_erased',
  'project_deleted',
  'webhook_created',
  'webhook_updated',
  'webhook_deleted',
  'webhook_secret_rotated',
  'webhook_disabled',
  'loyalty_adjusted',
  'reward_codes_added',
  'redemption_status_changed',
] as const;

/** An audited action. */
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Shortest and longest console password, in characters. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/** Name of the console's session cookie. */
export const SESSION_COOKIE = 'rapport_session';

/** Header naming the project a cookie-authenticated admin request is for. */
export const PROJECT_HEADER = 'X-Rapport-Project';

/** Header carrying the session's CSRF token on state-changing requests. */
export const CSRF_HEADER = 'X-CSRF-Token';
