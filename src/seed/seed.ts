// The seed orchestrator: scale presets, idempotent runs (skip seeded tenants, append, force),
// batches of tenants written in one transaction each, and the per-tenant entry point.
import { inArray, sql } from 'drizzle-orm';
import type { Database } from '../connection.js';
import { ConfigurationError } from '../errors.js';
import { tenants } from '../schema/index.js';
import { tenantContext, type TenantSeedContext } from './context.js';
import { defaultEnvironment, ensureCatalog, type SeedEnvironment } from './catalog.js';
import { DOMAIN_SEEDERS, type DomainName } from './domains.js';
import { seedIdentity, seedTenantRow, tenantRow } from './identity.js';
import { arrayLiteral } from './sql.js';
import { SeedBatch } from './batch.js';
import { mayLoadTrusted } from './client.js';
import { defaultWriteMethod, writeBatch, type WriteMethod } from './writer.js';

/**
 * Named sizes: how many tenants a run seeds (each tenant holds about a thousand rows).
 *
 * @example
 * ```ts
 * import { SCALES } from '@stocksync/db/seed';
 * SCALES.medium; // 100 tenants
 * ```
 */
export const SCALES = { tiny: 2, small: 10, medium: 100, large: 1000 } as const;

/** A scale preset name. */
export type ScaleName = keyof typeof SCALES;

/**
 * The seed used when none is given.
 *
 * @example
 * ```ts
 * import { DEFAULT_SEED } from '@stocksync/db/seed';
 * await seedDatabase(db, { seed: DEFAULT_SEED });
 * ```
 */
export const DEFAULT_SEED = 'stocksync';

/** What to do with tenants this seed already created. */
export type SeedMode = 'missing' | 'append' | 'force';

/** Options for {@link seedDatabase}. */
export interface SeedOptions {
  /** Preset size (default `small`); `tenants` overrides its tenant count. */
  scale?: ScaleName;
  /** Number of tenants. */
  tenants?: number;
  /** The seed; the same seed gives byte-identical rows. Default {@link DEFAULT_SEED}. */
  seed?: string | number;
  /**
   * `missing` (default): seed the tenants of this seed that are not there yet (a seeded database
   * gets nothing new); `append`: add `tenants` more after the last one present; `force`: delete
   * this seed's tenants (cascading to their rows) and seed them again.
   */
  mode?: SeedMode;
  /** `copy` (default, every driver) or `insert` (multi-row INSERT). */
  method?: WriteMethod;
  /**
   * Trusted bulk load for `copy`: triggers and foreign-key checks off, derived values written by
   * the seeder, then verified in the same transaction (see `WriteBatchOptions.trusted`). Default:
   * whenever the connection may (superuser); `false` forces the rule-following path.
   */
  trusted?: boolean;
  /** Domains to seed besides tenants and users (default: all). */
  domains?: DomainName[];
  /** Rows per transaction before a batch is written (default 50,000 for a trusted load, else 20,000). */
  batchRows?: number;
  /** Progress after each tenant: tenants generated so far and rows queued; only the returned report says what is committed. */
  onProgress?: (progress: { done: number; total: number; rows: number }) => void;
}

/** What a seed run did. */
export interface SeedReport {
  seed: string;
  method: WriteMethod;
  /** Whether batches went in by the trusted load (triggers off, verified) or through every rule. */
  trusted: boolean;
  /** Tenant positions the run covered. */
  range: { from: number; to: number };
  tenantsCreated: number;
  tenantsSkipped: number;
  tenantsDeleted: number;
  /** Rows written per table. */
  rows: Record<string, number>;
  totalRows: number;
  ms: number;
}

/**
 * The tenant id position `index` gets under `seed`.
 *
 * @example
 * ```ts
 * import { tenantIdFor } from '@stocksync/db/seed';
 * const id = tenantIdFor('42', 0); // the id seedDatabase gives tenant 0 of seed 42
 * ```
 */
export function tenantIdFor(seed: string | number, index: number): string {
  return tenantRow(String(seed), index).id;
}

async function existingTenantIds(db: Database, ids: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await db
      .select({ id: tenants.id })
      .from(tenants)
      .where(inArray(tenants.id, ids.slice(i, i + 1000)));
    for (const r of rows) found.add(r.id);
  }
  return found;
}

/** The first position after the last tenant of this seed present in the database. */
async function nextFreeIndex(db: Database, seed: string): Promise<number> {
  let last = -1;
  for (let from = 0; ; from += 1000) {
    const ids = Array.from({ length: 1000 }, (_, i) => tenantIdFor(seed, from + i));
    const present = await existingTenantIds(db, ids);
    if (present.size === 0) return last + 1;
    ids.forEach((id, i) => {
      if (present.has(id)) last = from + i;
    });
  }
}

