#!/usr/bin/env bash
# Builds a local Postgres image from the host's Debian PostgreSQL server binaries, for machines
# that run Docker but reach no image registry (CI). The image honours the parts of the official
# image's contract that testcontainers uses, and holds sh, cat, awk, grep, sed and pg_isready for
# its wait checks.
# Usage: .ci/postgres-image/build.sh IMAGE_TAG [PG_MAJOR]   (PG_MAJOR: default the newest installed)
set -euo pipefail
tag="${1:?usage: build.sh IMAGE_TAG [PG_MAJOR]}"
major="${2:-$(ls /usr/lib/postgresql | sort -n | tail -1)}"
here="$(cd "$(dirname "$0")" && pwd)"
bin="/usr/lib/postgresql/$major/bin"
for f in initdb postgres pg_isready; do
  [ -x "$bin/$f" ] || { echo "no $bin/$f: apt-get install postgresql-$major" >&2; exit 1; }
done
ctx="$(mktemp -d)"
trap 'rm -rf "$ctx"' EXIT
mkdir -p "$ctx/rootfs/usr/local/bin" "$ctx/rootfs/usr/lib64" "$ctx/rootfs/usr/sbin" "$ctx/rootfs/etc" "$ctx/rootfs/tmp" "$ctx/data" "$ctx/run"
# A merged /usr, as Debian's: /bin/sh, /bin/bash (testcontainers' wait checks call them by these paths).
for d in bin lib lib64 sbin; do ln -s "usr/$d" "$ctx/rootfs/$d"; done
chmod 1777 "$ctx/rootfs/tmp"
tools=(sh bash cat awk grep sed mkdir chmod rm mktemp id env)
list="$ctx/files"
{
  find "/usr/lib/postgresql/$major" "/usr/share/postgresql/$major" /usr/share/zoneinfo -type f -o -type l
  for t in "${tools[@]}"; do command -v "$t"; done
  echo /etc/ld.so.cache
} | sort -u > "$list"
# Every shared library the binaries, tools and extension modules load, found by the loader itself.
while read -r f; do
  case "$f" in
    *.so | *.so.[0-9]* | */bin/*) { ldd "$f" 2>/dev/null || true; } | awk '/=> \// { print $3 } /^[[:space:]]*\/[^ ]*ld-linux/ { print $1 }' ;;
  esac
done < "$list" | sort -u > "$list.libs"
cat "$list.libs" >> "$list"
# Copied with symlinks resolved, at their host paths (compiled-in paths such as the share dir hold).
tar -chf - --files-from="$list" 2>/dev/null | tar -xf - --keep-directory-symlink -C "$ctx/rootfs"
printf 'root:x:0:0:root:/root:/bin/sh\npostgres:x:999:999:PostgreSQL:/var/lib/postgresql:/bin/sh\n' > "$ctx/rootfs/etc/passwd"
printf 'root:x:0:\npostgres:x:999:\n' > "$ctx/rootfs/etc/group"
printf 'passwd: files\ngroup: files\nhosts: files dns\n' > "$ctx/rootfs/etc/nsswitch.conf"
install -m 755 "$here/entrypoint.sh" "$ctx/rootfs/usr/local/bin/docker-entrypoint.sh"
cp "$here/Dockerfile" "$ctx/Dockerfile"
docker build -q --build-arg "PG_MAJOR=$major" -t "$tag" "$ctx"
