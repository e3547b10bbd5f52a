// The documents rules migration: conventions, folder paths, document version numbers, file size.
import { documentActivities, documentPermissions, documentShares, documentVersions, documents, folders, MAX_FOLDER_DEPTH } from '../documents.js';
import { BREAKPOINT, conventionsSql, joinRulesSql, type RulesSql } from './conventions.js';
import { fileSizeTriggerSql } from './file-size.js';

/** Folder path and depth, maintained from the parent; moves and renames cascade to the subtree. */
export function folderPathSql(): RulesSql {
  const up = `CREATE OR REPLACE FUNCTION stocksync_folders_path() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  v_parent_path text;
  v_parent_depth integer;
  v_cursor uuid;
  v_steps integer := 0;
BEGIN
  IF NEW.parent_id IS NULL THEN
    NEW.path := '/' || NEW.name;
    NEW.depth := 1;
    RETURN NEW;
  END IF;
  SELECT p.path, p.depth INTO v_parent_path, v_parent_depth FROM folders p WHERE p.tenant_id = NEW.tenant_id AND p.id = NEW.parent_id;
  IF NOT FOUND THEN
    RETURN NEW; -- the foreign key reports the missing parent
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.parent_id IS DISTINCT FROM OLD.parent_id THEN
    v_cursor := NEW.parent_id;
    WHILE v_cursor IS NOT NULL AND v_steps <= ${MAX_FOLDER_DEPTH} LOOP
      IF v_cursor = NEW.id THEN
        RAISE EXCEPTION 'folder % cannot move into its own subtree', NEW.id
          USING ERRCODE = 'check_violation', CONSTRAINT = 'folders_parent_id_cycle_check';
      END IF;
      SELECT p.parent_id INTO v_cursor FROM folders p WHERE p.tenant_id = NEW.tenant_id AND p.id = v_cursor;
      v_steps := v_steps + 1;
    END LOOP;
  END IF;
  IF v_parent_depth + 1 > ${MAX_FOLDER_DEPTH} THEN
    RAISE EXCEPTION 'folders nest at most ${MAX_FOLDER_DEPTH} levels deep'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'folders_depth_check',
            HINT = 'Choose a parent folder higher up the tree.';
  END IF;
  NEW.depth := v_parent_depth + 1;
  NEW.path := v_parent_path || '/' || NEW.name;
  RETURN NEW;
END
$$;${BREAKPOINT}CREATE TRIGGER folders_path BEFORE INSERT OR UPDATE ON "folders"
  FOR EACH ROW EXECUTE FUNCTION stocksync_folders_path();${BREAKPOINT}CREATE OR REPLACE FUNCTION stocksync_folders_path_cascade() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- Touching the children makes their BEFORE trigger recompute path and depth from this row.
  UPDATE folders c SET path = c.path WHERE c.tenant_id = NEW.tenant_id AND c.parent_id = NEW.id;
  RETURN NULL;
END
$$;${BREAKPOINT}CREATE TRIGGER folders_path_cascade AFTER UPDATE ON "folders"
  FOR EACH ROW WHEN (OLD.path IS DISTINCT FROM NEW.path OR OLD.depth IS DISTINCT FROM NEW.depth)
  EXECUTE FUNCTION stocksync_folders_path_cascade();`;
  const down = [
    'DROP TRIGGER IF EXISTS folders_path_cascade ON "folders";',
    'DROP FUNCTION IF EXISTS stocksync_folders_path_cascade();',
    'DROP TRIGGER IF EXISTS folders_path ON "folders";',
    'DROP FUNCTION IF EXISTS stocksync_folders_path();',
  ].join(BREAKPOINT);
  return { up, down };
}

/** Version numbers 1, 2, 3 ... per document (serialized on the document row), permanent, and mirrored in documents.version. */
export function documentVersionNumberSql(): RulesSql {
  const up = `CREATE OR REPLACE FUNCTION stocksync_document_versions_number() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  v_next integer;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.version_number IS DISTINCT FROM OLD.version_number OR NEW.document_id IS DISTINCT FROM OLD.document_id THEN
      RAISE EXCEPTION 'a document version keeps its document and number'
        USING ERRCODE = 'check_violation', CONSTRAINT = 'document_versions_version_number_check';
    END IF;
    RETURN NEW;
  END IF;
  -- Lock the document so concurrent uploads get consecutive numbers.
  PERFORM 1 FROM documents d WHERE d.tenant_id = NEW.tenant_id AND d.id = NEW.document_id FOR UPDATE;
  IF NOT FOUND THEN
    RETURN NEW; -- the foreign key reports the missing document
  END IF;
  SELECT coalesce(max(v.version_number), 0) + 1 INTO v_next
    FROM document_versions v WHERE v.tenant_id = NEW.tenant_id AND v.document_id = NEW.document_id;
  IF NEW.version_number IS NULL THEN
    NEW.version_number := v_next;
  ELSIF NEW.version_number <> v_next THEN
    RAISE EXCEPTION 'the next version of document % is %, not %', NEW.document_id, v_next, NEW.version_number
      USING ERRCODE = 'check_violation', CONSTRAINT = 'document_versions_version_number_check',
            HINT = 'Leave version_number out: it is assigned automatically.';
  END IF;
  RETURN NEW;
END
$$;${BREAKPOINT}CREATE TRIGGER document_versions_number BEFORE INSERT OR UPDATE ON "document_versions"
  FOR EACH ROW EXECUTE FUNCTION stocksync_document_versions_number();${BREAKPOINT}CREATE OR REPLACE FUNCTION stocksync_document_versions_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE documents d SET version = NEW.version_number
    WHERE d.tenant_id = NEW.tenant_id AND d.id = NEW.document_id AND d.version < NEW.version_number;
  RETURN NULL;
END
$$;${BREAKPOINT}CREATE TRIGGER document_versions_sync AFTER INSERT ON "document_versions"
  FOR EACH ROW EXECUTE FUNCTION stocksync_document_versions_sync();`;
  const down = [
    'DROP TRIGGER IF EXISTS document_versions_sync ON "document_versions";',
    'DROP FUNCTION IF EXISTS stocksync_document_versions_sync();',
    'DROP TRIGGER IF EXISTS document_versions_number ON "document_versions";',
    'DROP FUNCTION IF EXISTS stocksync_document_versions_number();',
  ].join(BREAKPOINT);
  return { up, down };
}

/** Documents domain: conventions, folder paths, version numbering, size limits by tier. */
export function documentsRulesSql(): RulesSql {
  return joinRulesSql([
    conventionsSql([folders, documents, documentVersions, documentPermissions, documentShares, documentActivities]),
    folderPathSql(),
    documentVersionNumberSql(),
    fileSizeTriggerSql('documents'),
    fileSizeTriggerSql('document_versions'),
  ]);
}
