-- The production sites disclosed as of $date_to, one row per site, $rows of them from row
-- $first (0-based; $rows null: all), in the order below: programme, supplier, site_name (as first written),
-- country, os_id (Open Supply Hub id, when any row gives one), tiers (sorted list of the tiers
-- its rows name), components (distinct product/component pairs made there), verified,
-- monitored (true when any row says true, null when all are blank), first_disclosed_on
-- (earliest disclosed_on; null when only undated rows disclose it), and total_rows: how many
-- sites there are in all (on every row, so one query gives a page and the count).
-- Parameters: $filters (global filters), $date_to, $first, $rows.
-- Rules: sites as in traceability_kpis.sql (site_rows_as_of, disclosed_sites_as_of, _rules.sql).
with per_site as (
    select
        any_value(supplier_number) as supplier_number, -- one within a site
        any_value(country) as country,
        min(site_name) as site_name,
        min(os_id) as os_id,
        list_sort(list(distinct tier) filter (where tier is not null)) as tiers,
        count(distinct component_number) as components,
        bool_or(verified) as verified,
        bool_or(monitored) as monitored,
        min(disclosed_on) as first_disclosed_on
    from site_rows_as_of($filters, $date_to)
    group by site_number
),

sites as (
    select n.programme, n.supplier, p.* exclude (supplier_number)
    from per_site as p
    inner join site_suppliers as n on n.supplier_number = p.supplier_number
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
    first_disclosed_on,
    count(*) over () as total_rows
from sites
order by supplier, country nulls last, site_name nulls last, programme
limit $rows offset $first
