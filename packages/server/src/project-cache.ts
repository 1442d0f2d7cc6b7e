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
/** Bound on remembered projects. */
const MAX_ENTRIES = 10_000;
/**
 * Bound on remembered unknown keys, kept apart from the projects: a flood of made-up keys
 * fills only this map and never evicts a valid key (issue 9, item 7). Misses are still worth
 * remembering briefly, so one client retrying a wrong key does not query the database each time.
 */
const MAX_MISSES = 1_000;

type Entry = { project: Project | undefined; expires: number };

/** Remembers `entry`, evicting the oldest entry first when the map is full. */
function remember(map: Map<string, Entry>, max: number, key: string, entry: Entry) {
  map.delete(key);
  if (map.size >= max) {
    const oldest = map.keys().next();
    if (!oldest.done) map.delete(oldest.value);
  }
  map.set(key, entry);
}

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
  const found = new Map<string, Entry>();
  const misses = new Map<string, Entry>();
  async function cached(cacheKey: string, load: () => Promise<Project | undefined>) {
    const now = clock().getTime();
    const hit = found.get(cacheKey) ?? misses.get(cacheKey);
    if (hit && hit.expires > now) return hit.project;
    const project = await load();
    const entry = { project, expires: now + TTL_MS };
    if (project) {
      misses.delete(cacheKey);
      remember(found, MAX_ENTRIES, cacheKey, entry);
    } else {
      found.delete(cacheKey);
      remember(misses, MAX_MISSES, cacheKey, entry);
    }
    return project;
  }
  return {
    byPublishableKey: (key) =>
      cached(`pk:${key}`, () => findProjectByPublishableKey(store.db, key)),
    bySecretKey: (key) =>
      cached(`sk:${hashSecretKey(key)}`, () => findProjectBySecretKey(store.db, key, clock())),
    clear: () => {
      found.clear();
      misses.clear();
    },
  };
}
