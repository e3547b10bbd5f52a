// Applies every pending migration of a folder to a database URL (interim: drizzle's migrator).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Options for {@link migrateToLatest}. */
export interface MigrateToLatestOptions {
  url: string;
  migrationsFolder?: string;
}

/**
 * The package's own `drizzle/` folder, found by walking up from this module (works from src and dist).
 *
 * @example
 * ```ts
 * import { defaultMigrationsFolder } from '@stocksync/db/migrations';
 * ```
 */
export function defaultMigrationsFolder(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'drizzle');
    if (existsSync(join(candidate, 'meta', '_journal.json'))) return candidate;
    dir = resolve(dir, '..');
  }
  throw new Error('The package migrations folder (drizzle/) was not found next to @stocksync/db.');
}

/**
 * Migrates the database at `url` to the latest migration.
 *
 * @example
 * ```ts
 * import { migrateToLatest } from '@stocksync/db/migrations';
 * await migrateToLatest({ url: process.env.DATABASE_URL! });
 * ```
 */
export async function migrateToLatest(options: MigrateToLatestOptions): Promise<void> {
  const pg = await import('pg');
  const Client = pg.default.Client;
  const client = new Client({ connectionString: options.url });
  await client.connect();
  try {
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    await migrate(drizzle({ client }), {
      migrationsFolder: options.migrationsFolder ?? defaultMigrationsFolder(),
      migrationsSchema: 'drizzle',
      migrationsTable: '__drizzle_migrations',
    });
  } finally {
    await client.end();
  }
}
