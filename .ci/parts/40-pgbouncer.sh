# PgBouncer (Debian's package, 1.18 on bookworm) in transaction mode in front of the test server:
# the tenant context and the scoped builder through it, on node-postgres and postgres.js, with and
# without DISCARD ALL, with server connections killed mid-run (test/integration/pooler). The tests
# start their own pgbouncer on free ports; in CI they fail rather than skip when it is missing.
if ! command -v pgbouncer >/dev/null 2>&1 && [ ! -x /usr/sbin/pgbouncer ]; then
  log "Installing pgbouncer"
  if ! { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq pgbouncer >/dev/null; }; then
    fail "install pgbouncer"
  fi
fi
run_vitest "pgbouncer" "" test/integration/pooler
