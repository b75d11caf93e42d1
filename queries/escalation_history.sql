-- Escalation history: every escalation row dated on or before $date_to of the suppliers
-- the filters keep: programme, supplier, date, step, step_rank (place on $ladder,
-- 0 = dialogue), note (escalation_steps, _rules.sql). By supplier, oldest first.
-- Parameters: $filters (global filters), $date_to, $ladder (escalation steps, lowest first).
select
    programme,
    supplier,
    date,
    step,
    step_rank,
    note
from escalation_steps($filters, $date_to, $ladder)
order by supplier, programme, date, step_rank
