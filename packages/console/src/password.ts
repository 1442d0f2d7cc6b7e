import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@rapport/protocol';

/** What is wrong with a new password (the server's 10–200 rule), or undefined when fine. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < PASSWORD_MIN_LENGTH)
    return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > PASSWORD_MAX_LENGTH)
    return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  return undefined;
}
