-- Disclosed production sites per country, as of $date_to: country (null for sites disclosed
-- by name only), sites, verified (sites with verified true), monitored (sites under
-- worker-driven monitoring). Most sites first.
-- Parameters: $filters (global filters), $date_to.
-- Rules: sites and their verified/monitored flags as in traceability_kpis.sql
-- (disclosed_sites_as_of, _rules.sql).
with sites as (
    select country, verified, monitored from disclosed_sites_as_of($filters, $date_to)
)

select
    country,
    count(*) as sites,
    count(*) filter (where verified) as verified,
    count(*) filter (where monitored) as monitored
from sites
group by country
order by sites desc, country nulls last
