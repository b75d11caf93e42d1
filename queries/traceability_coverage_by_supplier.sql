-- Traceability coverage (T2) per supplier, as of $date_to: supplier, components, disclosed,
-- coverage, and tier1_coverage, tier2_coverage, tier3_coverage (0-100, null when the supplier
-- has no component of that tier). Suppliers without traceability rows do not appear.
-- A supplier name in two programmes is one row: its components of both are counted.
-- Parameters: $filters (global filters), $date_to.
-- Rules: see traceability_kpis.sql; components and their tier as in components_as_of (_rules.sql).
with components as (
    select * from components_as_of($filters, $date_to)
)

select
    supplier,
    count(*) as components,
    count(*) filter (where disclosed) as disclosed,
    100.0 * count(*) filter (where disclosed) / count(*) as coverage,
    100.0 * count(*) filter (where disclosed and tier = 1)
    / nullif(count(*) filter (where tier = 1), 0) as tier1_coverage,
    100.0 * count(*) filter (where disclosed and tier = 2)
    / nullif(count(*) filter (where tier = 2), 0) as tier2_coverage,
    100.0 * count(*) filter (where disclosed and tier = 3)
    / nullif(count(*) filter (where tier = 3), 0) as tier3_coverage
from components
group by supplier
order by supplier
