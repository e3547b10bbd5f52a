// The per-tier file size limit: the SQL function from the license tiers and the trigger that checks a row.
import { LICENSE_TIERS, MAX_FILE_SIZE_BYTES } from '../tenancy.js';
import { BREAKPOINT, sqlLiteral, type RulesSql } from './conventions.js';

/** `stocksync_max_file_size_bytes(tier)` and the trigger function that checks a row's `file_size_bytes`. */
export function fileSizeFunctionsSql(): RulesSql {
  const cases = LICENSE_TIERS.map((tier) => `WHEN ${sqlLiteral(tier)} THEN ${MAX_FILE_SIZE_BYTES[tier]}`).join(' ');
  const up = [
    `CREATE OR REPLACE FUNCTION stocksync_max_file_size_bytes(p_tier text) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT CASE p_tier ${cases} ELSE 0 END::bigint $$;`,
    `CREATE OR REPLACE FUNCTION stocksync_check_file_size() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  v_tier text;
  v_max bigint;
BEGIN
  SELECT t.license_tier INTO v_tier FROM tenants t WHERE t.id = NEW.tenant_id;
  v_max := stocksync_max_file_size_bytes(v_tier);
  IF NEW.file_size_bytes > v_max THEN
    RAISE EXCEPTION 'a file of % bytes exceeds the % tier limit of % bytes', NEW.file_size_bytes, v_tier, v_max
      USING ERRCODE = 'check_violation', CONSTRAINT = TG_TABLE_NAME || '_file_size_bytes_tier_check',
            HINT = 'Upgrade the license tier or upload a smaller file.';
  END IF;
  RETURN NEW;
END
$$;`,
  ];
  const down = ['DROP FUNCTION IF EXISTS stocksync_check_file_size();', 'DROP FUNCTION IF EXISTS stocksync_max_file_size_bytes(text);'];
  return { up: up.join(BREAKPOINT), down: down.join(BREAKPOINT) };
}

/** The `<table>_file_size` trigger that checks `file_size_bytes` against the tenant's tier. */
export function fileSizeTriggerSql(table: string): RulesSql {
  return {
    up: `CREATE TRIGGER ${table}_file_size BEFORE INSERT OR UPDATE OF file_size_bytes ON "${table}"
  FOR EACH ROW EXECUTE FUNCTION stocksync_check_file_size();`,
    down: `DROP TRIGGER IF EXISTS ${table}_file_size ON "${table}";`,
  };
}
