-- The complaint backlog (C2 trend): as_of, open_cases. as_of is the end of each calendar
-- quarter from the one containing $date_from to the last one ending on or before $date_to,
-- plus $date_to itself when it is not a quarter end.
-- Open on day d: received_on on or before d and resolved_on blank or after d (see
-- complaint_kpis.sql: a closed_unresolved case leaves the backlog on its resolved_on).
-- Parameters: $filters (global filters), $date_from, $date_to.
with cases as (
    select received_on, resolved_on from scoped_grievances($filters)
),

quarter_starts as (
    select cast(unnest(generate_series(
        date_trunc('quarter', $date_from), date_trunc('quarter', $date_to), interval 3 month
    )) as date) as quarter_start
),

as_of_dates as (
    -- the last quarter ends after $date_to unless $date_to is a quarter end: cut it there
    select least(cast(quarter_start + interval 3 month - interval 1 day as date), $date_to) as as_of
    from quarter_starts
)

select
    a.as_of,
    count(c.received_on) as open_cases
from as_of_dates as a
left join cases as c
    on c.received_on <= a.as_of and (c.resolved_on is null or c.resolved_on > a.as_of)
group by a.as_of
order by a.as_of
