// Test helpers for the migration runner: empty databases on the test server and small fixture
// migration folders in drizzle-kit's layout.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { quoteIdent, withDatabase } from '../../../src/testing/index.js';

/** A fixture migration: up SQL, optional down SQL, or a data migration module source. */
export interface FixtureMigration {
  name: string;
  up?: string;
  down?: string;
  data?: string;
}

/** Writes a drizzle-kit-shaped folder (journal + NNNN_name.sql [+ .down.sql | .data.ts]). */
export function fixtureFolder(migrations: FixtureMigration[], dir?: string): string {
  const folder = dir ?? mkdtempSync(join(tmpdir(), 'stocksync-mig-'));
  mkdirSync(join(folder, 'meta'), { recursive: true });
  const entries = migrations.map((m, idx) => ({ idx, version: '7', when: 1_700_000_000_000 + idx * 1000, tag: m.name, breakpoints: true }));
  writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify({ version: '7', dialect: 'postgresql', entries }, null, 2));
  for (const m of migrations) {
    if (m.data !== undefined) {
      writeFileSync(join(folder, `${m.name}.sql`), `-- stocksync:data-migration ${m.name}.data.ts\n`);
      writeFileSync(join(folder, `${m.name}.data.ts`), m.data);
    } else {
      writeFileSync(join(folder, `${m.name}.sql`), m.up ?? '');
      if (m.down !== undefined) writeFileSync(join(folder, `${m.name}.down.sql`), m.down);
    }
  }
  return folder;
}

export function removeFolder(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
}

let seq = 0;

/** An empty database on the integration server. */
export async function emptyDatabase(): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const server = process.env.STOCKSYNC_TEST_SERVER_URL;
  if (!server) throw new Error('STOCKSYNC_TEST_SERVER_URL is not set: run through the integration project.');
  const name = `stocksync_mig_${process.pid}_${++seq}_${Date.now().toString(36)}`;
  await admin(server, `create database ${quoteIdent(name)}`);
  return {
    url: withDatabase(server, name),
    name,
    drop: () => admin(server, `drop database if exists ${quoteIdent(name)} with (force)`),
  };
}

async function admin(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Runs one query on a URL and returns its rows. */
export async function query<T = Record<string, unknown>>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}
