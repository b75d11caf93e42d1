-- Information quality per calendar quarter (KPIS.md, I: trends), one row per quarter
-- overlapping [$date_from, $date_to], zero-filled, by the quarter the request was made in:
--   quarter_start (first day of the calendar quarter), requests (I1), response_rate (I2),
--   on_time (I3), completeness (I4), evidence (I5), quality_index (I7).
-- Each quarter uses the rules of information_kpis.sql (information_figures, _rules.sql, per
-- quarter) for the requests made in that quarter (clipped to the period, quarters_of), with
-- their answers as of $date_to, the period's end. A request's due date usually falls in the
-- next quarter: judged at its own quarter's end, every request of a quarter's last weeks would
-- count as unanswered even when answered on time, and the trend would show that, not quality.
-- Percentages 0-100, null when the denominator is empty; quality_index null for no requests.
-- Parameters: $date_from, $date_to, $filters (global filters).
select
    q.quarter_start,
    coalesce(i.requests, 0) as requests,
    i.response_rate,
    i.on_time,
    i.completeness,
    i.evidence,
    i.quality_index
from quarters_of($date_from, $date_to) as q
left join information_figures($filters, $date_from, $date_to, $date_to, 'quarter') as i
    on i.quarter_start = q.quarter_start
order by q.quarter_start
