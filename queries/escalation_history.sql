-- Escalation history: every escalation row dated on or before $date_to of the suppliers
-- the filters keep: programme, supplier, date, step, step_rank (place on $ladder,
-- 0 = dialogue), note. By supplier, oldest first.
-- Parameters: $filters (global filters), $date_to, $ladder (escalation steps, lowest first).
select
    programme,
    supplier,
    date,
    step,
    list_position($ladder, step) - 1 as step_rank,
    note
from scoped_escalations($filters)
where date <= $date_to
order by supplier, programme, date, step_rank
