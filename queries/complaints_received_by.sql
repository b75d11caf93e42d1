-- Complaints received in the period (C1) broken down: dimension ('channel', 'category',
-- 'country', 'supplier'), value ('unknown' where the case leaves it blank), cases.
-- Within a dimension, most cases first.
-- Parameters: $filters (global filters), $date_from, $date_to.
with received as (
    select
        coalesce(channel, 'unknown') as channel,
        coalesce(category, 'unknown') as category,
        coalesce(nullif(trim(country), ''), 'unknown') as country,
        coalesce(supplier, 'unknown') as supplier
    from scoped_grievances($filters)
    where received_on between $date_from and $date_to
),

breakdown as (
    select 'channel' as dimension, channel as value, count(*) as cases from received group by channel
    union all
    select 'category', category, count(*) from received group by category
    union all
    select 'country', country, count(*) from received group by country
    union all
    select 'supplier', supplier, count(*) from received group by supplier
)

select dimension, value, cases
from breakdown
order by dimension, cases desc, value
