-- The production sites disclosed as of $date_to, one row per site: programme, supplier,
-- site_name (as first written), country, os_id (Open Supply Hub id, when any row gives one),
-- tiers (sorted list of the tiers its rows name), components (distinct product/component
-- pairs made there), verified, monitored (true when any row says true, null when all are
-- blank), first_disclosed_on (earliest disclosed_on; null when only undated rows disclose it).
-- Parameters: $filters (global filters), $date_to.
-- Rules: sites as in traceability_kpis.sql (disclosed_sites_as_of, _rules.sql).
with sites as (
    select * from disclosed_sites_as_of($filters, $date_to)
)

select
    programme,
    supplier,
    site_name,
    country,
    os_id,
    tiers,
    components,
    verified,
    monitored,
    first_disclosed_on
from sites
order by supplier, country nulls last, site_name nulls last
