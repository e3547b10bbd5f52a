// The core-domain down migrations revert exactly what their up migrations did: applying down then up
// again reproduces the catalog, and 0006 + 0005 down restore the catalog from before them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteIdent, withDatabase } from '../../../src/testing/index.js';

const folder = fileURLToPath(new URL('../../../drizzle/', import.meta.url));
const journal = (JSON.parse(readFileSync(`${folder}meta/_journal.json`, 'utf8')) as { entries: Array<{ tag: string }> }).entries.map(
  (e) => e.tag,
);
const RULES = /_(core_tenancy|identity|projects|documents|workflows|audit)_rules$/;
const mine = journal.filter((t) => RULES.test(t));
const serverUrl = process.env.STOCKSYNC_TEST_SERVER_URL!;
const names = [`core_down_a_${process.pid}`, `core_down_b_${process.pid}`];
let admin: pg.Client;
const clients: pg.Client[] = [];

async function fresh(name: string): Promise<pg.Client> {
  await admin.query(`create database ${quoteIdent(name)}`);
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, name) });
  await client.connect();
  clients.push(client);
  return client;
}

async function run(client: pg.Client, file: string): Promise<void> {
  for (const statement of readFileSync(folder + file, 'utf8').split('--> statement-breakpoint')) {
    if (statement.trim()) await client.query(statement);
  }
}

async function catalog(client: pg.Client): Promise<string> {
  const result = await client.query<{ s: string }>(`select string_agg(x, E'\\n' order by x) as s from (
    select 'rel ' || relname || ' ' || relrowsecurity || relforcerowsecurity || ' ' || coalesce(relacl::text, '') as x
      from pg_class where relnamespace = 'public'::regnamespace
    union all select 'con ' || conname || ' ' || pg_get_constraintdef(oid) from pg_constraint where connamespace = 'public'::regnamespace
    union all select 'trg ' || tgname from pg_trigger where not tgisinternal
    union all select 'fn ' || proname from pg_proc where pronamespace = 'public'::regnamespace
    union all select 'pol ' || polname from pg_policy
    union all select 'ext ' || extname from pg_extension) q`);
  return result.rows[0]!.s;
}

beforeAll(async () => {
  admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
});
afterAll(async () => {
  for (const c of clients) await c.end();
  for (const name of names) await admin.query(`drop database if exists ${quoteIdent(name)} with (force)`);
  await admin.end();
});

describe('core-domain down migrations', () => {
  it('the rules migrations revert and re-apply to the same catalog', async () => {
    expect(mine).toHaveLength(6);
    const db = await fresh(names[0]!);
    for (const tag of journal.slice(0, journal.indexOf(mine.at(-1)!) + 1)) await run(db, `${tag}.sql`);
    const before = await catalog(db);
    for (const tag of [...mine].reverse()) await run(db, `${tag}.down.sql`);
    const reverted = await catalog(db);
    expect(reverted).not.toBe(before);
    expect(reverted).not.toMatch(/trg tasks_status_transition|fn stocksync_folders_path|sprints_tenant_id_project_id_dates_excl/);
    for (const tag of mine) await run(db, `${tag}.sql`);
    expect(await catalog(db)).toBe(before);
  });

  it('0006_core_domains and 0005_schema_prereqs down restore the catalog from before them', async () => {
    const db = await fresh(names[1]!);
    const prereqs = journal.indexOf('0005_schema_prereqs');
    for (const tag of journal.slice(0, prereqs)) await run(db, `${tag}.sql`);
    const before = await catalog(db);
    await run(db, '0005_schema_prereqs.sql');
    await run(db, '0006_core_domains.sql');
    await run(db, '0006_core_domains.down.sql');
    await run(db, '0005_schema_prereqs.down.sql');
    expect(await catalog(db)).toBe(before);
  });
});
