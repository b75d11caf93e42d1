-- Escalation (KPIS.md, E), one row per supplier in scope: programme, supplier, step (E1: the
-- step of its latest escalation row dated on or before $date_to; 'dialogue' when none),
-- step_rank (its place on $ladder, 0 = dialogue ... 6 = termination), since (date of that
-- row, null when none), days_in_step (E3: $date_to minus since, null when none), note.
-- E2 (formally escalated) is counted from step by the caller, with the ladder's own list.
-- Parameters: $filters, $date_from, $date_to (suppliers in scope), $ladder (the escalation
-- steps, lowest first, from engagement.vocabulary).
-- The latest step of each supplier: current_steps (_rules.sql); two rows of one supplier on
-- the same latest date: the higher step is the current one.
with latest_steps as (
    select * from current_steps($filters, $date_to, $ladder)
)

select
    s.programme,
    s.supplier,
    coalesce(l.step, 'dialogue') as step,
    coalesce(l.step_rank, 0) as step_rank,
    l.date as since,
    $date_to - l.date as days_in_step,
    l.note
from suppliers_in_scope($filters, $date_from, $date_to) as s
left join latest_steps as l on l.programme = s.programme and l.supplier = s.supplier
order by step_rank desc, s.supplier, s.programme
