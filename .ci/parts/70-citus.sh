# Citus: build Citus 13.2 from ../shared/citus (checksum verified, patched for PG 15.18+), cache the
# installed files (.cache/citus in the work tree, saved to $ci_cache/citus between runs), start a
# coordinator and two workers on loopback, migrate, distribute, seed, then the Citus suite
# (test/citus) through the coordinator, and a schema tenant made by the CLI.
citus_port=57432
citus_url="postgres://postgres@127.0.0.1:$citus_port/stocksync"
citus_deps=(postgresql-server-dev-15 libcurl4-openssl-dev liblz4-dev libzstd-dev libkrb5-dev libssl-dev libselinux1-dev libxslt1-dev libpam0g-dev libreadline-dev autoconf flex bison make gcc patch)
citus_ready=true
if ! dpkg -s "${citus_deps[@]}" >/dev/null 2>&1; then
  log "Installing the Citus build dependencies"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${citus_deps[@]}" >/dev/null || citus_ready=false
fi
# A build cached by an earlier run comes back into the work tree's ignored folder.
if [ -d "$ci_cache/citus" ] && [ ! -d .cache/citus ]; then mkdir -p .cache && cp -a "$ci_cache/citus" .cache/citus; fi
if $citus_ready && check "citus: build (or cached) and start coordinator + 2 workers" env CITUS_PORT=$citus_port bash scripts/citus/cluster.sh start; then
  on_exit "CITUS_PORT=$citus_port bash scripts/citus/cluster.sh stop"
  rm -rf "$ci_cache/citus" && cp -a .cache/citus "$ci_cache/citus"
  check "citus: migrate up through the coordinator" npx --no-install tsx src/cli/main.ts migrate up --url "$citus_url"
  check "citus: distribute --plan prints the SQL" bash -c "npx --no-install tsx src/cli/main.ts citus distribute --plan --url '$citus_url' | grep -q create_distributed_table"
  check "citus: distribute (placement, foreign keys, privileges, shards verified)" npx --no-install tsx src/cli/main.ts citus distribute --url "$citus_url"
  check "citus: distribute again has nothing to do" bash -c "npx --no-install tsx src/cli/main.ts citus distribute --plan --url '$citus_url' | grep -q 'nothing to do'"
  check "citus: seed through the coordinator" npx --no-install tsx src/cli/main.ts seed --url "$citus_url"
  CITUS_DATABASE_URL="$citus_url" run_vitest citus "" --project citus
  # After the suite: context.test.ts takes the migrations down and up (0040 down drops tenants.isolation).
  check "citus: a schema tenant created through the coordinator is a distributed schema (shards verified)" bash -c "npx --no-install tsx src/cli/main.ts tenant create --name 'Citus schema tenant' --slug citus-schema-ci --email ops@schema.test --owner-email owner@schema.test --isolation schema --url '$citus_url' | grep -q 'is a distributed schema'"
else
  $citus_ready || fail "citus: build dependencies could not be installed"
fi
