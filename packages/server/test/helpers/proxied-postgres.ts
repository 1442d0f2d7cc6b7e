import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import {
  createPostgresStore,
  migrate,
  type PostgresStoreOptions,
  type Store,
} from '../../src/store/index';
import { createTcpProxy, type TcpProxy } from './tcp-proxy';
import { seedProjects } from './test-app';

/** A PostgreSQL store in its own schema, reached through a TCP proxy the test controls. */
export interface ProxiedPostgres {
  schema: string;
  /** A direct connection (not through the proxy) to check what was stored. */
  admin: pg.Client;
  proxy: TcpProxy;
  store: Store;
}

/**
 * Opens a seeded store behind a proxy for the enclosing `describe`; `storeOptions` sets its
 * timeouts. Registers its own beforeAll/afterAll; read the parts inside tests.
 */
export function useProxiedPostgres(
  postgresUrl: string | undefined,
  storeOptions: Omit<PostgresStoreOptions, 'connectionString' | 'schema'> = {},
): ProxiedPostgres {
  const url = new URL(postgresUrl ?? 'postgres://localhost');
  const schema = `rapport_test_${randomBytes(6).toString('hex')}`;
  const parts = {
    schema,
    admin: new pg.Client({ connectionString: postgresUrl }),
  } as ProxiedPostgres;

  beforeAll(async () => {
    await parts.admin.connect();
    await parts.admin.query(`CREATE SCHEMA ${schema}`);
    parts.proxy = await createTcpProxy(url.hostname, Number(url.port || 5432));
    url.hostname = '127.0.0.1';
    url.port = String(parts.proxy.port);
    parts.store = createPostgresStore({
      ...storeOptions,
      connectionString: url.toString(),
      schema,
    });
    await migrate(parts.store);
    await seedProjects(parts.store);
  });
  afterAll(async () => {
    await parts.proxy?.restore();
    await parts.store?.close();
    await parts.proxy?.close();
    await parts.admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await parts.admin.end();
  });
  return parts;
}
