-- Supplier scorecard (KPIS.md, "Supplier scorecard"), one row per supplier in scope for
-- [$date_from, $date_to]:
--   programme, supplier,
--   engaged (D2: at least one dialogue meeting in the period),
--   days_since_meeting (D5: $date_to minus its latest dialogue meeting on or before
--     $date_to, which may lie before the period; null when none),
--   quality_index (I7 over its requests made in the period; null when none),
--   report_year, report_score (I8 of its latest assessed year among the years the period
--     touches; null when none),
--   coverage (T2 as of $date_to over its components; null when it has none),
--   open_cases (C2 on $date_to; 0 when none),
--   within_target (C4 over its cases in the C4 cohort; null when none),
--   step, step_rank (E1 as of $date_to; dialogue, 0 when never escalated).
-- Parameters: $filters, $date_from, $date_to, $dialogue_types
-- (vocabulary.DIALOGUE_MEETING_TYPES), $target_days (C4), $ladder (escalation steps).
-- Each figure is its KPI's rule for one supplier, through the macros of _rules.sql that the
-- KPI pages use: a supplier's row equals that page's figure filtered to the supplier.
-- The previous period's row comes from the same query run over that period.
with scope as (
    select programme, supplier from suppliers_in_scope($filters, $date_from, $date_to)
),

engaged as (
    select distinct programme, supplier
    from scoped_meetings($filters)
    where list_contains($dialogue_types, type) and date between $date_from and $date_to
),

information as (
    select programme, supplier, quality_index
    from information_figures($filters, $date_from, $date_to, $date_to, 'supplier')
),

reports as (
    select distinct programme, supplier, year, score_pct
    from report_element_scores($filters, $date_from, $date_to)
    where score_pct is not null
    qualify row_number() over (partition by programme, supplier order by year desc) = 1
),

coverage as (
    select programme, supplier, 100.0 * count(*) filter (where disclosed) / count(*) as coverage
    from components_as_of($filters, $date_to)
    group by programme, supplier
),

open_cases as (
    select programme, supplier, count(*) as open_cases
    from open_cases_on($filters, $date_to)
    group by programme, supplier
),

resolution as (
    select
        programme,
        supplier,
        100.0 * count(*) filter (where within_target) / count(*) as within_target
    from resolution_target_cohort($filters, $date_from, $date_to, $target_days)
    group by programme, supplier
)

select
    s.programme,
    s.supplier,
    e.supplier is not null as engaged,
    cast($date_to - l.last_meeting as integer) as days_since_meeting,
    i.quality_index,
    r.year as report_year,
    r.score_pct as report_score,
    c.coverage,
    coalesce(o.open_cases, 0) as open_cases,
    t.within_target,
    coalesce(st.step, 'dialogue') as step,
    coalesce(st.step_rank, 0) as step_rank
from scope as s
left join engaged as e on e.programme = s.programme and e.supplier = s.supplier
left join last_dialogue_meetings($filters, $date_to, $dialogue_types) as l
    on l.programme = s.programme and l.supplier = s.supplier
left join information as i on i.programme = s.programme and i.supplier = s.supplier
left join reports as r on r.programme = s.programme and r.supplier = s.supplier
left join coverage as c on c.programme = s.programme and c.supplier = s.supplier
left join open_cases as o on o.programme = s.programme and o.supplier = s.supplier
left join resolution as t on t.programme = s.programme and t.supplier = s.supplier
left join current_steps($filters, $date_to, $ladder) as st
    on st.programme = s.programme and st.supplier = s.supplier
order by s.supplier, s.programme
