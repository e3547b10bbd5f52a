# The published declarations, compiled by a strict consumer with skipLibCheck: false (test/consumer:
# every subpath, type tests of the builder, relational queries, validators and middleware). Needs
# the build of .ci/run. About 2 minutes.
check "consumer types (test/consumer against dist, skipLibCheck false)" npx --no-install tsx scripts/consumer-types.ts
