import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { silentLogger } from '../src/logger';
import { type NodeServer, startNodeServer } from '../src/node-server';
import { metricsApp } from '../src/routes/metrics';
import { databases } from './helpers/databases';
import { message, send } from './helpers/requests';
import { PK, SK, useTestApp } from './helpers/test-app';

const TOKEN = 'metrics-token-for-tests';

/** Every label value of a Prometheus text exposition. */
function labelValues(text: string): string[] {
  const values: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    for (const match of line.matchAll(/\w+="((?:[^"\\]|\\.)*)"/g)) values.push(match[1] ?? '');
  }
  return values;
}

/** The value of one sample, e.g. `rapport_ingest_messages_total{outcome="accepted"}`. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe.each(databases)('metrics on $name', (database) => {
  const ctx = useTestApp(database);
  let node: NodeServer | undefined;
  afterEach(async () => {
    await node?.close();
    node = undefined;
  });

  function appWith(metrics?: { registry: Registry; token?: string }, perIp = false as const) {
    return createApp({
      store: ctx.store,
      clock: ctx.clock,
      logger: silentLogger,
      limits: { perKey: false, perIp },
      ...(metrics ? { metrics } : {}),
    });
  }

  it('serves /metrics on the main port only to the bearer of the token', async () => {
    const app = appWith({ registry: new Registry(), token: TOKEN });
    expect((await send(app, 'GET', '/metrics', undefined, { key: null })).status).toBe(401);
    const wrong = await send(app, 'GET', '/metrics', undefined, { key: `${TOKEN}x` });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('unauthorized');
    expect((await send(app, 'GET', '/metrics', undefined, { key: PK })).status).toBe(401);
    const right = await send(app, 'GET', '/metrics', undefined, { key: TOKEN });
    expect(right.status).toBe(200);
    expect(right.headers.get('content-type')).toContain('text/plain');
    expect(right.text).toContain('# TYPE rapport_http_requests_total counter');
  });

  it('serves nothing at /metrics without a token or a port of its own', async () => {
    expect((await send(appWith(), 'GET', '/metrics', undefined, { key: TOKEN })).status).toBe(404);
    const recording = appWith({ registry: new Registry() });
    expect((await send(recording, 'GET', '/metrics', undefined, { key: null })).status).toBe(404);
  });

  it('serves /metrics on a separate port, and not on the main one', async () => {
    const registry = new Registry();
    const app = appWith({ registry });
    await send(app, 'GET', '/v1/config');
    const port = await new Promise<number>((resolve) => {
      node = startNodeServer({
        fetch: metricsApp(registry).fetch,
        port: 0,
        hostname: '127.0.0.1',
        onListening: (info) => resolve(info.port),
      });
    });
    const scraped = await fetch(`http://127.0.0.1:${port}/metrics`);
    const text = await scraped.text();
    expect(scraped.status).toBe(200);
    expect(
      sample(text, 'rapport_http_requests_total{method="GET",route="/v1/config",status="200"}'),
    ).toBe(1);
    const other = await fetch(`http://127.0.0.1:${port}/v1/config`);
    expect(other.status).toBe(404);
    expect((await other.json()).error.code).toBe('not_found');
    expect((await send(app, 'GET', '/metrics', undefined, { key: null })).status).toBe(404);
  });

  it('counts accepted, duplicate and rejected messages and the group-commit statement', async () => {
    const registry = new Registry();
    const app = appWith({ registry, token: TOKEN });
    const first = [message('page'), message('track'), message('feedback')];
    const bad = { id: 'bad-1', type: 'page', timestamp: 'nope', anonymousId: 'a' };
    expect(
      (await send(app, 'POST', '/v1/batch', { messages: [...first, bad] })).body,
    ).toMatchObject({ accepted: 3, duplicates: 0 });
    const again = await send(app, 'POST', '/v1/batch', { messages: [first[0], message('page')] });
    expect(again.body).toMatchObject({ accepted: 1, duplicates: 1 });
    const text = (await send(app, 'GET', '/metrics', undefined, { key: TOKEN })).text;
    expect(sample(text, 'rapport_ingest_messages_total{outcome="accepted"}')).toBe(4);
    expect(sample(text, 'rapport_ingest_messages_total{outcome="duplicate"}')).toBe(1);
    expect(sample(text, 'rapport_ingest_messages_total{outcome="rejected"}')).toBe(1);
    expect(sample(text, 'rapport_ingest_statement_rows_count')).toBe(2);
    expect(sample(text, 'rapport_ingest_statement_rows_sum')).toBe(5);
    expect(sample(text, 'rapport_ingest_statement_batches_sum')).toBe(2);
    if (database.name === 'postgres') {
      expect(text).toMatch(/^rapport_db_pool_in_use \d+$/m);
      expect(text).toMatch(/^rapport_db_pool_waiting 0$/m);
    } else {
      expect(text).not.toContain('rapport_db_pool');
    }
  });

  it('labels routes by pattern: no key, id or URL in any label value', async () => {
    const registry = new Registry();
    const app = createApp({
      store: ctx.store,
      clock: ctx.clock,
      logger: silentLogger,
      limits: { perKey: false, perIp: { points: 3, durationSeconds: 60 } },
      metrics: { registry, token: TOKEN },
    });
    // The CLI mounts the static files after the API, with a catch-all like this one.
    app.get('/*', (c) => c.text('a static file'));
    await send(app, 'POST', '/v1/batch', { messages: [message('feedback', { id: 'fb-7f3a9c' })] });
    await send(app, 'GET', `/v1/config?key=${PK}`, undefined, { key: null });
    await send(app, 'GET', '/v1/admin/feedback/fb-7f3a9c', undefined, { key: SK });
    await send(app, 'PATCH', '/v1/admin/feedback/fb-7f3a9c', { status: 'resolved' }, { key: SK });
    await send(app, 'GET', '/v1/admin/customers/user-4711/timeline', undefined, { key: SK });
    await send(app, 'POST', '/v1/nothing-here/pk_leaked', {}, { key: null });
    await send(app, 'GET', '/v1/config', undefined, { key: 'sk_wrong_place' });
    const text = (await send(app, 'GET', '/metrics', undefined, { key: TOKEN })).text;
    const values = labelValues(text);
    expect(values.length).toBeGreaterThan(10);
    for (const value of values) {
      expect(value).not.toMatch(/pk_|sk_|fb-7f3a9c|user-4711|nothing-here|\?|https?:/);
    }
    expect(values).toContain('/v1/admin/feedback/:id');
    expect(values).toContain('unmatched');
    expect(values).not.toContain('/*');
    const second = (await send(app, 'GET', '/metrics', undefined, { key: TOKEN })).text;
    expect(
      sample(second, 'rapport_http_requests_total{method="GET",route="/metrics",status="200"}'),
    ).toBe(1);
    expect(sample(text, 'rapport_rate_limit_refusals_total{limit="ip"}')).toBeGreaterThan(0);
  });
});
