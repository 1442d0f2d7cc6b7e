import { randomToken } from '../people/tokens';
import { hasUsers } from '../store/people/users';
import type { Store } from '../store/store';

/** The console's settings from the environment, read once by `rapport start`. */
export interface ConsoleEnv {
  /** `RAPPORT_PUBLIC_URL`: the server's public origin (CSRF, invitation links, snippet). */
  publicUrl: string | undefined;
  /** `RAPPORT_COOKIE_SECURE=1`: always mark the session cookie Secure. */
  cookieSecure: boolean;
}

/**
 * Reads `RAPPORT_PUBLIC_URL` and `RAPPORT_COOKIE_SECURE`.
 *
 * @throws Error with a readable message when RAPPORT_PUBLIC_URL is not an http(s) URL.
 */
export function readConsoleEnv(env: NodeJS.ProcessEnv): ConsoleEnv {
  const raw = env.RAPPORT_PUBLIC_URL?.trim();
  if (raw && !(/^https?:\/\//i.test(raw) && URL.canParse(raw))) {
    throw new Error(`RAPPORT_PUBLIC_URL must be an http(s) URL, not "${raw}".`);
  }
  return {
    publicUrl: raw ? raw.replace(/\/+$/, '') : undefined,
    cookieSecure: env.RAPPORT_COOKIE_SECURE === '1',
  };
}

/**
 * A one-time setup token when no account exists yet (first run), else undefined. It lives
 * only in this process's memory: printed once to the log, accepted once by
 * `POST /v1/console/setup`, gone at restart (a new one is printed).
 */
export async function issueSetupToken(store: Store): Promise<string | undefined> {
  return (await hasUsers(store.db)) ? undefined : randomToken();
}

/** The log lines that hand the setup token to the person starting the server. */
export function setupTokenBanner(consoleUrl: string, token: string): string {
  return [
    '',
    '  No console account exists yet. Create the owner account at',
    `    ${consoleUrl}`,
    `  with this one-time setup token: ${token}`,
    '  (or run: rapport user create --email you@example.com --role owner)',
    '',
  ].join('\n');
}
