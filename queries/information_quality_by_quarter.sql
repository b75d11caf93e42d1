-- Information quality per calendar quarter (KPIS.md, I: trends), one row per quarter
-- overlapping [$date_from, $date_to], zero-filled, by the quarter the request was made in:
--   quarter_start (first day of the calendar quarter), requests (I1), response_rate (I2),
--   on_time (I3), completeness (I4), evidence (I5), quality_index (I7).
-- Each quarter uses the rules of information_kpis.sql with the quarter, clipped to the period,
-- as its period. So "answered" means answered_on on or before the end of the quarter (or
-- $date_to when that comes first): a request made in March and answered in April counts as
-- unanswered in its quarter, which is what the quarter's figure was when the quarter closed.
-- Percentages 0-100, null when the denominator is empty; quality_index null for no requests.
-- Parameters: $date_from, $date_to, $filters (global filters).
with quarters as (
    select cast(unnest(generate_series(
        date_trunc('quarter', $date_from), date_trunc('quarter', $date_to), interval 3 month
    )) as date) as quarter_start
),

quarter_periods as (
    select
        quarter_start,
        greatest(quarter_start, $date_from) as period_from,
        least(cast(quarter_start + interval 3 month - interval 1 day as date), $date_to) as period_to
    from quarters
),

requests as (
    select
        q.quarter_start,
        r.row_key,
        r.due_on,
        r.answered_on,
        r.completeness,
        r.evidence,
        r.answered_on is not null and r.answered_on <= q.period_to as answered
    from quarter_periods as q
    inner join scoped_info_requests($filters) as r
        on r.requested_on between q.period_from and q.period_to
),

scored_requests as (
    select
        *,
        case
            when not answered then 0.0
            else 100 * (
                0.5 * coalesce(completeness, 0) / 4
                + 0.25 * (case when due_on is null or answered_on <= due_on then 1 else 0 end)
                + 0.25 * coalesce(cast(evidence as integer), 0)
            )
        end as request_score
    from requests
),

quarter_figures as (
    select
        q.quarter_start,
        count(r.row_key) as requests,
        count(*) filter (where r.answered) as answered,
        count(*) filter (where r.answered and r.due_on is not null) as answered_with_due,
        count(*) filter (where r.answered and r.answered_on <= r.due_on) as answered_on_time,
        avg(r.completeness) filter (where r.answered) as mean_completeness,
        count(*) filter (where r.answered and r.evidence) as with_evidence,
        count(r.evidence) filter (where r.answered) as evidence_known,
        avg(r.request_score) as quality_index
    from quarters as q
    left join scored_requests as r on r.quarter_start = q.quarter_start
    group by q.quarter_start
)

select
    quarter_start,
    requests,
    100.0 * answered / nullif(requests, 0) as response_rate,
    100.0 * answered_on_time / nullif(answered_with_due, 0) as on_time,
    100.0 * mean_completeness / 4 as completeness,
    100.0 * with_evidence / nullif(evidence_known, 0) as evidence,
    quality_index
from quarter_figures
order by quarter_start
