// Public entry of @stocksync/db/migrations (the runner lands with the migrations toolkit).
export { migrateToLatest, defaultMigrationsFolder, type MigrateToLatestOptions } from './migrate-to-latest.js';
