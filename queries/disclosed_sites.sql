-- The production sites disclosed as of $date_to, one row per site: programme, supplier,
-- site_name (as first written), country, os_id (Open Supply Hub id, when any row gives one),
-- tiers (sorted list of the tiers its rows name), components (distinct product/component
-- pairs made there), verified, monitored (true when any row says true, null when all are
-- blank), first_disclosed_on (earliest disclosed_on; null when only undated rows disclose it).
-- Parameters: $filters (global filters), $date_to.
-- Rules: sites as in traceability_kpis.sql.
with site_rows as (
    select
        programme,
        supplier,
        product,
        component,
        tier,
        nullif(trim(site_name), '') as site_name,
        nullif(lower(regexp_replace(trim(site_name), '\s+', ' ', 'g')), '') as site_key,
        nullif(trim(country), '') as country,
        nullif(trim(os_id), '') as os_id,
        disclosed_on,
        verified,
        monitored
    from scoped_sites($filters)
),

disclosing_rows as (
    select *
    from site_rows
    where (site_key is not null or country is not null)
      and (disclosed_on is null or disclosed_on <= $date_to)
)

select
    programme,
    supplier,
    min(site_name) as site_name,
    country,
    min(os_id) as os_id,
    list_sort(list(distinct tier) filter (where tier is not null)) as tiers,
    count(distinct {'product': product, 'component': component}) as components,
    bool_or(verified) as verified,
    bool_or(monitored) as monitored,
    min(disclosed_on) as first_disclosed_on
from disclosing_rows
group by programme, supplier, site_key, country
order by supplier, country nulls last, site_name nulls last
