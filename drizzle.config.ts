// drizzle-kit configuration: `npx drizzle-kit generate | check | studio | migrate` work as usual.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema/index.ts',
  out: './drizzle',
  casing: 'snake_case',
  entities: { roles: true },
  dbCredentials: { url: process.env.DATABASE_URL ?? 'postgres://localhost:5432/stocksync' },
  migrations: { table: '__drizzle_migrations', schema: 'drizzle' },
});
