# The whole suite (unit + integration, local Postgres cluster) on the default Node (20).
run_vitest "node-$(node -p 'process.versions.node.split(".")[0]')"
