// The projects rules migration: conventions, task hierarchy and status transitions, sprint overlap,
// attachment size.
import { boards, MAX_TASK_DEPTH, milestones, projects, sprints, taskActivities, taskAttachments, taskComments, tasks } from '../projects.js';
import { BREAKPOINT, conventionsSql, joinRulesSql, type RulesSql } from './conventions.js';
import { fileSizeFunctionsSql, fileSizeTriggerSql } from './file-size.js';
import { taskStatusTriggerSql } from './task-status.js';

/** Task hierarchy: parent in the same project, no cycles, depth at most MAX_TASK_DEPTH (including the subtree moved). */
export function taskHierarchySql(): RulesSql {
  const up = `CREATE OR REPLACE FUNCTION stocksync_tasks_hierarchy() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  v_parent_project uuid;
  v_cursor uuid;
  v_depth integer := 1;
  v_height integer := 0;
BEGIN
  IF NEW.parent_task_id IS NOT NULL THEN
    SELECT p.project_id INTO v_parent_project FROM tasks p WHERE p.tenant_id = NEW.tenant_id AND p.id = NEW.parent_task_id;
    IF NOT FOUND THEN
      RETURN NEW; -- the foreign key reports the missing parent
    END IF;
    IF v_parent_project <> NEW.project_id THEN
      RAISE EXCEPTION 'the parent task belongs to another project'
        USING ERRCODE = 'check_violation', CONSTRAINT = 'tasks_parent_task_id_project_check',
              HINT = 'A subtask must be in the same project as its parent.';
    END IF;
    v_cursor := NEW.parent_task_id;
    WHILE v_cursor IS NOT NULL LOOP
      IF v_cursor = NEW.id THEN
        RAISE EXCEPTION 'task % would become its own ancestor', NEW.id
          USING ERRCODE = 'check_violation', CONSTRAINT = 'tasks_parent_task_id_cycle_check';
      END IF;
      v_depth := v_depth + 1;
      EXIT WHEN v_depth > ${MAX_TASK_DEPTH};
      SELECT p.parent_task_id INTO v_cursor FROM tasks p WHERE p.tenant_id = NEW.tenant_id AND p.id = v_cursor;
    END LOOP;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    WITH RECURSIVE below(id, level) AS (
      SELECT c.id, 1 FROM tasks c WHERE c.tenant_id = NEW.tenant_id AND c.parent_task_id = NEW.id
      UNION ALL
      SELECT c.id, b.level + 1 FROM tasks c JOIN below b ON c.tenant_id = NEW.tenant_id AND c.parent_task_id = b.id
      WHERE b.level < ${MAX_TASK_DEPTH}
    )
    SELECT coalesce(max(level), 0) INTO v_height FROM below;
    IF NEW.project_id <> OLD.project_id AND v_height > 0 THEN
      RAISE EXCEPTION 'a task with subtasks cannot move to another project'
        USING ERRCODE = 'check_violation', CONSTRAINT = 'tasks_parent_task_id_project_check',
              HINT = 'Move or detach its subtasks first.';
    END IF;
  END IF;
  IF v_depth + v_height > ${MAX_TASK_DEPTH} THEN
    RAISE EXCEPTION 'tasks nest at most ${MAX_TASK_DEPTH} levels deep (this change makes %)', v_depth + v_height
      USING ERRCODE = 'check_violation', CONSTRAINT = 'tasks_parent_task_id_depth_check',
            HINT = 'Attach the task to a parent higher up the hierarchy.';
  END IF;
  RETURN NEW;
END
$$;${BREAKPOINT}CREATE TRIGGER tasks_hierarchy BEFORE INSERT OR UPDATE OF parent_task_id, project_id ON "tasks"
  FOR EACH ROW EXECUTE FUNCTION stocksync_tasks_hierarchy();`;
  const down = `DROP TRIGGER IF EXISTS tasks_hierarchy ON "tasks";${BREAKPOINT}DROP FUNCTION IF EXISTS stocksync_tasks_hierarchy();`;
  return { up, down };
}

/** Sprints of a project never overlap (dates inclusive; cancelled sprints do not count). */
export function sprintOverlapSql(): RulesSql {
  return {
    up: `ALTER TABLE "sprints" ADD CONSTRAINT "sprints_tenant_id_project_id_dates_excl" EXCLUDE USING gist (
  "tenant_id" WITH =, "project_id" WITH =, daterange("start_date", "end_date", '[]') WITH &&
) WHERE ("status" <> 'cancelled');`,
    down: `ALTER TABLE "sprints" DROP CONSTRAINT IF EXISTS "sprints_tenant_id_project_id_dates_excl";`,
  };
}

/** Projects domain: conventions, task hierarchy, task status transitions, sprint overlap, attachment size. */
export function projectsRulesSql(): RulesSql {
  return joinRulesSql([
    conventionsSql([projects, sprints, milestones, tasks, taskComments, taskAttachments, taskActivities, boards]),
    taskHierarchySql(),
    taskStatusTriggerSql(),
    sprintOverlapSql(),
    fileSizeFunctionsSql(),
    fileSizeTriggerSql('task_attachments'),
  ]);
}
