#!/usr/bin/env bash
# Builds PgBouncer (>= 1.21: tracks named prepared statements in transaction mode) from a local source
# tree or release tarball into .cache/pgbouncer/<version>/pgbouncer, which the pooler tests pick up
# (test/integration/pooler/_pgbouncer.ts, findTrackingPgBouncer). Only the binary is built (no docs,
# so no pandoc).
# Usage: PGBOUNCER_SRC=<source tree or pgbouncer-*.tar.gz> scripts/pgbouncer/build.sh
# Needs: build-essential autoconf automake libtool pkg-config libevent-dev libssl-dev python3.
# Not run in CI: no source a clean CI machine can reach (Debian bookworm and bookworm-backports ship
# only 1.18, npm has no PgBouncer build, GitHub and pgbouncer.org are not reachable); see
# docs/deployment.md, "PgBouncer".
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
src="${PGBOUNCER_SRC:?set PGBOUNCER_SRC to a PgBouncer source tree or release tarball}"
work="$(mktemp -d /tmp/pgbouncer-build.XXXXXX)"
trap 'rm -rf "$work"' EXIT
if [ -f "$src" ]; then tar -xzf "$src" -C "$work"; else cp -a "$src/." "$work/"; fi
tree="$work"
[ -f "$tree/configure.ac" ] || tree="$(find "$work" -mindepth 1 -maxdepth 1 -type d | head -1)"
cd "$tree"
# A release tarball ships configure; a git export needs autogen.sh (libusual is in lib/).
[ -x configure ] || ./autogen.sh >/dev/null
./configure -q >/dev/null
make -s -j"$(nproc)" pgbouncer >/dev/null
version="$(./pgbouncer --version | head -1 | awk '{print $2}')"
dest="$repo/.cache/pgbouncer/$version"
mkdir -p "$dest"
cp pgbouncer "$dest/pgbouncer.tmp" && mv "$dest/pgbouncer.tmp" "$dest/pgbouncer"
echo "PgBouncer $version built into $dest/pgbouncer"
