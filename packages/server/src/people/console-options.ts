import { timingSafeEqual } from 'node:crypto';
import type { RateWindow, ResolvedLimits } from '../limits';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import { type ConsumeFn, countRefusals, createConsumer } from '../rate-limiter';
import { sha256Hex } from './tokens';

/** Console options of `createApp` (people, sessions, first run). */
export interface ConsoleOptions {
  /**
   * The server's public origin (`RAPPORT_PUBLIC_URL`): the console's own Origin for CSRF
   * checks, the base of invitation links and of the install snippet.
   * @default undefined (the origin of each request's URL)
   * @example 'https://rapport.example.com'
   */
  publicUrl?: string;
  /**
   * Mark the session cookie `Secure` on every response (`RAPPORT_COOKIE_SECURE=1`), e.g.
   * behind a TLS-terminating proxy. Requests reached over https get it anyway.
   * @default false
   */
  cookieSecure?: boolean;
  /**
   * One-time token that `POST /v1/console/setup` accepts, once, to create the first
   * account. The CLI generates it at start when no user exists and prints it to the log.
   * @default undefined (setup refused; use `rapport user create`)
   */
  setupToken?: string;
  /**
   * Sign-in attempts per account (by email) and per IP, or `false` for no limit.
   * @default { perAccount: { points: 10, durationSeconds: 900 }, perIp: { points: 30, durationSeconds: 900 } }
   */
  signInLimits?: { perAccount: RateWindow | false; perIp: RateWindow | false };
}

/** What console routes and guards need, built once in `createApp`. */
export interface ConsoleDeps {
  publicUrl: string | undefined;
  cookieSecure: boolean;
  /** Consumes the setup token: true once for the right token, false after or otherwise. */
  useSetupToken(token: string): boolean;
  hasSetupToken: boolean;
  signInPerAccount: ConsumeFn;
  signInPerIp: ConsumeFn;
}

const FIFTEEN_MINUTES = 900;

/** Builds {@link ConsoleDeps}; keeps only the setup token's hash. */
export function createConsoleDeps(
  options: ConsoleOptions,
  limits: ResolvedLimits,
  logger: Logger,
  metrics?: Metrics,
): ConsoleDeps {
  let setupTokenHash = options.setupToken ? sha256Hex(options.setupToken) : undefined;
  const signIn = options.signInLimits ?? {
    perAccount: { points: 10, durationSeconds: FIFTEEN_MINUTES },
    perIp: { points: 30, durationSeconds: FIFTEEN_MINUTES },
  };
  const prefix = `${limits.keyPrefix}:sign-in`;
  return {
    publicUrl: options.publicUrl?.replace(/\/+$/, ''),
    cookieSecure: options.cookieSecure ?? false,
    get hasSetupToken() {
      return setupTokenHash !== undefined;
    },
    useSetupToken(token) {
      const matches =
        setupTokenHash !== undefined &&
        timingSafeEqual(Buffer.from(sha256Hex(token)), Buffer.from(setupTokenHash));
      if (matches) setupTokenHash = undefined;
      return matches;
    },
    signInPerAccount: countRefusals(
      createConsumer(signIn.perAccount, `${prefix}:account`, limits, logger),
      metrics && (() => metrics.countRefusal('sign_in_account')),
    ),
    signInPerIp: countRefusals(
      createConsumer(signIn.perIp, `${prefix}:ip`, limits, logger),
      metrics && (() => metrics.countRefusal('sign_in_ip')),
    ),
  };
}
