// Starts one Postgres for the whole integration run and builds the migrated template once;
// test workers inherit STOCKSYNC_TEST_SERVER_URL.
import { ensureTemplate, startPostgres } from '../../src/testing/index.js';

export default async function setup() {
  const server = await startPostgres({ log: (m) => process.stderr.write(`[test-postgres] ${m}\n`) });
  process.env.STOCKSYNC_TEST_SERVER_URL = server.url;
  await ensureTemplate(server.url);
  return async () => {
    await server.stop();
  };
}
