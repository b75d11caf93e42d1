-- Days since last meeting (KPIS.md, D5), one row per supplier in scope for the period:
--   programme, supplier, last_meeting (date of its latest dialogue meeting on or before
--   $date_to, null if none), days ($date_to minus last_meeting, null if none),
--   stale (no such meeting, or days above $staleness_days: what D5s counts).
-- Parameters: $date_from, $date_to, $filters (global filters);
--   $dialogue_types (vocabulary.DIALOGUE_MEETING_TYPES); $staleness_days (Settings.staleness_days).
-- The latest meeting (last_dialogue_meetings, _rules.sql) may lie before the period: D5
-- measures how long a supplier has gone without dialogue, not what happened in the period.
-- Stalest first.
with days_since as (
    select
        s.programme,
        s.supplier,
        l.last_meeting,
        cast($date_to - l.last_meeting as integer) as days
    from suppliers_in_scope($filters, $date_from, $date_to) as s
    left join last_dialogue_meetings($filters, $date_to, $dialogue_types) as l
        on l.programme = s.programme and l.supplier = s.supplier
)

select
    programme,
    supplier,
    last_meeting,
    days,
    days is null or days > $staleness_days as stale
from days_since
order by stale desc, days desc nulls first, supplier, programme
