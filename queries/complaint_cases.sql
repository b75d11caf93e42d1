-- The complaint cases of the period: those received in it, and those received earlier that
-- were still open at some point in it (resolved_on blank or after $date_from). One row per
-- case: programme, case_id, supplier, site_name, country, received_on, channel, category,
-- severity, workers_affected, status, resolved_on, days_to_resolution (resolved_on minus
-- received_on, when resolved_on is set), open_on_to (open on $date_to, as in C2),
-- remedy, worker_reps_involved, satisfaction; total_rows: how many cases there are in all.
-- Oldest first, $rows of them from row $first (0-based; $rows null: all).
-- Parameters: $filters (global filters), $date_from, $date_to, $first, $rows.
select
    programme,
    case_id,
    supplier,
    site_name,
    country,
    received_on,
    channel,
    category,
    severity,
    workers_affected,
    status,
    resolved_on,
    resolved_on - received_on as days_to_resolution,
    resolved_on is null or resolved_on > $date_to as open_on_to,
    remedy,
    worker_reps_involved,
    satisfaction,
    count(*) over () as total_rows
from scoped_grievances($filters)
where received_on <= $date_to
  and (received_on >= $date_from or resolved_on is null or resolved_on > $date_from)
order by received_on, case_id, programme
limit $rows offset $first
