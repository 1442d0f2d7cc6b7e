import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { resolveLimits } from '../src/limits';
import { silentLogger } from '../src/logger';
import { createProjectCache } from '../src/project-cache';
import { databases } from './helpers/databases';
import { send } from './helpers/requests';
import { PK, SK, useTestApp } from './helpers/test-app';

describe.each(databases)('public limits and unknown keys on $name', (database) => {
  const ctx = useTestApp(database);
  const appWith = (limits: Parameters<typeof createApp>[0]['limits']) =>
    createApp({ store: ctx.store, clock: ctx.clock, logger: silentLogger, limits });

  it('counts the IP before looking up the key, so made-up keys hit 429 too', async () => {
    const app = appWith({ perKey: false, perIp: { points: 3, durationSeconds: 60 } });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      statuses.push(
        (await send(app, 'GET', '/v1/config', undefined, { key: `pk_guess${i}` })).status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429]);
  });

  it('counts the IP of a page on a refused origin too, with the key in the query', async () => {
    // The form sendBeacon uses (`?key=`), from a site that is not allowed: refused, and counted.
    const app = appWith({ perKey: false, perIp: { points: 2, durationSeconds: 60 } });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const res = await app.request(`/v1/config?key=${PK}`, {
        headers: { origin: 'https://evil.example' },
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([403, 403, 429, 429]);
  });

  it('keeps the publishable-key ceiling far above the per-IP limit by default', () => {
    const limits = resolveLimits();
    expect(limits.perPublishableKey).toEqual({ points: 60_000, durationSeconds: 60 });
    expect(limits.perIp).toEqual({ points: 600, durationSeconds: 60 });
    expect(limits.perKey).toEqual({ points: 6000, durationSeconds: 60 });
  });

  it('limits publishable and secret keys with separate windows', async () => {
    const app = appWith({
      perKey: { points: 1, durationSeconds: 60 },
      perPublishableKey: { points: 2, durationSeconds: 60 },
      perIp: false,
    });
    const publicStatuses = [];
    for (let i = 0; i < 3; i += 1)
      publicStatuses.push((await send(app, 'GET', '/v1/config')).status);
    expect(publicStatuses).toEqual([200, 200, 429]);
    const admin = (await send(app, 'GET', '/v1/admin/surveys', undefined, { key: SK })).status;
    expect(admin).toBe(200);
  });

  it('does not let 10,000 unknown keys evict a valid one from the key cache', async () => {
    const cache = createProjectCache(ctx.store, ctx.clock);
    expect((await cache.byPublishableKey(PK))?.id).toBe('proj_test');
    // Gone from the database: only the cache can still answer for it now.
    await ctx.store.db.deleteFrom('projects').where('id', '=', 'proj_test').execute();
    for (let start = 0; start < 10_000; start += 500) {
      await Promise.all(
        Array.from({ length: 500 }, (_, i) => cache.byPublishableKey(`pk_flood${start + i}`)),
      );
    }
    expect((await cache.byPublishableKey(PK))?.id).toBe('proj_test');
  }, 120_000);
});
