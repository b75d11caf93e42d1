-- The grievances as C7 reads them, stored once rather than worked out by every query: every
-- column of grievances but row_key, extra and import_id, and
--   site_key: the site the case names (site_key, _site_key.sql; null without a site name),
--   site_group: the same number for the cases of one (programme, supplier, category,
--     site_key), and country_group: the same for one (programme, supplier, category, country,
--     blanks trimmed to null). C7's windows partition by these numbers: sorting 200,000 cases
--     by four texts took ~40% of the complaint figures' time at the large scale.
-- Rebuilt from grievances when first read after a change that wrote grievances, or when this
-- file changed (engagement.db, ensure_normalised, which every query calls first); read
-- through scoped_grievances (_scope.sql), never directly.
create or replace table grievances_normalised as
with keyed as (
    select
        g.* exclude (row_key, extra, import_id),
        site_key(g.site_name) as site_key,
        nullif(trim(g.country), '') as trimmed_country
    from grievances as g
)

select
    * exclude (trimmed_country),
    dense_rank() over (order by programme, supplier, category, site_key) as site_group,
    dense_rank() over (order by programme, supplier, category, trimmed_country) as country_group
from keyed
order by received_on;
