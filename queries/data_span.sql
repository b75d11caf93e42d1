-- The first and last day on which something happened in the data (meetings, requests,
-- disclosures, grievances, escalations): the period presets end at last_day, so a
-- programme whose latest export is months old still opens on its own latest quarter.
-- Due dates and contract dates are left out: they lie in the future by nature.
-- Parameter: $programmes, the programmes looked at (a signed-in buyer's own); empty: every one.
with days as (
    select programme, date as day from meetings
    union all select programme, requested_on from info_requests
    union all select programme, answered_on from info_requests
    union all select programme, disclosed_on from sites
    union all select programme, received_on from grievances
    union all select programme, resolved_on from grievances
    union all select programme, date from escalations
)
select min(day) as first_day, max(day) as last_day
from days
where len($programmes) = 0 or list_contains($programmes, programme)
