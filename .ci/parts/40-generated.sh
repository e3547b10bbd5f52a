# Generated files are up to date, and every migration goes up, down and up again.
check "ERD is up to date (npm run erd -- --check)" npm run --silent erd -- --check
check "migrate verify (up, down, up for every migration)" npm run --silent migrate:verify
