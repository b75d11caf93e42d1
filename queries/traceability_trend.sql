-- Traceability coverage (T2) over time: as_of, tier ('all', '1', '2', '3', and 'unknown' when
-- some component has no tier), components, disclosed, coverage (0-100, null without components).
-- as_of: each quarter end of the period, and $date_to itself when it is not one (period_to of
-- quarters_of, _rules.sql).
-- Parameters: $filters (global filters), $date_from, $date_to.
-- Rules: see traceability_kpis.sql; each as_of is T2 as of that day (components_as_of). The
-- denominator is every component known now (a component has no date of its own); the
-- numerator, those disclosed as of each as_of.
with as_of_dates as (
    select period_to as as_of from quarters_of($date_from, $date_to)
),

components as (
    select
        a.as_of,
        c.component,
        coalesce(cast(c.tier as varchar), 'unknown') as tier,
        c.disclosed
    from as_of_dates as a
    cross join lateral components_as_of($filters, a.as_of) as c
),

tiers as (
    select tier from (values ('all'), ('1'), ('2'), ('3')) as fixed_tiers (tier)
    union
    select tier from components where tier = 'unknown'
)

select
    a.as_of,
    t.tier,
    count(c.component) as components,
    count(*) filter (where c.disclosed) as disclosed,
    100.0 * count(*) filter (where c.disclosed) / nullif(count(c.component), 0) as coverage
from as_of_dates as a
cross join tiers as t
left join components as c on c.as_of = a.as_of and (t.tier = 'all' or c.tier = t.tier)
group by a.as_of, t.tier
order by a.as_of, t.tier = 'all' desc, t.tier
