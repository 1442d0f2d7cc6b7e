import type { Clock } from './clock';
import { hashSecretKey } from './identity';
import type { Store } from './store';
import {
  findProjectByPublishableKey,
  findProjectBySecretKey,
  type Project,
} from './store/projects';

/** How long a key lookup (found or not) is reused before asking the database again. */
const TTL_MS = 30_000;
/** Bound on remembered keys, so a flood of made-up keys cannot grow memory without end. */
const MAX_ENTRIES = 10_000;

/** Looks up projects by key, remembering answers for a short while. */
export interface ProjectCache {
  byPublishableKey(key: string): Promise<Project | undefined>;
  bySecretKey(key: string): Promise<Project | undefined>;
  /** Forgets every answer: after a key rotation, an origin or widget change, a deletion. */
  clear(): void;
}

/**
 * Caches key → project for {@link TTL_MS}: every request needs its project, and the ingest
 * budget leaves no room for a lookup round trip per batch. Expiry is checked against the
 * injected clock on read, so no timer runs.
 */
export function createProjectCache(store: Store, clock: Clock): ProjectCache {
  const entries = new Map<string, { project: Project | undefined; expires: number }>();
  async function cached(cacheKey: string, load: () => Promise<Project | undefined>) {
    const now = clock().getTime();
    const hit = entries.get(cacheKey);
    if (hit && hit.expires > now) return hit.project;
    const project = await load();
    if (entries.size >= MAX_ENTRIES) entries.clear();
    entries.set(cacheKey, { project, expires: now + TTL_MS });
    return project;
  }
  return {
    byPublishableKey: (key) =>
      cached(`pk:${key}`, () => findProjectByPublishableKey(store.db, key)),
    bySecretKey: (key) =>
      cached(`sk:${hashSecretKey(key)}`, () => findProjectBySecretKey(store.db, key, clock())),
    clear: () => entries.clear(),
  };
}
