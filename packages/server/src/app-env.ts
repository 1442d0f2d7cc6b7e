import type { Role } from '@rapport/protocol';
import type { Clock } from './clock';
import type { IngestQueue } from './ingest-queue';
import type { ResolvedLimits } from './limits';
import type { Logger } from './logger';
import type { Metrics } from './metrics';
import type { ConsoleDeps } from './people/console-options';
import type { ProjectCache } from './project-cache';
import type { ConsumeFn } from './rate-limiter';
import type { Store } from './store';
import type { Session } from './store/people/sessions';
import type { Project } from './store/projects';

/**
 * Who is making an admin or console request: a site's backend holding the secret key (counts
 * as owner), or a signed-in teammate with their role in the request's project.
 */
export type Actor =
  | { kind: 'secret_key' }
  | { kind: 'teammate'; userId: string; email: string; name: string; role: Role };

/** Hono's typing for Rapport's context variables. */
export interface AppEnv {
  Variables: {
    /** Id of this request, echoed as `X-Request-Id` and in every log line. */
    requestId: string;
    /** The project the request's key belongs to (set by the key middleware). */
    project: Project;
    /** Who is acting on an admin route (set by `adminAccess`; see {@link Actor}). */
    actor: Actor;
    /** The console session of the request's cookie, when there is a live one. */
    session: Session | undefined;
  };
}

/** What route factories receive: the app's collaborators, built once in `createApp`. */
export interface AppDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  limits: ResolvedLimits;
  projects: ProjectCache;
  ingest: IngestQueue;
  /** Per secret key or teammate (admin API). */
  perKey: ConsumeFn;
  perIp: ConsumeFn;
  perPublishableKey: ConsumeFn;
  /** Where requests, ingest and refusals are counted; undefined when metrics are off. */
  metrics: Metrics | undefined;
  /** Longest `/ready` waits for the database (see READY_TIMEOUT_MS). */
  readyTimeoutMs: number | undefined;
  /** Console sessions, CSRF origin, setup token and sign-in limits. */
  console: ConsoleDeps;
}
