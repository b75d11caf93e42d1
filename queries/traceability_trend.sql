-- Traceability coverage (T2) over time: as_of, tier ('all', '1', '2', '3', and 'unknown' when
-- some component has no tier), components, disclosed, coverage (0-100, null without components).
-- as_of: the end of each calendar quarter from the one containing $date_from to the last one
-- ending on or before $date_to, plus $date_to itself when it is not a quarter end.
-- Parameters: $filters (global filters), $date_from, $date_to.
-- Rules: see traceability_kpis.sql. The denominator is every component known now (a
-- component has no date of its own); the numerator, those disclosed as of each as_of.
with site_rows as (
    select
        programme,
        supplier,
        product,
        component,
        tier,
        disclosed_on,
        nullif(trim(site_name), '') is not null or nullif(trim(country), '') is not null as names_site
    from scoped_sites($filters)
),

components as (
    select
        programme,
        supplier,
        product,
        component,
        coalesce(cast(min(tier) as varchar), 'unknown') as tier,
        -- a blank disclosed_on discloses the component for every date
        bool_or(names_site and disclosed_on is null) as always_disclosed,
        min(disclosed_on) filter (where names_site) as first_disclosed_on
    from site_rows
    group by programme, supplier, product, component
),

quarter_starts as (
    select cast(unnest(generate_series(
        date_trunc('quarter', $date_from), date_trunc('quarter', $date_to), interval 3 month
    )) as date) as quarter_start
),

as_of_dates as (
    -- the last quarter ends after $date_to unless $date_to is a quarter end: cut it there
    select least(cast(quarter_start + interval 3 month - interval 1 day as date), $date_to) as as_of
    from quarter_starts
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
    count(*) filter (where c.always_disclosed or c.first_disclosed_on <= a.as_of) as disclosed,
    100.0 * count(*) filter (where c.always_disclosed or c.first_disclosed_on <= a.as_of)
    / nullif(count(c.component), 0) as coverage
from as_of_dates as a
cross join tiers as t
left join components as c on t.tier = 'all' or c.tier = t.tier
group by a.as_of, t.tier
order by a.as_of, t.tier = 'all' desc, t.tier