/**
 * Generates every row of tenant `index` into `batch` (pure: no database access).
 *
 * @example
 * ```ts
 * import { generateTenant } from '@stocksync/db/seed';
 * const batch = new SeedBatch();
 * generateTenant('42', 0, batch);
 * await writeBatch(db, batch, { method: 'insert' });
 * ```
 */
export function generateTenant(
  seed: string,
  index: number,
  batch: SeedBatch,
  domains: readonly DomainName[] = Object.keys(DOMAIN_SEEDERS) as DomainName[],
  env: SeedEnvironment = defaultEnvironment(),
): TenantSeedContext {
  const ctx = tenantContext(seed, index, batch, tenantRow(seed, index), env);
  seedTenantRow(ctx);
  seedIdentity(ctx);
  for (const name of Object.keys(DOMAIN_SEEDERS) as DomainName[]) {
    if (domains.includes(name)) DOMAIN_SEEDERS[name](ctx);
  }
  return ctx;
}

/**
 * Seeds a database: `tenants` tenants (or the scale's count) with users and every domain's data.
 * Idempotent: a second run with the same seed adds nothing (see `mode`).
 *
 * @example
 * ```ts
 * import { seedDatabase } from '@stocksync/db/seed';
 * const report = await seedDatabase(db, { scale: 'small', seed: 42 });
 * ```
 */
export async function seedDatabase(db: Database, options: SeedOptions = {}): Promise<SeedReport> {
  const started = Date.now();
  const seed = String(options.seed ?? DEFAULT_SEED);
  const count = options.tenants ?? SCALES[options.scale ?? 'small'];
  if (!Number.isInteger(count) || count < 0) {
    throw new ConfigurationError(`Tenant count must be a whole number >= 0 (got ${count}).`);
  }
  if (options.scale && !(options.scale in SCALES)) {
    throw new ConfigurationError(`Unknown scale "${options.scale}": use one of ${Object.keys(SCALES).join(', ')}.`);
  }
  const method = options.method ?? defaultWriteMethod(db);
  const mode = options.mode ?? 'missing';
  const from = mode === 'append' ? await nextFreeIndex(db, seed) : 0;
  const indexes = Array.from({ length: count }, (_, i) => from + i);
  const ids = indexes.map((i) => tenantIdFor(seed, i));
  let deleted = 0;
  let present = await existingTenantIds(db, ids);
  if (mode === 'force' && present.size) {
    for (let i = 0; i < ids.length; i += 1000) {
      const gone = await db.delete(tenants).where(inArray(tenants.id, ids.slice(i, i + 1000))).returning({ id: tenants.id });
      deleted += gone.length;
    }
    present = new Set();
  }
  const env = count > 0 ? await ensureCatalog(db) : defaultEnvironment();
  const trusted = method === 'copy' && (options.trusted ?? (await mayLoadTrusted(db)));
  let batch = new SeedBatch();
  const rows: Record<string, number> = {};
  const limit = options.batchRows ?? (trusted ? 50_000 : 20_000);
  let done = 0;
  let created = 0;
  let total = 0;
  let flushes = 0;
  const write = async (full: SeedBatch, durable: boolean) => {
    if (!trusted) dropTriggerAudit(full);
    const written = await writeBatch(db, full, { method, trusted, durable });
    for (const [table, n] of Object.entries(written)) {
      rows[table] = (rows[table] ?? 0) + n;
      total += n;
    }
    // Fresh tables have no statistics, so foreign-key and trigger lookups plan sequential scans
    // that grow with every batch; refresh statistics after batches 1, 2, 4, 8, ...
    // The trusted load runs no per-row lookups, so it needs no statistics mid-run.
    flushes++;
    if (!trusted && Object.keys(written).length && (flushes & (flushes - 1)) === 0) {
      await db.execute(sql.raw(`analyze ${Object.keys(written).map((t) => `"${t}"`).join(', ')}`));
    }
  };
  // Batches are written while the next is generated: the server ingests while this process
  // builds rows (yielding between tenants so the COPY streams keep flowing). A trusted load writes
  // two batches at once on two connections (distinct tenants, nothing shared but the read-only
  // catalog), so the server uses a second core; a failed write surfaces at the next flush or at the end.
  // These batches commit without waiting for the WAL flush; the last batch, written once they all
  // committed, waits for it, which makes every earlier one durable too before the report says so.
  const parallel = trusted ? 2 : 1;
  const writing: Array<Promise<void>> = [];
  const flush = async () => {
    if (writing.length >= parallel) await writing.shift();
    const full = batch;
    batch = new SeedBatch();
    const pending = write(full, false);
    pending.catch(() => {});
    writing.push(pending);
  };
  for (const index of indexes) {
    if (!present.has(ids[index - from]!)) {
      // A full batch is written before the next tenant is added, so the last batch is never empty.
      if (batch.size >= limit) await flush();
      generateTenant(seed, index, batch, options.domains, env);
      created++;
      await new Promise((resolve) => setImmediate(resolve));
    }
    done++;
    options.onProgress?.({ done, total: count, rows: total + batch.size });
  }
  for (const pending of writing) await pending;
  await write(batch, true);
  return {
    seed,
    method,
    trusted,
    range: { from, to: from + count },
    tenantsCreated: created,
    tenantsSkipped: count - created,
    tenantsDeleted: deleted,
    rows,
    totalRows: total,
    ms: Date.now() - started,
  };
}

