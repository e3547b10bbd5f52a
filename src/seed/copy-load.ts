// The COPY load of a batch on each driver (node-postgres with pg-copy-streams, postgres.js, PGlite
// through /dev/blob), in one transaction, with the set-based verification of a trusted load.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../connection.js';
import { SeedVerificationError } from '../errors.js';
import type { SeedRow } from './batch.js';
import { clientKind } from './client.js';
import { copyPlan, type CopyPlan } from './copy-format.js';
import { arrayLiteral } from './sql.js';
import type { VerificationCheck } from './verify.js';

type AnyRow = SeedRow;

// Rows per COPY chunk written to the stream (keeps memory flat on large batches).
const COPY_CHUNK = 5_000;

/** What a COPY load does around the rows: statements before and after, checks, progress. */
export interface CopyWork {
  /** Statements before the first COPY (the trusted path switches to replica mode). */
  prelude: string[];
  /** Statements after the rows are in. */
  statements: Array<{ sql: string; params: unknown[] }>;
  /** Checks that must each count zero rows before commit. */
  verify?: { checks: VerificationCheck[]; tenantIds: string[] };
  done: (t: PgTable, n: number) => void;
}

type Exec = (text: string, params?: unknown[]) => Promise<Array<Record<string, unknown>>>;

async function inLoad(exec: Exec, copy: (table: PgTable, rows: AnyRow[]) => Promise<void>, ordered: Array<[PgTable, AnyRow[]]>, work: CopyWork) {
  for (const statement of work.prelude) await exec(statement);
  for (const [table, rows] of ordered) {
    await copy(table, rows);
    work.done(table, rows.length);
  }
  for (const q of work.statements) await exec(q.sql, q.params);
  if (work.verify && work.verify.checks.length) await verifyLoad(exec, work.verify.checks, work.verify.tenantIds);
}

// All checks in one round trip: each query gives an array of counts, only non-zero ones come back.
async function verifyLoad(exec: Exec, checks: VerificationCheck[], tenantIds: string[]) {
  // Freshly loaded tables have no statistics, and the planner then serves `tenant_id = any(...)`
  // from the (tenant_id, tags) GIN indexes by bitmap scans: measured ~2.3x slower than plain scans.
  await exec('set local enable_bitmapscan = off');
  const values = checks.map((c, i) => `(${i}, (${c.sql}))`).join(',\n');
  const rows = await exec(
    `select g.i, x.k, x.n from (values ${values}) as g(i, a), unnest(g.a) with ordinality as x(n, k) where x.n > 0 order by 1, 2`,
    [arrayLiteral(tenantIds)],
  );
  if (rows.length) {
    throw new SeedVerificationError(rows.map((r) => ({ check: checks[Number(r.i)]!.checks[Number(r.k) - 1]!, rows: Number(r.n) })));
  }
}

/** Loads the tables' rows by COPY in one transaction on the handle's driver, with `work` around them. */
export async function copyRows(db: Database, ordered: Array<[PgTable, AnyRow[]]>, work: CopyWork) {
  const kind = clientKind(db);
  const client = (db as unknown as { $client: unknown }).$client;
  if (kind === 'pglite') {
    const pglite = client as import('@electric-sql/pglite').PGlite;
    await pglite.transaction(async (tx) => {
      const exec: Exec = async (text, params = []) => (await tx.query<Record<string, unknown>>(text, params)).rows;
      await inLoad(
        exec,
        async (table, rows) => {
          const plan = copyPlan(table, rows);
          await tx.query(plan.statement(`'/dev/blob'`), [], { blob: new Blob([plan.encode(rows)]) });
        },
        ordered,
        work,
      );
    });
    return;
  }
  if (kind === 'postgres') {
    const sql = client as import('postgres').Sql;
    await sql.begin(async (tx) => {
      const exec: Exec = async (text, params = []) => (await tx.unsafe(text, params as never[])) as unknown as Array<Record<string, unknown>>;
      await inLoad(
        exec,
        async (table, rows) => {
          const plan = copyPlan(table, rows);
          const stream = await tx.unsafe(plan.statement('STDIN')).writable();
          await pipeChunks(stream, plan, rows);
        },
        ordered,
        work,
      );
    });
    return;
  }
  const pool = client as import('pg').Pool;
  const { from } = await import('pg-copy-streams');
  const conn = await pool.connect();
  try {
    await conn.query('BEGIN');
    const exec: Exec = async (text, params = []) => (await conn.query(text, params)).rows;
    await inLoad(
      exec,
      async (table, rows) => {
        const plan = copyPlan(table, rows);
        await pipeChunks(conn.query(from(plan.statement('STDIN'))), plan, rows);
      },
      ordered,
      work,
    );
    await conn.query('COMMIT');
  } catch (error) {
    await conn.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    conn.release();
  }
}

async function pipeChunks(stream: NodeJS.WritableStream, plan: CopyPlan, rows: AnyRow[]): Promise<void> {
  function* chunks() {
    for (let i = 0; i < rows.length; i += COPY_CHUNK) yield plan.encode(rows.slice(i, i + COPY_CHUNK));
  }
  await pipeline(Readable.from(chunks()), stream);
}
