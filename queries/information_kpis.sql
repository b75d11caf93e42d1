-- Information quality (KPIS.md, I), one row for the period [$date_from, $date_to]:
--   I1 information requests, I2 response rate %, I3 on time %, I4 completeness %,
--   I5 evidence %, I6 median response days, I7 information quality index,
--   I8 annual report score %.
-- Parameters: $date_from, $date_to, $filters (global filters).
--
-- Rules as this project reads them:
-- * I1 are requests with requested_on in the period; every other I figure (but I8) is about them.
-- * Answered: answered_on set and on or before $date_to; a later answer does not count yet.
-- * Percentages are 0-100, unrounded, null when the denominator is empty; blank completeness
--   or evidence leaves I4 or I5 (numerator and denominator), but counts 0 in I7, as KPIS.md says.
-- * I6 is the usual median: the mean of the two middle values when their number is even.
-- * I8: a supplier-year's score is the sum of its assessed item scores (0-2) / (2 x assessed
--   items) x 100; a supplier-year with no item assessed has no score and is left out. The
--   programme value is the mean of the supplier-year scores for every year the period touches
--   (year($date_from) to year($date_to)): a supplier assessed in two of those years counts twice.
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

request_figures as (
    select
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
),

assessed_items as (
    select
        programme,
        supplier,
        year,
        unnest([risk_analysis, action_plan, signals_handling, stakeholder_consultation, kpis_reported])
            as score
    from scoped_report_assessments($filters)
    where year between year($date_from) and year($date_to)
),

supplier_year_scores as (
    select programme, supplier, year, 100.0 * sum(score) / (2 * count(score)) as score_pct
    from assessed_items
    group by programme, supplier, year
    having count(score) > 0
)

select
    r.requests as I1,
    100.0 * r.answered / nullif(r.requests, 0) as I2,
    100.0 * r.answered_on_time / nullif(r.answered_with_due, 0) as I3,
    100.0 * r.mean_completeness / 4 as I4,
    100.0 * r.with_evidence / nullif(r.evidence_known, 0) as I5,
    r.median_days as I6,
    r.quality_index as I7,
    (select avg(score_pct) from supplier_year_scores) as I8
from request_figures as r
