// The fleet of tenant schemas: which ones lag behind the template (one catalog query), and bringing them
// all to it with bounded parallelism, a lock per schema (runners on several machines share the work),
// each schema in its own transaction (a failure stops nothing else and a second run resumes).
import { sql } from 'drizzle-orm';
import { listTenantSchemas, type TenantSchemaStamp } from './stamp.js';
import type { SchemaStructure, TransactionRunner } from './structure.js';
import { readTemplate, saveTemplate, syncTenantSchema, type Template } from './sync.js';

/** The fleet against the template. */
export interface FleetStatus {
  template: string;
  schemas: number;
  lagging: TenantSchemaStamp[];
}

/**
 * Reads the template and every schema's stamp: the schemas not at the template are lagging.
 *
 * @example
 * ```ts
 * import { tenantSchemaStatus } from '@stocksync/db/tenant-schemas';
 * const { lagging } = await tenantSchemaStatus(db);
 * ```
 */
export async function tenantSchemaStatus(db: TransactionRunner, template?: Template): Promise<FleetStatus> {
  const t = template ?? (await readTemplate(db));
  const stamps = await listTenantSchemas(db);
  return { template: t.digest, schemas: stamps.length, lagging: stamps.filter((s) => s.digest !== t.digest) };
}

/** What happened to one schema. */
export interface SchemaOutcome {
  schema: string;
  tenantId: string;
  status: 'migrated' | 'locked' | 'failed';
  changes: number;
  ms: number;
  error?: string;
}

/** The report of {@link migrateTenantSchemas}. */
export interface FleetReport {
  template: string;
  schemas: number;
  upToDate: number;
  outcomes: SchemaOutcome[];
  ms: number;
}

/** Options of {@link migrateTenantSchemas}. */
export interface FleetOptions {
  /** Schemas migrated at once (default 4); the handle's pool needs as many connections. */
  concurrency?: number;
  /** Called after each schema. */
  onSchema?: (outcome: SchemaOutcome, done: number, total: number) => void;
  /** lock_timeout of each schema's transaction (default 5000 ms). */
  lockTimeoutMs?: number;
  /**
   * Statements run in each schema's transaction before its DDL (`SET LOCAL ...`): what a distributed
   * database needs (on Citus, `tenantSchemaDdlSettings` of `@stocksync/db/citus`, which allows trigger
   * DDL on distributed schemas).
   */
  settings?: readonly string[];
}

/** Advisory lock class of tenant schema migrations (the second key is the schema's hash). */
const LOCK_CLASS = 0x5354_5343;

/**
 * Brings every lagging tenant schema to the template (the public tables as the shared migrations left
 * them). Each schema: its own transaction, skipped when another runner holds its lock, reported on failure.
 *
 * @example
 * ```ts
 * import { migrateTenantSchemas } from '@stocksync/db/tenant-schemas';
 * const report = await migrateTenantSchemas(db, { concurrency: 4 });
 * ```
 */
export async function migrateTenantSchemas(db: TransactionRunner, options: FleetOptions = {}): Promise<FleetReport> {
  const started = performance.now();
  const template = await readTemplate(db);
  const status = await tenantSchemaStatus(db, template);
  if (status.lagging.length) await saveTemplate(db, template);
  const queue = [...status.lagging];
  const outcomes: SchemaOutcome[] = [];
  const total = queue.length;
  // The templates the schemas were brought to, read once each for the whole fleet.
  const recorded = new Map<string, SchemaStructure>();
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const t0 = performance.now();
      const { schema, tenantId } = next;
      let outcome: SchemaOutcome;
      try {
        const result = await db.transaction(async (tx) => {
          const locked = await tx.execute(sql`select pg_try_advisory_xact_lock(${LOCK_CLASS}, hashtext(${schema})) as ok`);
          const rows = (Array.isArray(locked) ? locked : (locked as { rows: { ok: boolean }[] }).rows) as { ok: boolean }[];
          if (!rows[0]?.ok) return null;
          for (const statement of options.settings ?? []) await tx.execute(sql.raw(statement));
          return syncTenantSchema(tx as TransactionRunner, template, schema, {
            recorded,
            ...(options.lockTimeoutMs ? { lockTimeoutMs: options.lockTimeoutMs } : {}),
          });
        });
        outcome = result
          ? { schema, tenantId, status: 'migrated', changes: result.changes.length, ms: performance.now() - t0 }
          : { schema, tenantId, status: 'locked', changes: 0, ms: performance.now() - t0 };
      } catch (error) {
        outcome = { schema, tenantId, status: 'failed', changes: 0, ms: performance.now() - t0, error: failureOf(error) };
      }
      outcomes.push(outcome);
      options.onSchema?.(outcome, outcomes.length, total);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 4, total || 1)) }, worker));
  return { template: template.digest, schemas: status.schemas, upToDate: status.schemas - total, outcomes, ms: performance.now() - started };
}

/** The database's own message (drizzle wraps it in "Failed query: <the whole statement>"), with the statement's start. */
function failureOf(error: unknown): string {
  const e = error as Error & { cause?: Error; query?: string };
  if (e.cause instanceof Error && typeof e.query === 'string') return `${e.cause.message} (in: ${e.query.slice(0, 120)})`;
  return e.message;
}
