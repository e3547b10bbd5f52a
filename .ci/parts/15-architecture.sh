# Architecture: the import rule of docs/architecture.md (layers point down, the library never
# imports src/testing, no import cycles) over every import of src/. About 3 s.
check "architecture (import layers, no cycles)" npm run --silent lint:architecture
