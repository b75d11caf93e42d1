-- Annual report scores (KPIS.md, I8), long format: one row per assessed supplier-year and
-- element, for the years the period touches (year($date_from) to year($date_to)):
--   programme, supplier, year, element (risk_analysis, action_plan, signals_handling,
--   stakeholder_consultation, kpis_reported, in that order), score (0-2, null when not
--   assessed), score_pct (the supplier-year's I8 score, repeated on its five rows; the rule
--   is report_element_scores in _rules.sql).
-- Parameters: $date_from, $date_to, $filters (global filters).
with element_scores as (
    select * from report_element_scores($filters, $date_from, $date_to)
)

select
    programme,
    supplier,
    year,
    element,
    score,
    score_pct
from element_scores
order by supplier, programme, year, element_order