/**
 * The audit triggers log every seeded insert (with random ids and the current time); seed data is
 * not user activity, so those entries are removed again in the same transaction (only possible,
 * and only done, when the connection may switch triggers off: superuser).
 */
function dropTriggerAudit(batch: SeedBatch): void {
  const ids = batch.rowsOf(tenants).map((t) => t.id!);
  if (!ids.length) return;
  batch.fixup(
    sql`delete from audit_logs where created_at = now() and metadata->>'source' = 'trigger'
        and tenant_id = any(${arrayLiteral(ids)}::uuid[])`,
  );
}

/** Options for {@link seedTenant}. */
export interface SeedTenantOptions {
  seed?: string | number;
  /** Position of the tenant under the seed (default 0); the same seed and index give the same tenant. */
  index?: number;
  method?: WriteMethod;
  /** As {@link SeedOptions.trusted}. */
  trusted?: boolean;
  domains?: DomainName[];
}

/**
 * Seeds one complete tenant (users and every domain) and returns its id and row counts; a fixture
 * helper for services' tests. Seeding the same seed and index twice adds nothing the second time.
 *
 * @example
 * ```ts
 * import { seedTenant } from '@stocksync/db/seed';
 * const { tenantId } = await seedTenant(db, { seed: 'orders-test', index: 0 });
 * ```
 */
export async function seedTenant(
  db: Database,
  options: SeedTenantOptions = {},
): Promise<{ tenantId: string; slug: string; created: boolean; rows: Record<string, number> }> {
  const seed = String(options.seed ?? DEFAULT_SEED);
  const index = options.index ?? 0;
  const row = tenantRow(seed, index);
  const present = await existingTenantIds(db, [row.id]);
  if (present.size) return { tenantId: row.id, slug: row.slug, created: false, rows: {} };
  const batch = new SeedBatch();
  generateTenant(seed, index, batch, options.domains, await ensureCatalog(db));
  const method = options.method ?? defaultWriteMethod(db);
  const trusted = method === 'copy' && (options.trusted ?? (await mayLoadTrusted(db)));
  if (!trusted) dropTriggerAudit(batch);
  const rows = await writeBatch(db, batch, { method, trusted });
  return { tenantId: row.id, slug: row.slug, created: true, rows };
}

/**
 * Rows of a `db.execute` result, whatever the driver (postgres.js returns an array).
 *
 * @example
 * ```ts
 * import { resultRows } from '@stocksync/db/seed';
 * const rows = resultRows<{ n: number }>(await db.execute(sql`select 1 as n`));
 * ```
 */
export function resultRows<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/**
 * Checksums every table of the `public` schema (md5 over its rows in text form, sorted), to prove
 * two seeded databases hold byte-identical data.
 *
 * @example
 * ```ts
 * import { tableChecksums } from '@stocksync/db/seed';
 * const sums = await tableChecksums(db); // { tenants: { rows: 10, md5: '...' }, ... }
 * ```
 */
export async function tableChecksums(db: Database): Promise<Record<string, { rows: number; md5: string }>> {
  const tables = resultRows<{ name: string }>(
    await db.execute(
      sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`,
    ),
  );
  const out: Record<string, { rows: number; md5: string }> = {};
  for (const { name } of tables) {
    const ident = sql.identifier(name);
    const [row] = resultRows<{ rows: string | number; md5: string }>(
      await db.execute(
        sql`select count(*) as rows, md5(coalesce(string_agg(t::text, E'\n' order by t::text), '')) as md5 from ${ident} t`,
      ),
    );
    out[name] = { rows: Number(row!.rows), md5: row!.md5 };
  }
  return out;
}
