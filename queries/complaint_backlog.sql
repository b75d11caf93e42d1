-- The complaint backlog (C2 trend): as_of, open_cases. as_of is each quarter end of the
-- period, and $date_to itself when it is not one (period_to of quarters_of, _rules.sql).
-- Open on day d: received_on on or before d and resolved_on blank or after d (see
-- complaint_kpis.sql: a closed_unresolved case leaves the backlog on its resolved_on).
-- Parameters: $filters (global filters), $date_from, $date_to.
with cases as (
    select received_on, resolved_on from scoped_grievances($filters)
),

as_of_dates as (
    select period_to as as_of from quarters_of($date_from, $date_to)
)

select
    a.as_of,
    count(c.received_on) as open_cases
from as_of_dates as a
left join cases as c
    on c.received_on <= a.as_of and (c.resolved_on is null or c.resolved_on > a.as_of)
group by a.as_of
order by a.as_of
