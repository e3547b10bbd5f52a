// The runner's vocabulary: its options, the events it reports and the results it returns.
import type { MigrationFailedError } from '../errors.js';
import type { BatchProgress } from './data.js';
import type { LockOptions } from './lock.js';

/** Something the runner reports while it works (the CLI turns these into output). */
export type MigrationEvent =
  | { type: 'lock-wait' }
  | { type: 'start'; name: string; direction: 'up' | 'down'; kind: 'sql' | 'data'; transaction: boolean }
  | { type: 'done'; name: string; direction: 'up' | 'down'; durationMs: number }
  | { type: 'failed'; name: string; direction: 'up' | 'down'; error: MigrationFailedError }
  | { type: 'progress'; name: string; progress: BatchProgress }
  | { type: 'log'; name: string; message: string };

/** Options shared by every runner entry point. */
export interface MigratorOptions {
  /** drizzle-kit migrations folder (default: the package's drizzle/). */
  folder?: string;
  /** Schema of the history table (default 'drizzle'). */
  schema?: string;
  /** History table (default 'stocksync_migrations'). */
  table?: string;
  /** drizzle-orm's table in the same schema (default '__drizzle_migrations'). */
  drizzleTable?: string;
  /** Lock mode and wait timeout. */
  lock?: LockOptions;
  /** `SET LOCAL lock_timeout` for each transactional migration, e.g. '10s' (default: none). */
  lockTimeout?: string;
  /** Apply pending files older than the newest applied one instead of refusing (after a branch merge). */
  allowOutOfOrder?: boolean;
  /** Receives progress; the library itself never prints. */
  onEvent?: (event: MigrationEvent) => void;
}

/** One migration that ran. */
export interface MigrationOutcome {
  name: string;
  direction: 'up' | 'down';
  kind: 'sql' | 'data';
  durationMs: number;
  /** What a data migration's up/down returned (e.g. a quarantine report). */
  report?: unknown;
}

/** Result of {@link migrateUp} and {@link migrateDown}. */
export interface MigrationRunResult {
  direction: 'up' | 'down';
  migrations: MigrationOutcome[];
}

/** A migration the runner would run, with its SQL (for `plan`). */
export interface PlannedMigration {
  name: string;
  direction: 'up' | 'down';
  kind: 'sql' | 'data';
  transaction: boolean;
  noTransactionReason?: string;
  /** The statements (SQL migrations) or the data file path. */
  statements: string[];
  dataPath?: string;
}

/** The state of one migration for `status`. */
export interface MigrationStatusEntry {
  name: string;
  kind: 'sql' | 'data';
  state: 'applied' | 'pending' | 'failed' | 'interrupted' | 'missing-file';
  appliedAt: Date | null;
  /** false when the file changed after it was applied (repair after review). */
  checksumOk: boolean | null;
  /** true for a pending file older than the newest applied one. */
  outOfOrder: boolean;
  reversible: boolean;
  /** Error of the latest failed attempt. */
  lastError: string | null;
}

/** Result of {@link migrationStatus}. */
export interface MigrationStatus {
  migrations: MigrationStatusEntry[];
  applied: number;
  pending: number;
  /** drizzle-kit migrate ran here but the runner never did: run `baseline`. */
  needsBaseline: boolean;
}
