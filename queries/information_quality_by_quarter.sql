-- Information quality per calendar quarter (KPIS.md, I: trends), one row per quarter
-- overlapping [$date_from, $date_to], zero-filled, by the quarter the request was made in:
--   quarter_start (first day of the calendar quarter), requests (I1), response_rate (I2),
--   on_time (I3), completeness (I4), evidence (I5), quality_index (I7).
-- Each quarter uses the rules of information_kpis.sql (information_figures, _rules.sql) for
-- the requests made in that quarter (clipped to the period, quarters_of), with their answers
-- as of $date_to, the period's end. A request's due date usually falls in the next quarter:
-- judged at its own quarter's end, every request of a quarter's last weeks would count as
-- unanswered even when answered on time, and the trend would show that, not quality.
-- Percentages 0-100, null when the denominator is empty; quality_index null for no requests.
-- Parameters: $date_from, $date_to, $filters (global filters).
with quarter_figures as (
    select q.quarter_start, i.*
    from quarters_of($date_from, $date_to) as q
    cross join lateral information_figures($filters, q.period_from, q.period_to, $date_to) as i
    where i.supplier is null -- the row for all suppliers
)

select
    quarter_start,
    requests,
    response_rate,
    on_time,
    completeness,
    evidence,
    quality_index
from quarter_figures
order by quarter_start
