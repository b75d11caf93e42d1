-- Information quality per supplier (KPIS.md, I1-I7 per supplier), one row per supplier
-- with at least one request made in [$date_from, $date_to]:
--   programme, supplier, requests (I1), response_rate (I2), on_time (I3), completeness (I4),
--   evidence (I5), median_days (I6), quality_index (I7).
-- Same rules as information_kpis.sql, written once in information_figures (_rules.sql):
-- answered means answered_on on or before $date_to; percentages 0-100, null when the
-- denominator is empty.
-- Parameters: $date_from, $date_to, $filters (global filters).
with supplier_figures as (
    select *
    from information_figures($filters, $date_from, $date_to, $date_to, 'supplier')
)

select
    programme,
    supplier,
    requests,
    response_rate,
    on_time,
    completeness,
    evidence,
    median_days,
    quality_index
from supplier_figures
order by supplier, programme
