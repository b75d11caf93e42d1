-- The traceability rows (table sites) as the T rules read them, stored once rather than worked
-- out by every query: blanks trimmed to null, each site's key (site_key, _site_key.sql), whether
-- the row names a site, and a number per component and per site, so the rules group a million
-- rows by one integer instead of four texts (measured: 60 -> 13 ms for the components).
-- Four tables: sites_normalised, site_suppliers, site_countries and site_components.
-- Rebuilt from sites when first read after a change that wrote sites, or when this file
-- changed (engagement.db, ensure_normalised, which every query calls first); read through
-- scoped_sites (_scope.sql), never directly.
--   programme, supplier, product, component, tier, site_name, site_key, country, os_id,
--   disclosed_on, verified, monitored, names_a_site (it has a site name or a country, so it
--   discloses its component and its site from its disclosed_on on),
--   supplier_number (the same for the rows of one (programme, supplier); site_suppliers below
--   names it), component_number (the same for the rows of one (programme, supplier, product,
--   component)), site_number (the same for the rows of one (programme, supplier, site_key,
--   country)).
create or replace table sites_normalised as
with trimmed as (
    select
        programme,
        supplier,
        product,
        component,
        tier,
        nullif(trim(site_name), '') as site_name,
        site_key(site_name) as site_key,
        nullif(trim(country), '') as country,
        nullif(trim(os_id), '') as os_id,
        disclosed_on,
        verified,
        monitored
    from sites
)

select
    *,
    site_name is not null or country is not null as names_a_site,
    dense_rank() over (order by programme, supplier) as supplier_number,
    dense_rank() over (order by programme, supplier, product, component) as component_number,
    dense_rank() over (order by programme, supplier, site_key, country) as site_number
from trimmed;

-- The suppliers of the traceability rows by number: supplier_number, programme, supplier. The
-- filters pick suppliers by number, and the rules add names to a few hundred rows at the end.
create or replace table site_suppliers as
select distinct supplier_number, programme, supplier from sites_normalised;

-- The countries each supplier's traceability rows name: programme, supplier, country. The
-- country filter keeps a supplier with a site in a chosen country (filtered_suppliers,
-- _scope.sql): a few thousand rows to look in instead of a million.
create or replace table site_countries as
select distinct programme, supplier, country from sites_normalised where country is not null;

-- Each component over all its rows (T1, T2; component_disclosures, _rules.sql, reads it when
-- no country filter narrows the rows): component_number, supplier_number, tier (the lowest
-- its rows name), disclosed_from (the earliest disclosed_on of its rows that name a site;
-- -infinity when such a row is undated; null when none names a site). Grouping a million rows
-- into components was a third of every T figure's time; the filters pick components by their
-- supplier, which keeps or drops all of a component's rows.
create or replace table site_components as
select
    component_number,
    any_value(supplier_number) as supplier_number, -- one within a component
    min(tier) as tier,
    min(coalesce(disclosed_on, date '-infinity')) filter (where names_a_site) as disclosed_from
from sites_normalised
group by component_number;
