-- Traceability coverage (KPIS.md, T), one row, as of $date_to:
--   t1 components in scope, t2 traceability coverage %, t3 sites disclosed,
--   t4 sites verified %, t5 sites under worker-driven monitoring %, t6 countries disclosed.
-- Parameters: $filters (global filters), $date_to.
--
-- Rules as this project reads them (the other traceability_* queries share them; they are
-- written once as the macros scoped_sites, site_rows_as_of, component_disclosures,
-- components_as_of, disclosed_sites_as_of and site_key in _rules.sql):
-- * A component is a distinct (programme, supplier, product, component); every traceability
--   row counts for T1, whatever its dates: a component exists before its site is known.
-- * A row discloses its component as of a date when it has a site name or a country and
--   disclosed_on is on or before that date; a blank disclosed_on means "disclosed when it
--   was imported", so it counts for every date.
-- * A site is a distinct (programme, supplier, site name, country) of disclosing rows; site
--   names match case- and space-insensitively, as natural keys do. A row with a country but
--   no site name is a site with an unknown name.
-- * A site is verified (monitored) when any of its disclosing rows says true, not verified
--   when they only say false, unknown when all are blank. Unknown sites leave both the
--   numerator and the denominator of T4 (T5), so T4 = verified / sites with verified known.
-- * Percentages are 0-100, null when the denominator is empty.
with components as (
    select * from components_as_of($filters, $date_to)
),

sites as (
    select * from disclosed_sites_as_of($filters, $date_to)
)

select
    (select count(*) from components) as t1,
    (select 100.0 * count(*) filter (where disclosed) / nullif(count(*), 0) from components) as t2,
    (select count(*) from sites) as t3,
    (select 100.0 * count(*) filter (where verified) / nullif(count(verified), 0) from sites) as t4,
    (select 100.0 * count(*) filter (where monitored) / nullif(count(monitored), 0) from sites) as t5,
    (select count(distinct country) from sites) as t6
