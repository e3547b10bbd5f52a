// One Postgres for the whole integration run and the migrated template built once (the same
// global setup services copy from @stocksync/db/testing); test workers inherit STOCKSYNC_TEST_SERVER_URL.
import { createGlobalSetup } from '../../src/testing/index.js';

export default createGlobalSetup({ log: (m) => process.stderr.write(`[test-postgres] ${m}\n`) });
