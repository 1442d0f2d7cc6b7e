import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { userHashOf } from '../src/identity';
import { createJsonLogger } from '../src/logger';
import { databases } from './helpers/databases';
import { send } from './helpers/requests';
import { IDENTITY_SECRET, SK, useTestApp } from './helpers/test-app';

describe.each(databases.slice(0, 1))('structured logs on $name', (database) => {
  const ctx = useTestApp(database);

  it('writes one JSON line per request with its id, and never a key, secret or userHash', async () => {
    const lines: string[] = [];
    const app = createApp({
      store: ctx.store,
      logger: createJsonLogger({ write: (line) => lines.push(line) }),
      limits: { perKey: false, perIp: false },
    });
    const hash = userHashOf(IDENTITY_SECRET, 'ada');
    const res = await send(app, 'GET', `/v1/loyalty?userId=ada&userHash=${hash}`, undefined, {
      headers: { 'x-request-id': 'req-123' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('req-123');
    await send(app, 'GET', '/v1/admin/surveys', undefined, { key: SK });
    await send(
      app,
      'GET',
      `/v1/inbox?key=pk_test&userId=ada&userHash=${'f'.repeat(64)}`,
      undefined,
      {
        key: null,
      },
    );
    expect(lines).toHaveLength(3);
    const first = JSON.parse(lines[0] ?? '{}');
    expect(first).toMatchObject({
      level: 'info',
      msg: 'request',
      requestId: 'req-123',
      status: 200,
    });
    expect(first.path).toBe('/v1/loyalty');
    const all = lines.join('\n');
    for (const secret of [hash, SK, 'pk_test', IDENTITY_SECRET, 'f'.repeat(64)]) {
      expect(all).not.toContain(secret);
    }
  });
});
