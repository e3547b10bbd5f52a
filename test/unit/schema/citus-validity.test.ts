// Citus validity, statically: from the drizzle schema (keys, unique constraints, foreign keys by
// placement) and from the migration SQL replayed to its final state (policies, foreign keys, triggers).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as schema from '../../../src/schema/index.js';
import { wantedKind } from '../../../src/citus/layout.js';

const tables = [...new Set(Object.values(schema as Record<string, unknown>))]
  .filter((v): v is PgTable => is(v, PgTable))
  .map((t) => getTableConfig(t));
const snake = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
const kindOf = (c: (typeof tables)[number]) =>
  wantedKind(c.schema ?? 'public', c.name, c.columns.some((col) => snake(col.name) === 'tenant_id'));
const distributed = tables.filter((c) => kindOf(c) === 'distributed');

describe('Citus validity of the drizzle schema', () => {
  it('finds the tenant tables', () => {
    expect(distributed.length).toBeGreaterThan(50);
  });

  it('every primary key and unique constraint of a distributed table includes tenant_id', () => {
    const problems: string[] = [];
    for (const c of distributed) {
      const pks = c.primaryKeys.map((pk) => pk.columns.map((col) => snake(col.name)));
      if (!pks.length || pks.some((cols) => !cols.includes('tenant_id'))) problems.push(`${c.name}: primary key ${JSON.stringify(pks)}`);
      for (const u of c.uniqueConstraints) {
        const cols = u.columns.map((col) => snake(col.name));
        if (!cols.includes('tenant_id')) problems.push(`${c.name}: unique ${u.getName()} (${cols.join(', ')})`);
      }
      for (const index of c.indexes) {
        if (!index.config.unique) continue;
        const cols = index.config.columns.map((col) => ('name' in col ? snake(String(col.name)) : '<expression>'));
        if (!cols.includes('tenant_id')) problems.push(`${c.name}: unique index ${index.config.name} (${cols.join(', ')})`);
      }
      for (const col of c.columns) if (col.isUnique) problems.push(`${c.name}.${snake(col.name)}: column-level unique without tenant_id`);
    }
    expect(problems).toEqual([]);
  });

  it('foreign keys go tenant -> tenant on tenant_id, or to a reference table; none from a reference table to a tenant table', () => {
    const problems: string[] = [];
    for (const c of tables) {
      const from = kindOf(c);
      for (const fk of c.foreignKeys) {
        const ref = fk.reference();
        const target = getTableConfig(ref.foreignTable);
        const to = kindOf(target);
        const cols = ref.columns.map((col) => snake(col.name));
        const targetCols = ref.foreignColumns.map((col) => snake(col.name));
        if (from === 'reference' && to === 'distributed') problems.push(`${fk.getName()}: reference ${c.name} -> distributed ${target.name}`);
        if (from === 'distributed' && to === 'distributed') {
          const at = cols.indexOf('tenant_id');
          if (at < 0 || targetCols[at] !== 'tenant_id') problems.push(`${fk.getName()}: (${cols}) -> ${target.name}(${targetCols}) does not pair tenant_id`);
        }
        if (from === 'distributed' && to === 'local') problems.push(`${fk.getName()}: distributed ${c.name} -> local ${target.name}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

// ---- The migrations replayed: the final set of policies, foreign keys and triggers. ----
const folder = fileURLToPath(new URL('../../../drizzle/', import.meta.url));
const journal = JSON.parse(readFileSync(`${folder}meta/_journal.json`, 'utf8')) as { entries: { tag: string }[] };
const files = new Set(readdirSync(folder));

const ident = `"?([A-Za-z_][A-Za-z0-9_$]*)"?`;
const table = `(?:"?[A-Za-z_][A-Za-z0-9_]*"?\\.)?${ident}`;

/** Strips comments and dollar-quoted bodies (function code is not DDL of the table). */
function ddlOnly(statement: string): string {
  return statement.replace(/\$([A-Za-z_]*)\$[\s\S]*?\$\1\$/g, '$$$$').replace(/--[^\n]*/g, '');
}

function finalState() {
  const policies = new Map<string, string>();
  const foreignKeys = new Map<string, string>();
  const triggers = new Map<string, string>();
  for (const { tag } of journal.entries) {
    expect(files.has(`${tag}.sql`)).toBe(true);
    const sql = readFileSync(`${folder}${tag}.sql`, 'utf8');
    for (const raw of sql.split('--> statement-breakpoint')) {
      const s = ddlOnly(raw).trim();
      let m: RegExpMatchArray | null;
      if ((m = s.match(new RegExp(`^CREATE POLICY ${ident} ON ${table}`, 'i')))) policies.set(`${m[2]}.${m[1]}`, s);
      else if ((m = s.match(new RegExp(`^DROP POLICY (?:IF EXISTS )?${ident} ON ${table}`, 'i')))) policies.delete(`${m[2]}.${m[1]}`);
      else if ((m = s.match(new RegExp(`^CREATE (?:OR REPLACE )?(?:CONSTRAINT )?TRIGGER ${ident}[\\s\\S]*? ON ${table}`, 'i')))) triggers.set(`${m[2]}.${m[1]}`, s);
      else if ((m = s.match(new RegExp(`^DROP TRIGGER (?:IF EXISTS )?${ident} ON ${table}`, 'i')))) triggers.delete(`${m[2]}.${m[1]}`);
      else if ((m = s.match(new RegExp(`^ALTER TABLE (?:ONLY )?(?:IF EXISTS )?${table}`, 'i')))) {
        const owner = m[1];
        const clauses = s.slice(m[0].length).split(/,(?=\s*(?:ADD|DROP|ALTER|ENABLE|DISABLE|FORCE|NO FORCE)\b)/i);
        for (const clause of clauses) {
          const add = clause.match(new RegExp(`ADD CONSTRAINT ${ident} FOREIGN KEY`, 'i'));
          const drop = clause.match(new RegExp(`DROP CONSTRAINT (?:IF EXISTS )?${ident}`, 'i'));
          if (add) foreignKeys.set(`${owner}.${add[1]}`, clause.trim());
          else if (drop) foreignKeys.delete(`${owner}.${drop[1]}`);
        }
      } else if ((m = s.match(new RegExp(`^DROP TABLE (?:IF EXISTS )?${table}`, 'i')))) {
        for (const map of [policies, foreignKeys, triggers]) for (const key of [...map.keys()]) if (key.startsWith(`${m[1]}.`)) map.delete(key);
      }
    }
  }
  return { policies, foreignKeys, triggers };
}

describe('Citus validity of the migrations (final state)', () => {
  const state = finalState();

  it('replays a real history', () => {
    expect(state.policies.size).toBeGreaterThan(60);
    expect(state.foreignKeys.size).toBeGreaterThan(100);
    expect(state.triggers.size).toBeGreaterThan(50);
  });

  it('no foreign key with a SET NULL column list (Citus refuses them)', () => {
    const found = [...state.foreignKeys].filter(([, def]) => /ON DELETE SET (NULL|DEFAULT)\s*\(/i.test(def)).map(([k]) => k);
    expect(found).toEqual([]);
  });

  it('no policy with a subquery (Citus cannot create it on a distributed table)', () => {
    // A subquery in USING / WITH CHECK, not the `FOR SELECT` of the command.
    const found = [...state.policies].filter(([, def]) => /\(\s*select\b|\bexists\s*\(|\bin\s*\(\s*select\b/i.test(def)).map(([k]) => k);
    expect(found).toEqual([]);
  });

  it('no restrictive policy (Citus re-creates policies on the shards without AS RESTRICTIVE)', () => {
    const found = [...state.policies].filter(([, def]) => /\bAS\s+RESTRICTIVE\b/i.test(def)).map(([k]) => k);
    expect(found).toEqual([]);
  });

  it('no trigger with transition tables (they fail on shards)', () => {
    const found = [...state.triggers].filter(([, def]) => /\bREFERENCING\b/i.test(def)).map(([k]) => k);
    expect(found).toEqual([]);
  });
});
