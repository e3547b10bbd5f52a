// Finding the tenant a `tenant` subcommand names (slug or id), shared by tenant.ts and tenant-domain.ts.
import { sql } from 'drizzle-orm';
import { isUuid, type Database } from '@stocksync/db';
import { rowsOf } from '../database.js';
import { EXIT, printError } from '../output.js';

/** A tenant as the `tenant` commands show it. */
export interface TenantRow {
  id: string;
  slug: string;
  name: string;
  status: string;
  license_tier: string;
  seats_total: number;
  created_at: string | Date;
  /** Users in the public tables (a schema tenant's are in its schema: see `tenant show`). */
  users: string | number;
  isolation: 'shared' | 'schema';
}

/** Finds a tenant by id or slug. */
export async function findTenant(db: Database, ref: string): Promise<TenantRow | undefined> {
  const where = isUuid(ref) ? sql`t.id = ${ref}::uuid` : sql`t.slug = ${ref}`;
  // Two queries, not a correlated subquery: Citus refuses one over a reference table (tenants).
  const [row] = rowsOf<Omit<TenantRow, 'users'>>(
    await db.execute(sql`select t.id, t.slug, t.name, t.status, t.license_tier, t.seats_total, t.created_at, t.isolation from tenants t where ${where}`),
  );
  if (!row) return undefined;
  const [count] = rowsOf<{ users: string | number }>(await db.execute(sql`select count(*) as users from users u where u.tenant_id = ${row.id}::uuid`));
  return { ...row, users: count?.users ?? 0 };
}

/** Finds the tenant or prints what to do and sets exit code 1. */
export async function requireTenant(db: Database, ref: string): Promise<TenantRow | undefined> {
  const row = await findTenant(db, ref);
  if (!row) {
    printError(`No tenant "${ref}". List them with \`stocksync-db tenant list\`.`);
    process.exitCode = EXIT.failure;
  }
  return row;
}
