-- Traceability coverage (T2) per tier, as of $date_to: tier ('1' assembly, '2' component,
-- '3' raw material, and 'unknown' when some component has no tier), components,
-- disclosed (components disclosed as of $date_to), coverage (0-100, null without components).
-- Tiers 1-3 always appear, so a chart keeps its axis when a tier has nothing yet.
-- Parameters: $filters (global filters), $date_to.
-- Rules: see traceability_kpis.sql. A component's tier is the lowest tier its rows name
-- (rows of one component normally agree; when they do not, the tier nearest the buyer wins).
with site_rows as (
    select
        programme,
        supplier,
        product,
        component,
        tier,
        (nullif(trim(site_name), '') is not null or nullif(trim(country), '') is not null)
        and (disclosed_on is null or disclosed_on <= $date_to) as is_disclosing
    from scoped_sites($filters)
),

components as (
    select
        programme,
        supplier,
        product,
        component,
        coalesce(cast(min(tier) as varchar), 'unknown') as tier,
        bool_or(is_disclosing) as disclosed
    from site_rows
    group by programme, supplier, product, component
),

tiers as (
    select tier from (values ('1'), ('2'), ('3')) as fixed_tiers (tier)
    union
    select tier from components where tier = 'unknown'
)

select
    t.tier,
    count(c.component) as components,
    count(*) filter (where c.disclosed) as disclosed,
    100.0 * count(*) filter (where c.disclosed) / nullif(count(c.component), 0) as coverage
from tiers as t
left join components as c on c.tier = t.tier
group by t.tier
order by t.tier
