-- The audit trigger plans without nested loops (migration 0029), so the LATERAL diff of an UPDATE
-- (which can only run as a nested loop) is costed with the planner's disable cost: ~1e10, far above
-- jit_above_cost. Every audited UPDATE then JIT-compiled its INSERT: ~250 ms for a one-row UPDATE
-- on a server built with LLVM. The trigger's small statements never gain from JIT: switch it off.
ALTER FUNCTION stocksync_audit_changes() SET jit = off;
