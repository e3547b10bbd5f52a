// assertTenantIsolation: a leak test generated from the schema. For every tenant table, tenant A must
// not read, update, delete or reference tenant B's rows, through the scoped builder and raw SQL as the app role.
import { eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import { getTableConfig, PgTable, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { sqlStateOf, TenantIsolationError } from '../errors.js';
import * as packageSchema from '../schema/_tables.js';
import { APP_ROLE } from '../schema/_roles.js';
import { tenantContextSql, type AnyPgDatabase } from '../tenancy/context/index.js';
import { privilegedSessionOf } from '../tenancy/context/privileged.js';
import { isRlsTenantTable } from '../tenancy/policies.js';
import { isTenantTable, tenantDb } from '../tenancy/tenant-db.js';

/** Options of {@link assertTenantIsolation}. */
export interface TenantIsolationOptions {
  /** The tenant that attacks. */
  tenantA: string;
  /** The tenant whose rows must stay invisible to A; every checked table needs at least one of its rows. */
  tenantB: string;
  /** Modules or objects whose tenant tables are checked (default: this package's schema). */
  schema?: Record<string, unknown>;
  /** Table names to leave out, each with a reason (reported back). */
  skip?: Record<string, string>;
  /** Fail when a table has no row of B (default true): an unexercised table proves nothing. */
  requireRows?: boolean;
  /** The application role (default `stocksync_app`). */
  role?: string;
  /** A privileged session user to accept by name (as withTenant's option; default: the handle's allowPrivilegedSession). */
  privilegedSession?: string;
}

/** What was checked on one table. */
export interface TableIsolationReport {
  table: string;
  /** Checks that passed, e.g. `builder.read`, `raw.update`, `reference.project_id`. */
  passed: string[];
  /** Checks that could not conclude (e.g. a unique key fired before the foreign key), with the reason. */
  inconclusive: string[];
  /** True when B attacked A (A had no row of B to aim at in this table). */
  reversed?: boolean;
  skipped?: string;
}

/** The result of {@link assertTenantIsolation} when no leak was found. */
export interface TenantIsolationReport {
  tables: TableIsolationReport[];
}

class Rollback extends Error {}

function q(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[];
}

function snake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/**
 * Checks, for every tenant table of the schema (so a new table is covered without a new test),
 * that tenant A cannot read, update or delete tenant B's rows, through {@link tenantDb} and through
 * raw SQL as the application role; that a row of A cannot be pointed at B's row through any
 * composite foreign key; and that the application role with no tenant sees 0 rows. Writes happen
 * in transactions that are rolled back. Needs an owner or superuser handle and rows of both tenants
 * (seed them first). Throws {@link TenantIsolationError} listing every finding.
 *
 * @example
 * ```ts
 * import { assertTenantIsolation } from '@stocksync/db/testing';
 * import { seedTenant } from '@stocksync/db/seed';
 * const a = await seedTenant(db, { index: 0 });
 * const b = await seedTenant(db, { index: 1 });
 * await assertTenantIsolation(db, { tenantA: a.tenantId, tenantB: b.tenantId });
 * ```
 */
export async function assertTenantIsolation(
  db: AnyPgDatabase,
  options: TenantIsolationOptions,
): Promise<TenantIsolationReport> {
  const { tenantA, tenantB } = options;
  const role = options.role ?? APP_ROLE;
  const failures: string[] = [];
  const reports: TableIsolationReport[] = [];
  const tables = [...new Set(Object.values(options.schema ?? packageSchema))].filter(
    (t): t is PgTable => isRlsTenantTable(t) && isTenantTable(t),
  );
  const byName = new Map(tables.map((t) => [getTableConfig(t).name, t]));

  // Raw SQL as the application role, in a transaction that is always rolled back.
  const asApp = async <T>(tenant: string | null, fn: (run: (query: SQL) => Promise<unknown[]>) => Promise<T>) => {
    let result: T | undefined;
    await db
      .transaction(async (tx) => {
        // The tenant is entered as withTenant enters it (signed context); no context is the role alone.
        if (tenant) await tx.execute(tenantContextSql(tenant, { role, privilegedSession: privilegedSessionOf(db, options.privilegedSession) ?? undefined }));
        else await tx.execute(sql`select set_config('role', ${role}, true)`);
        result = await fn(async (query) => rowsOf(await tx.execute(query)));
        throw new Rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Rollback)) throw error;
      });
    return result as T;
  };
  // A write that must affect nothing: 0 rows, or refused by a privilege/policy error.
  const refused = async (label: string, write: () => Promise<unknown[]>, findings: string[], passed: string[]) => {
    try {
      const rows = await write();
      if (rows.length) findings.push(`${label}: affected ${rows.length} row(s) of tenant B`);
      else passed.push(label);
    } catch (error) {
      if (error instanceof Rollback) throw error;
      const state = sqlStateOf(error);
      if (state === '42501') passed.push(label);
      else findings.push(`${label}: unexpected error ${state ?? ''} ${(error as Error).message}`);
    }
  };

  // One direction: tenant A tries to read, change and reference tenant B's rows of one table.
  const checkTable = async (
    name: string,
    table: PgTable,
    A: string,
    B: string,
    report: TableIsolationReport,
  ): Promise<string[] | 'no-rows'> => {
      const columns = getTableColumns(table) as Record<string, AnyPgColumn>;
      const findings: string[] = [];
      const T = sql.raw(q(name));
      const [ownerView] = rowsOf<{ id: string }>(
        await db.execute(sql`select id::text as id from ${T} where tenant_id = ${B}::uuid limit 1`),
      );
      if (!ownerView) return 'no-rows';
      const bId = ownerView.id;
      const idColumn = columns.id!;

      // Through the scoped builder (statements rolled back with the transaction).
      const scoped = tenantDb(db, A, { role });
      await scoped
        .transaction(async (t) => {
          const read = await t.select().from(table as never).where(eq(idColumn, bId));
          if ((read as unknown[]).length) findings.push(`builder.read: saw ${(read as unknown[]).length} row(s) of B`);
          else report.passed.push('builder.read');
          await refused(
            'builder.update',
            () => t.update(table as never).set({ id: sql`id` } as never).where(eq(idColumn, bId)).returning() as Promise<unknown[]>,
            findings,
            report.passed,
          );
          throw new Rollback();
        })
        .catch((error: unknown) => {
          if (!(error instanceof Rollback)) findings.push(`builder: ${(error as Error).message}`);
        });
      await scoped
        .transaction(async (t) => {
          await refused(
            'builder.delete',
            () => t.delete(table as never).where(eq(idColumn, bId)).returning() as Promise<unknown[]>,
            findings,
            report.passed,
          );
          throw new Rollback();
        })
        .catch((error: unknown) => {
          if (!(error instanceof Rollback)) findings.push(`builder: ${(error as Error).message}`);
        });

      // Raw SQL as the application role in A's context, then with no context at all.
      await asApp(A, async (run) => {
        const seen = await run(sql`select id from ${T} where id = ${bId}::uuid or tenant_id = ${B}::uuid`);
        if (seen.length) findings.push(`raw.read: saw ${seen.length} row(s) of B`);
        else report.passed.push('raw.read');
      });
      for (const [label, statement] of [
        ['raw.update', sql`update ${T} set id = id where id = ${bId}::uuid or tenant_id = ${B}::uuid returning id`],
        ['raw.delete', sql`delete from ${T} where id = ${bId}::uuid or tenant_id = ${B}::uuid returning id`],
      ] as const) {
        await asApp(A, (run) => refused(label, () => run(statement), findings, report.passed));
      }
      await asApp(null, async (run) => {
        const seen = await run(sql`select id from ${T} limit 1`);
        if (seen.length) findings.push('no-context.read: the application role without a tenant saw rows');
        else report.passed.push('no-context.read');
        await refused('no-context.update', () => run(sql`update ${T} set id = id returning id`), findings, report.passed);
      });

      // Composite foreign keys: pointing a row of A at B's row must fail.
      for (const fk of getTableConfig(table).foreignKeys) {
        const reference = fk.reference();
        const target = getTableConfig(reference.foreignTable).name;
        const [tenantColumn, column] = reference.columns.map((c) => snake(c.name));
        if (!isRlsTenantTable(reference.foreignTable)) continue;
        if (reference.columns.length !== 2 || tenantColumn !== 'tenant_id' || !column || column === 'tenant_id') {
          const columns = reference.columns.map((c) => snake(c.name)).join(', ');
          findings.push(`reference.${columns}: the key to ${target} does not lead with tenant_id, so a row can point at another tenant's row`);
          continue;
        }
        const label = `reference.${column}`;
        // Try both directions: the data may only allow one (a row here, a target row there).
        let outcome: 'passed' | 'leak' | undefined;
        let reason = '';
        for (const [x, y] of [
          [A, B],
          [B, A],
        ] as const) {
          const [row] = rowsOf<{ id: string }>(
            await db.execute(sql`select id::text as id from ${T} where tenant_id = ${x}::uuid limit 1`),
          );
          const [foreign] = rowsOf<{ id: string }>(
            await db.execute(sql`select id::text as id from ${sql.raw(q(target))} where tenant_id = ${y}::uuid limit 1`),
          );
          if (!row || !foreign) {
            reason ||= `needs a row of one tenant in ${name} and a row of the other in ${target}`;
            continue;
          }
          await asApp(x, async (run) => {
            try {
              await run(sql`update ${T} set ${sql.raw(q(column))} = ${foreign.id}::uuid where id = ${row.id}::uuid`);
              // Foreign keys are checked at the end of the statement unless deferred: force the check.
              await run(sql`set constraints all immediate`);
              outcome = 'leak';
              findings.push(`${label}: a row of one tenant now references ${target} row ${foreign.id} of the other`);
            } catch (error) {
              const state = sqlStateOf(error);
              if (state === '23503' || state === '42501') outcome = 'passed';
              else reason = `refused with ${state} (a rule of ${name}) before the foreign key was checked`;
              throw new Rollback();
            }
          });
          if (outcome) break;
        }
        if (outcome === 'passed') report.passed.push(label);
        if (outcome) continue;
        // No conclusive write: prove it from the catalog instead (the composite key is what refuses it).
        report.inconclusive.push(`${label}: ${reason}`);
        const [composite] = rowsOf<{ ok: boolean }>(
          await db.execute(sql`select true as ok from pg_constraint k
            where k.contype = 'f' and k.conrelid = to_regclass(${q(name)}) and k.confrelid = to_regclass(${q(target)})
              and array(select a.attname::text from unnest(k.conkey) with ordinality u(n, i)
                        join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.n order by u.i) = array['tenant_id', ${column}]
              and array(select a.attname::text from unnest(k.confkey) with ordinality u(n, i)
                        join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.n order by u.i) = array['tenant_id', 'id']`),
        );
        if (composite?.ok) report.passed.push(`${label}:catalog`);
        else findings.push(`${label}: no composite (tenant_id, ${column}) -> ${target}(tenant_id, id) foreign key in the database`);
      }
    return findings;
  };

  for (const [name, table] of [...byName].sort(([a], [b]) => a.localeCompare(b))) {
    const report: TableIsolationReport = { table: name, passed: [], inconclusive: [] };
    reports.push(report);
    const skip = options.skip?.[name];
    if (skip) {
      report.skipped = skip;
      continue;
    }
    if (!('id' in getTableColumns(table))) {
      report.skipped = 'no id column';
      continue;
    }
    const [exists] = rowsOf<{ found: string | null }>(await db.execute(sql`select to_regclass(${q(name)})::text as found`));
    if (!exists?.found) {
      failures.push(`${name}: table missing from the database (are the migrations applied?)`);
      continue;
    }
    // A attacks B; when B has no row in this table, B attacks A instead.
    let outcome = await checkTable(name, table, tenantA, tenantB, report);
    if (outcome === 'no-rows') {
      outcome = await checkTable(name, table, tenantB, tenantA, report);
      if (outcome !== 'no-rows') report.reversed = true;
    }
    if (outcome === 'no-rows') {
      if (options.requireRows ?? true) failures.push(`${name}: no row of either tenant to test with (seed both tenants)`);
      else report.skipped = 'no row of either tenant';
      continue;
    }
    for (const finding of outcome) failures.push(`${name}: ${finding}`);
  }

  if (failures.length) {
    throw new TenantIsolationError(
      `Tenant isolation failed in ${failures.length} check(s):\n- ${failures.join('\n- ')}`,
      failures,
    );
  }
  return { tables: reports };
}
