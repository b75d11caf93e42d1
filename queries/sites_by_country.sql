-- Disclosed production sites per country, as of $date_to: country (null for sites disclosed
-- by name only), sites, verified (sites with verified true), monitored (sites under
-- worker-driven monitoring). Most sites first.
-- Parameters: $filters (global filters), $date_to.
-- Rules: sites and their verified/monitored flags as in traceability_kpis.sql.
with site_rows as (
    select
        programme,
        supplier,
        nullif(lower(regexp_replace(trim(site_name), '\s+', ' ', 'g')), '') as site_key,
        nullif(trim(country), '') as country,
        disclosed_on,
        verified,
        monitored
    from scoped_sites($filters)
),

sites as (
    select
        programme,
        supplier,
        site_key,
        country,
        bool_or(verified) as verified,
        bool_or(monitored) as monitored
    from site_rows
    where (site_key is not null or country is not null)
      and (disclosed_on is null or disclosed_on <= $date_to)
    group by programme, supplier, site_key, country
)

select
    country,
    count(*) as sites,
    count(*) filter (where verified) as verified,
    count(*) filter (where monitored) as monitored
from sites
group by country
order by sites desc, country nulls last
