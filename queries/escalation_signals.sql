-- Escalation signals (issue 4: the app suggests, people decide), one row per supplier in
-- scope for [$date_from, $date_to]:
--   programme, supplier, step, step_rank (E1 as of $date_to; dialogue, 0 when none),
--   days_since_meeting (D5; null when never met),
--   requests, response_rate (I1 and I2 of its requests made in the period; null when none),
--   critical_overdue (its cases of severity critical, open on $date_to, received more than
--     $target_days before it: open beyond the C4 target).
-- Which of these make a signal, and the thresholds, are the caller's (settings); the rules
-- of each figure are their KPIs', through the macros of _rules.sql.
-- Parameters: $filters, $date_from, $date_to, $dialogue_types, $target_days, $ladder.
with requests as (
    select programme, supplier, requests, response_rate
    from information_figures($filters, $date_from, $date_to, $date_to, 'supplier')
),

critical_overdue as (
    select programme, supplier, count(*) as critical_overdue
    from open_cases_on($filters, $date_to)
    where severity = 'critical' and received_on + $target_days < $date_to
    group by programme, supplier
)

select
    s.programme,
    s.supplier,
    coalesce(st.step, 'dialogue') as step,
    coalesce(st.step_rank, 0) as step_rank,
    cast($date_to - l.last_meeting as integer) as days_since_meeting,
    coalesce(r.requests, 0) as requests,
    r.response_rate,
    coalesce(c.critical_overdue, 0) as critical_overdue
from suppliers_in_scope($filters, $date_from, $date_to) as s
left join current_steps($filters, $date_to, $ladder) as st
    on st.programme = s.programme and st.supplier = s.supplier
left join last_dialogue_meetings($filters, $date_to, $dialogue_types) as l
    on l.programme = s.programme and l.supplier = s.supplier
left join requests as r on r.programme = s.programme and r.supplier = s.supplier
left join critical_overdue as c on c.programme = s.programme and c.supplier = s.supplier
order by s.supplier, s.programme
