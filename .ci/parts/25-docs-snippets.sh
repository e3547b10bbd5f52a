# Every TypeScript code block of README.md and docs/ type-checked against the sources (prelude of
# typed context names: db, tenantId, req...; see scripts/docs-snippets.ts). About 1 minute.
check "docs snippets type-check (README.md, docs/)" npx --no-install tsx scripts/docs-snippets.ts
