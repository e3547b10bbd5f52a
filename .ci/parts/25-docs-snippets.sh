# Every TypeScript code block of README.md and docs/ type-checked against the sources (prelude of
# typed context names: db, tenantId, req...; see scripts/docs-snippets.ts). About 1 minute.
# The blocks marked `<!-- snippet: run NAME -->` also run against a database in the integration
# project (test/integration/docs/snippets.test.ts, CI part 10); the marks: docs/architecture.md.
check "docs snippets type-check (README.md, docs/)" npx --no-install tsx scripts/docs-snippets.ts
