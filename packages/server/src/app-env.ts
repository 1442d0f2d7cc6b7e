import type { Clock } from './clock';
import type { IngestQueue } from './ingest-queue';
import type { ResolvedLimits } from './limits';
import type { Logger } from './logger';
import type { ProjectCache } from './project-cache';
import type { ConsumeFn } from './rate-limiter';
import type { Store } from './store';
import type { Project } from './store/projects';

/** Hono's typing for Rapport's context variables. */
export interface AppEnv {
  Variables: {
    /** Id of this request, echoed as `X-Request-Id` and in every log line. */
    requestId: string;
    /** The project the request's key belongs to (set by the key middleware). */
    project: Project;
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
  perKey: ConsumeFn;
  perIp: ConsumeFn;
}
