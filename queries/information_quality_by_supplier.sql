-- Information quality per supplier (KPIS.md, I1-I7 per supplier), one row per supplier
-- with at least one request made in [$date_from, $date_to]:
--   programme, supplier, requests (I1), response_rate (I2), on_time (I3), completeness (I4),
--   evidence (I5), median_days (I6), quality_index (I7).
-- Same rules as information_kpis.sql: answered means answered_on on or before $date_to;
-- percentages 0-100, null when the denominator is empty.
-- Parameters: $date_from, $date_to, $filters (global filters).
with requests as (
    select
        *,
        answered_on is not null and answered_on <= $date_to as answered
    from scoped_info_requests($filters)
    where requested_on between $date_from and $date_to
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

supplier_figures as (
    select
        programme,
        supplier,
        count(*) as requests,
        count(*) filter (where answered) as answered,
        count(*) filter (where answered and due_on is not null) as answered_with_due,
        count(*) filter (where answered and answered_on <= due_on) as answered_on_time,
        avg(completeness) filter (where answered) as mean_completeness,
        count(*) filter (where answered and evidence) as with_evidence,
        count(evidence) filter (where answered) as evidence_known,
        median(answered_on - requested_on) filter (where answered) as median_days,
        avg(request_score) as quality_index
    from scored_requests
    group by programme, supplier
)

select
    programme,
    supplier,
    requests,
    100.0 * answered / nullif(requests, 0) as response_rate,
    100.0 * answered_on_time / nullif(answered_with_due, 0) as on_time,
    100.0 * mean_completeness / 4 as completeness,
    100.0 * with_evidence / nullif(evidence_known, 0) as evidence,
    median_days,
    quality_index
from supplier_figures
order by supplier, programme
