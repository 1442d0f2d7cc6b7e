export { migrate, migrationNames, pendingMigrations } from './migrate';
export type { Database } from './schema';
export {
  createPgliteStore,
  createPostgresStore,
  type PgliteStoreOptions,
  type PostgresStoreOptions,
  type Store,
} from './store';
