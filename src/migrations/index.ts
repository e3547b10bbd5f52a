// Public entry of @stocksync/db/migrations: the runner, its building blocks and data-migration helpers.
export { migrateToLatest, defaultMigrationsFolder, type MigrateToLatestOptions } from './migrate-to-latest.js';
export {
  migrateUp,
  migrateDown,
  planMigrations,
  migrationStatus,
  baselineMigrations,
  repairMigrations,
  checkFolderAgainstHistory,
  selectMigrations,
  type MigratorOptions,
  type MigrationEvent,
  type MigrationOutcome,
  type MigrationRunResult,
  type PlannedMigration,
  type MigrationStatus,
  type MigrationStatusEntry,
} from './runner.js';
// Re-exported so the CLI's migrate commands need not load the root entry (and its tables).
export { redactUrl } from '../connection.js';
export {
  MigrationChecksumError,
  MigrationFailedError,
  MigrationIrreversibleError,
  MigrationLockError,
  MigrationPlanError,
} from '../errors.js';
export { openMigrationConnection, type MigrationConnection, type MigrationTarget } from './adapter.js';
export {
  loadMigrations,
  loadDataMigration,
  dataMigrationLooksReversible,
  splitStatements,
  stripSqlComments,
  transactionMode,
  DATA_MIGRATION_MARKER,
  type MigrationFile,
} from './loader.js';
export {
  DEFAULT_MIGRATIONS_SCHEMA,
  DEFAULT_MIGRATIONS_TABLE,
  DRIZZLE_MIGRATIONS_TABLE,
  readHistory,
  type HistoryRow,
  type HistoryDirection,
  type AppliedState,
  type HistoryLocation,
} from './history.js';
export { migrationLockKey, type LockOptions } from './lock.js';
export {
  defineDataMigration,
  type DataMigration,
  type DataMigrationContext,
  type BatchOptions,
  type Batch,
  type BatchProgress,
  type BatchResult,
} from './data.js';
export { quoteIdent, quoteLiteral } from './sql.js';
export { generateDownSql, writeDownFile, orderDownStatements } from './generator.js';
export { lintMigrations, lintSql, type LintFinding, type LintResult, type LintRule } from './lint.js';
export { verifyMigrations, VERIFY_IGNORED_DATA_TABLES, type VerifyOptions, type VerifyResult, type VerifiedMigration } from './verify.js';
export { schemaFingerprint, dataFingerprint, diffLines } from './fingerprint.js';
