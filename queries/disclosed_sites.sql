-- The production sites disclosed as of $date_to, one row per site, $rows of them from row
-- $first (0-based; $rows null: all), in the order below: programme, supplier, site_name (as first written),
-- country, os_id (Open Supply Hub id, when any row gives one), tiers (sorted list of the tiers
-- its rows name), components (distinct product/component pairs made there), verified,
-- monitored (true when any row says true, null when all are blank), first_disclosed_on
-- (earliest disclosed_on; null when only undated rows disclose it), and total_rows: how many
-- sites there are in all (on every row, so one query gives a page and the count).
-- Parameters: $filters (global filters), $date_to, $first, $rows.
-- Rules: sites as in traceability_kpis.sql (site_rows_as_of, disclosed_sites_as_of, _rules.sql).
with site_rows as (
    select * from site_rows_as_of($filters, $date_to)
),

-- What orders the sites, and how many there are: light work over every row.
ordered as (
    select
        site_number,
        any_value(supplier_number) as supplier_number, -- one within a site
        any_value(country) as country,
        min(site_name) as site_name
    from site_rows
    group by site_number
),

shown as (
    select o.site_number, n.programme, n.supplier, o.site_name, o.country, count(*) over () as total_rows
    from ordered as o
    inner join site_suppliers as n on n.supplier_number = o.supplier_number
    order by n.supplier, o.country nulls last, o.site_name nulls last, n.programme
    limit $rows offset $first
),

-- The rest of each shown site, from its rows only: the distinct lists and counts are the
-- costly part, worked out for a page of sites rather than all of them.
details as (
    select
        site_number,
        min(os_id) as os_id,
        list_sort(list(distinct tier) filter (where tier is not null)) as tiers,
        count(distinct component_number) as components,
        bool_or(verified) as verified,
        bool_or(monitored) as monitored,
        min(disclosed_on) as first_disclosed_on
    from site_rows
    where site_number in (select site_number from shown)
    group by site_number
)

select
    s.programme,
    s.supplier,
    s.site_name,
    s.country,
    d.os_id,
    d.tiers,
    d.components,
    d.verified,
    d.monitored,
    d.first_disclosed_on,
    s.total_rows
from shown as s
inner join details as d on d.site_number = s.site_number
order by s.supplier, s.country nulls last, s.site_name nulls last, s.programme
