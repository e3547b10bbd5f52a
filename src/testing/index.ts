// Public entry of @stocksync/db/testing: throwaway Postgres servers and per-test databases.
export { startPostgres, backendOrder, type StartPostgresOptions, type TestPostgres, type PostgresSource } from './start-postgres.js';
export { createGlobalSetup, type GlobalSetupOptions } from './global-setup.js';
export { startLocalCluster, findPostgresBinDir, freePort, clusterParentDir, type LocalCluster, type LocalClusterOptions } from './local-cluster.js';
export { probeContainerRuntime, startPostgresContainer, DEFAULT_POSTGRES_IMAGE, type ContainerProbe, type PostgresContainerHandle } from './container.js';
export {
  createTestDatabase,
  ensureTemplate,
  migrationsHash,
  withDatabase,
  quoteIdent,
  type TestDatabase,
  type CreateTestDatabaseOptions,
} from './test-database.js';
export {
  assertTenantIsolation,
  type TenantIsolationOptions,
  type TenantIsolationReport,
  type TableIsolationReport,
} from './isolation.js';
