-- Complaints received in the period (C1) per calendar quarter of received_on, channel and
-- category: quarter_start, channel, category ('unknown' where blank), cases. Only
-- combinations with cases appear. The first and last quarters count only their days
-- inside the period.
-- Parameters: $filters (global filters), $date_from, $date_to.
with received as (
    select
        cast(date_trunc('quarter', received_on) as date) as quarter_start,
        coalesce(channel, 'unknown') as channel,
        coalesce(category, 'unknown') as category
    from scoped_grievances($filters)
    where received_on between $date_from and $date_to
)

select quarter_start, channel, category, count(*) as cases
from received
group by quarter_start, channel, category
order by quarter_start, channel, category
