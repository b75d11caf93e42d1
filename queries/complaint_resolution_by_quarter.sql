-- Complaint resolution per calendar quarter of resolved_on, for cases with status resolved
-- and resolved_on in the period: quarter_start, resolved (cases), median_days (resolved_on
-- minus received_on), within_target_pct (of those cases, resolved within $target_days,
-- 0-100), satisfaction (mean of known scores, 1-5). Every quarter the period touches
-- (quarters_of, _rules.sql) appears; quarters without resolutions have resolved 0 and nulls.
-- Note: within_target_pct looks at the cases resolved in the quarter, so it differs from
-- C4, which follows the cases received in the period.
-- Parameters: $filters (global filters), $date_from, $date_to, $target_days.
with resolved as (
    select
        cast(date_trunc('quarter', resolved_on) as date) as quarter_start,
        resolved_on - received_on as days_to_resolution,
        satisfaction
    from scoped_grievances($filters)
    where status = 'resolved' and resolved_on between $date_from and $date_to
)

select
    q.quarter_start,
    count(r.days_to_resolution) as resolved,
    median(r.days_to_resolution) as median_days,
    100.0 * count(*) filter (where r.days_to_resolution <= $target_days)
    / nullif(count(r.days_to_resolution), 0) as within_target_pct,
    avg(r.satisfaction) as satisfaction
from quarters_of($date_from, $date_to) as q
left join resolved as r on r.quarter_start = q.quarter_start
group by q.quarter_start
order by q.quarter_start
