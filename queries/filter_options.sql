-- The values each global filter offers: one row per (dimension, value), sorted.
-- dimension is one of programme, buyer, supplier, country, category. No parameters:
-- every value in the database is offered (access rules come with sign-in).
with options as (
    select 'programme' as dimension, programme as value from suppliers
    union select 'programme', programme from meetings
    union select 'buyer', buyer from buyers
    union select 'supplier', supplier from suppliers
    union select 'country', country from suppliers
    union select 'country', country from sites
    union select 'country', country from grievances
    union select 'category', category from suppliers
)
select dimension, value
from options
where value is not null and trim(value) <> ''
order by dimension, lower(value)
