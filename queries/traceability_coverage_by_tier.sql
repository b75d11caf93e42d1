-- Traceability coverage (T2) per tier, as of $date_to: tier ('1' assembly, '2' component,
-- '3' raw material, and 'unknown' when some component has no tier), components,
-- disclosed (components disclosed as of $date_to), coverage (0-100, null without components).
-- Tiers 1-3 always appear, so a chart keeps its axis when a tier has nothing yet.
-- Parameters: $filters (global filters), $date_to.
-- Rules: see traceability_kpis.sql. A component's tier is the lowest tier its rows name
-- (components_as_of, _rules.sql: when its rows disagree, the tier nearest the buyer wins).
with components as (
    select
        component_number,
        coalesce(cast(tier as varchar), 'unknown') as tier,
        disclosed
    from components_as_of($filters, $date_to)
),

tiers as (
    select tier from (values ('1'), ('2'), ('3')) as fixed_tiers (tier)
    union
    select tier from components where tier = 'unknown'
)

select
    t.tier,
    count(c.component_number) as components,
    count(*) filter (where c.disclosed) as disclosed,
    100.0 * count(*) filter (where c.disclosed) / nullif(count(c.component_number), 0) as coverage
from tiers as t
left join components as c on c.tier = t.tier
group by t.tier
order by t.tier
