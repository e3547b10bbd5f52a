#!/usr/bin/env bash
# Builds Citus from the kept source (cached under .cache/citus/) and runs a local coordinator + 2 workers.
# Usage: scripts/citus/cluster.sh build|install|start|stop|status|url
#   CITUS_SRC_DIR   folder holding citus-<ver>.tar.gz, SHA256SUMS, have_createdb_privilege.patch
#                   (default ../shared/citus relative to the repository)
#   CITUS_DIR       where the clusters live (default /tmp/stocksync-citus-$USER-<port>)
#   CITUS_PORT      coordinator port (default 57432; the workers take the next two)
#   CITUS_DB        database created on every node (default stocksync)
# Runs the servers as the `postgres` user when started as root (initdb refuses root).
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
PG_CONFIG="${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}"
pg_bin="$("$PG_CONFIG" --bindir)"
src_dir="${CITUS_SRC_DIR:-$repo/../shared/citus}"
[ -d "$src_dir" ] || src_dir="/work/shared/citus"
cache="$repo/.cache/citus"
port="${CITUS_PORT:-57432}"
db="${CITUS_DB:-stocksync}"
dir="${CITUS_DIR:-/tmp/stocksync-citus-$(id -un)-$port}"
ports=("$port" "$((port + 1))" "$((port + 2))")
names=(coordinator worker1 worker2)

as_pg() { # runs a command as the postgres user when we are root
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
psql_on() { local p="$1"; shift; as_pg "$pg_bin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$p" -U postgres "$@"; }

pg_key() { # the server build the cache belongs to: pg version + pg_config's includedir header hash
  { "$PG_CONFIG" --version; sha256sum "$("$PG_CONFIG" --includedir-server)/pg_config.h" "$("$PG_CONFIG" --includedir-server)/commands/dbcommands.h"; } | sha256sum | cut -c1-16
}

build() {
  local tarball key stage work
  tarball="$(ls "$src_dir"/citus-*.tar.gz | head -1)"
  (cd "$src_dir" && sha256sum -c SHA256SUMS >/dev/null) || { echo "Citus source checksum mismatch in $src_dir" >&2; exit 1; }
  key="$(sha256sum "$tarball" | cut -c1-16)-$(pg_key)"
  stage="$cache/$key"
  if [ -f "$stage/.done" ]; then echo "Citus build cached: $stage"; return; fi
  work="$(mktemp -d /tmp/citus-build.XXXXXX)"
  tar -xzf "$tarball" -C "$work"
  local tree; tree="$(find "$work" -mindepth 1 -maxdepth 1 -type d | head -1)"
  [ -n "$tree" ] || tree="$work"
  if grep -q 'have_createdb_privilege' "$("$PG_CONFIG" --includedir-server)/commands/dbcommands.h"; then
    (cd "$tree" && patch -p1 -s < "$src_dir/have_createdb_privilege.patch")
  fi
  (cd "$tree" && ./configure -q PG_CONFIG="$PG_CONFIG" >/dev/null && make -s -j"$(nproc)" with_llvm=no >/dev/null && make -s install with_llvm=no DESTDIR="$stage.tmp" >/dev/null)
  rm -rf "$work" "$stage"; mv "$stage.tmp" "$stage"; touch "$stage/.done"
  echo "Citus built into $stage"
}

install_build() { # copies the cached build into the server's lib and share folders
  build
  local key stage SUDO=""
  key="$(sha256sum "$(ls "$src_dir"/citus-*.tar.gz | head -1)" | cut -c1-16)-$(pg_key)"
  stage="$cache/$key"
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  if cmp -s "$stage$("$PG_CONFIG" --pkglibdir)/citus.so" "$("$PG_CONFIG" --pkglibdir)/citus.so" 2>/dev/null; then return; fi
  (cd "$stage" && find . -type f ! -name .done | tar -cf - -T - | $SUDO tar -xf - -C / --no-same-owner)
  echo "Citus installed into $("$PG_CONFIG" --pkglibdir)"
}

start() {
  install_build
  if [ "$(id -u)" -eq 0 ]; then mkdir -p "$dir" && chown postgres "$dir"; else mkdir -p "$dir"; fi
  for i in 0 1 2; do
    local d="$dir/${names[$i]}"
    if [ ! -f "$d/PG_VERSION" ]; then
      as_pg "$pg_bin/initdb" -D "$d" -U postgres -A trust --no-sync >/dev/null
      cat >> "$d/postgresql.conf" <<CONF
port = ${ports[$i]}
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
shared_preload_libraries = 'citus'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
citus.propagate_set_commands = 'local'
CONF
    fi
    if ! as_pg "$pg_bin/pg_ctl" -D "$d" status >/dev/null 2>&1; then
      as_pg "$pg_bin/pg_ctl" -D "$d" -l "$d/server.log" -w start >/dev/null
    fi
  done
  for i in 0 1 2; do
    psql_on "${ports[$i]}" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1 \
      || psql_on "${ports[$i]}" -d postgres -c "CREATE DATABASE \"$db\""
    psql_on "${ports[$i]}" -d "$db" -c "CREATE EXTENSION IF NOT EXISTS citus"
  done
  psql_on "$port" -d "$db" -c "SELECT citus_set_coordinator_host('127.0.0.1', $port)" >/dev/null
  for p in "${ports[@]:1}"; do
    psql_on "$port" -d "$db" -tAc "SELECT 1 FROM pg_dist_node WHERE nodeport = $p" | grep -q 1 \
      || psql_on "$port" -d "$db" -c "SELECT citus_add_node('127.0.0.1', $p)" >/dev/null
  done
  echo "Citus coordinator on 127.0.0.1:$port, workers on ${ports[1]} and ${ports[2]}: $(url)"
}

stop() {
  for i in 0 1 2; do
    local d="$dir/${names[$i]}"
    [ -f "$d/PG_VERSION" ] && as_pg "$pg_bin/pg_ctl" -D "$d" -m immediate stop >/dev/null 2>&1 || true
  done
  rm -rf "$dir"
}

url() { echo "postgres://postgres@127.0.0.1:$port/$db"; }

case "${1:-}" in
  build) build ;;
  install) install_build ;;
  start) start ;;
  stop) stop ;;
  status) psql_on "$port" -d "$db" -c "SELECT nodename, nodeport, noderole, isactive FROM pg_dist_node ORDER BY nodeport" ;;
  url) url ;;
  *) echo "usage: $0 build|install|start|stop|status|url" >&2; exit 2 ;;
esac
