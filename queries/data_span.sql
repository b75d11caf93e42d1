-- The first and last day on which something happened in the data (meetings, requests,
-- disclosures, grievances, escalations): the period presets end at last_day, so a
-- programme whose latest export is months old still opens on its own latest quarter.
-- Due dates and contract dates are left out: they lie in the future by nature.
with days as (
    select date as day from meetings
    union all select requested_on from info_requests
    union all select answered_on from info_requests
    union all select disclosed_on from sites
    union all select received_on from grievances
    union all select resolved_on from grievances
    union all select date from escalations
)
select min(day) as first_day, max(day) as last_day
from days
