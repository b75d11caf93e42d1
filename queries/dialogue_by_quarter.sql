-- Dialogue frequency per calendar quarter (KPIS.md, D: trends), one row per quarter
-- overlapping [$date_from, $date_to], zero-filled:
--   quarter_start (first day of the calendar quarter), meetings (D1), suppliers_engaged (D2),
--   agenda_sent_pct (D6), minutes_confirmed_pct (D7), collective_pct (D8).
-- Each quarter uses the rules of dialogue_kpis.sql with the quarter, clipped to the period
-- (period_from, period_to of quarters_of, _rules.sql), as its period. Percentages 0-100,
-- null when the denominator is empty.
-- Parameters: $date_from, $date_to, $filters (global filters);
--   $dialogue_types (vocabulary.DIALOGUE_MEETING_TYPES).
with dialogue_meetings as (
    select *
    from scoped_meetings($filters)
    where list_contains($dialogue_types, type) and date between $date_from and $date_to
),

quarter_figures as (
    select
        q.quarter_start,
        count(m.date) as meetings, -- the quarter's meetings: a joined one has a date
        count(distinct (m.programme, m.supplier)) filter (where m.supplier is not null) as suppliers,
        count(*) filter (where m.agenda_sent) as agenda_sent,
        count(m.agenda_sent) as agenda_known,
        count(*) filter (where m.minutes_confirmed) as minutes_confirmed,
        count(m.minutes_confirmed) as minutes_known,
        count(*) filter (where m.collective) as collective  -- two buyers (D8, _meetings_normalised.sql)
    from quarters_of($date_from, $date_to) as q
    left join dialogue_meetings as m on m.date between q.period_from and q.period_to
    group by q.quarter_start
)

select
    quarter_start,
    meetings,
    suppliers as suppliers_engaged,
    100.0 * agenda_sent / nullif(agenda_known, 0) as agenda_sent_pct,
    100.0 * minutes_confirmed / nullif(minutes_known, 0) as minutes_confirmed_pct,
    100.0 * collective / nullif(meetings, 0) as collective_pct
from quarter_figures
order by quarter_start
