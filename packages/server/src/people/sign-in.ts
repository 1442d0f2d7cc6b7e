import type { AppDeps } from '../app-env';
import { ApiError } from '../errors';
import { recordAudit } from '../store/audit-log';
import { findUserByEmail, type User } from '../store/people/users';
import { dummyPasswordHash, verifyPassword } from './passwords';
import { sha256Hex } from './tokens';

/** 401 `invalid_credentials`, the same words whether the email or the password was wrong. */
export class InvalidCredentialsError extends ApiError {
  constructor() {
    super(401, 'invalid_credentials', 'Email or password is wrong.');
  }
}

/**
 * Checks an email and password. Counts the attempt against the IP and the account first
 * (429 past either limit), and verifies against a dummy hash when no account has that email,
 * so neither the answer nor its timing tells whether the email exists. Failures are audited
 * under the user id when there is one, never the email.
 */
export async function authenticate(
  deps: AppDeps,
  input: { email: string; password: string },
  ip: string,
): Promise<User> {
  const email = input.email.trim().toLowerCase();
  await deps.console.signInPerIp(ip);
  // Hashed so no email address ends up as a key in Redis.
  await deps.console.signInPerAccount(sha256Hex(email));
  const found = await findUserByEmail(deps.store.db, email);
  const ok = await verifyPassword(
    input.password,
    found?.passwordHash ?? (await dummyPasswordHash()),
  );
  if (!found || !ok) {
    await recordAudit(
      deps.store.db,
      { projectId: null, actor: null, action: 'sign_in_failed', target: found?.id ?? null },
      deps.clock(),
    );
    throw new InvalidCredentialsError();
  }
  return { id: found.id, email: found.email, name: found.name };
}
