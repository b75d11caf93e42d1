-- Information quality (KPIS.md, I), one row for the period [$date_from, $date_to]:
--   I1 information requests, I2 response rate %, I3 on time %, I4 completeness %,
--   I5 evidence %, I6 median response days, I7 information quality index,
--   I8 annual report score %.
-- Parameters: $date_from, $date_to, $filters (global filters).
--
-- Rules as this project reads them:
-- * I1-I7 are the rules of information_figures (_rules.sql): I1 are requests with
--   requested_on in the period, every other I figure (but I8) is about them; answered means
--   answered_on on or before $date_to; a blank completeness or evidence leaves I4 or I5 but
--   counts 0 in I7, as KPIS.md says; I6 is the usual median (mean of the two middle values).
-- * Percentages are 0-100, unrounded, null when the denominator is empty.
-- * I8: a supplier-year's score is the sum of its assessed item scores (0-2) / (2 x assessed
--   items) x 100 (report_element_scores, _rules.sql); a supplier-year with no item assessed
--   has no score and is left out. The programme value is the mean of the supplier-year
--   scores for every year the period touches (year($date_from) to year($date_to)): a
--   supplier assessed in two of those years counts twice.
with request_figures as (
    select *
    from information_figures($filters, $date_from, $date_to, $date_to, 'all')
),

supplier_year_scores as (
    select distinct programme, supplier, year, score_pct
    from report_element_scores($filters, $date_from, $date_to)
    where score_pct is not null
)

select
    r.requests as I1,
    r.response_rate as I2,
    r.on_time as I3,
    r.completeness as I4,
    r.evidence as I5,
    r.median_days as I6,
    r.quality_index as I7,
    (select avg(score_pct) from supplier_year_scores) as I8
from request_figures as r
