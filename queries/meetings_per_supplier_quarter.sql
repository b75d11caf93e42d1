-- Dialogue meetings per supplier per calendar quarter, for the heatmap, zero-filled:
--   programme, supplier, quarter_start (first day of the calendar quarter), meetings.
-- One row for every supplier shown x every calendar quarter overlapping [$date_from, $date_to]
-- (quarters_of, _rules.sql).
-- Suppliers shown: those in scope for the period, plus any supplier with a dialogue meeting
-- in the period (so no meeting is hidden because a contract is missing).
-- A quarter counts only its days inside the period (the first and last quarters are clipped).
-- Parameters: $date_from, $date_to, $filters (global filters);
--   $dialogue_types (vocabulary.DIALOGUE_MEETING_TYPES).
with dialogue_meetings as (
    select *
    from scoped_meetings($filters)
    where list_contains($dialogue_types, type) and date between $date_from and $date_to
      and supplier is not null
),

suppliers_shown as (
    select programme, supplier from suppliers_in_scope($filters, $date_from, $date_to)
    union
    select programme, supplier from dialogue_meetings
),

meetings_per_quarter as (
    select
        programme,
        supplier,
        cast(date_trunc('quarter', date) as date) as quarter_start,
        count(*) as meetings
    from dialogue_meetings
    group by all
)

select
    s.programme,
    s.supplier,
    q.quarter_start,
    coalesce(m.meetings, 0) as meetings
from suppliers_shown as s
cross join quarters_of($date_from, $date_to) as q
left join meetings_per_quarter as m
    on m.programme = s.programme and m.supplier = s.supplier and m.quarter_start = q.quarter_start
order by s.supplier, s.programme, q.quarter_start
