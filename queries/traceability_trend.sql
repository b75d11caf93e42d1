-- Traceability coverage (T2) over time: as_of, tier ('all', '1', '2', '3', and 'unknown' when
-- some component has no tier), components, disclosed, coverage (0-100, null without components).
-- as_of: each quarter end of the period, and $date_to itself when it is not one (period_to of
-- quarters_of, _rules.sql).
-- Parameters: $filters (global filters), $date_from, $date_to.
-- Rules: see traceability_kpis.sql; each as_of is T2 as of that day: a component counts as
-- disclosed when its disclosed_from (component_disclosures, _rules.sql) is on or before it.
-- The denominator is every component known now (a component has no date of its own); the
-- numerator, those disclosed as of each as_of.
with as_of_dates as (
    select period_to as as_of from quarters_of($date_from, $date_to)
),

-- components counted per tier and first disclosure day, so each as_of reads thousands of
-- rows, not every component
components as (
    select coalesce(cast(tier as varchar), 'unknown') as tier, disclosed_from, count(*) as components
    from component_disclosures($filters)
    group by all
),

tiers as (
    select tier from (values ('all'), ('1'), ('2'), ('3')) as fixed_tiers (tier)
    union
    select tier from components where tier = 'unknown'
)

select
    a.as_of,
    t.tier,
    coalesce(sum(c.components), 0) as components,
    coalesce(sum(c.components) filter (where c.disclosed_from <= a.as_of), 0) as disclosed,
    100.0 * coalesce(sum(c.components) filter (where c.disclosed_from <= a.as_of), 0)
        / nullif(sum(c.components), 0) as coverage
from as_of_dates as a
cross join tiers as t
left join components as c on t.tier = 'all' or c.tier = t.tier
group by a.as_of, t.tier
order by a.as_of, t.tier = 'all' desc, t.tier
