// schema/_tables.ts (the relational schema drizzle gets, and the source of the Schema type) lists
// exactly the tables and relations of the schema barrel: a new table cannot be left out.
import { is, Relations } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as barrel from '../../../src/schema/index.js';
import * as tables from '../../../src/schema/_tables.js';

describe('schema/_tables.ts', () => {
  it('exports every table and relations object of the schema, and nothing else', () => {
    const expected = Object.entries(barrel)
      .filter(([, value]) => is(value, PgTable) || is(value, Relations))
      .map(([name]) => name)
      .sort();
    expect(Object.keys(tables).sort()).toEqual(expected);
    for (const name of expected) expect((tables as Record<string, unknown>)[name]).toBe((barrel as Record<string, unknown>)[name]);
  });
});
