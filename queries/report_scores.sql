-- Annual report scores (KPIS.md, I8), long format: one row per assessed supplier-year and
-- element, for the years the period touches (year($date_from) to year($date_to)):
--   programme, supplier, year, element (risk_analysis, action_plan, signals_handling,
--   stakeholder_consultation, kpis_reported, in that order), score (0-2, null when not
--   assessed), score_pct (the supplier-year's I8 score: sum of assessed scores /
--   (2 x assessed items) x 100, null when no item was assessed; repeated on its five rows).
-- Parameters: $date_from, $date_to, $filters (global filters).
with assessments as (
    select *
    from scoped_report_assessments($filters)
    where year between year($date_from) and year($date_to)
),

element_scores as (
    select
        programme,
        supplier,
        year,
        unnest(range(1, 6)) as element_order,
        unnest([
            'risk_analysis', 'action_plan', 'signals_handling', 'stakeholder_consultation', 'kpis_reported'
        ]) as element,
        unnest([risk_analysis, action_plan, signals_handling, stakeholder_consultation, kpis_reported])
            as score
    from assessments
)

select
    programme,
    supplier,
    year,
    element,
    score,
    100.0 * sum(score) over supplier_year / nullif(2 * count(score) over supplier_year, 0) as score_pct
from element_scores
window supplier_year as (partition by programme, supplier, year)
order by supplier, programme, year, element_order
