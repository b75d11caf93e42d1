-- Follow-up of the actions agreed in meetings (issue 4), counted per supplier, per owner and
-- for all of them, as of $date_to, over the actions follow_up_actions.sql lists:
--   grouped_by ('supplier': one row per programme and supplier; 'owner': one row per owner,
--   whatever the programme, owner null for actions without one; 'all': one row, there even
--   without actions), programme, supplier, owner (null where not grouped by),
--   actions (listed), open (not done as of `to`: status overdue or due), overdue,
--   due_in_period (D9's denominator: due_date in the period), done_on_time (D9's numerator:
--   of those, completed_on on or before due_date), done_on_time_pct (D9 of the group:
--   100 x done_on_time / due_in_period, null when due_in_period is 0).
-- The 'all' row's done_on_time_pct is D9 itself; the supplier rows' (or the owner rows')
-- counts add up to it.
-- Parameters: $date_from, $date_to, $filters (global filters).
-- The rules (done as of `to`, listed, overdue, D9) are written once, in listed_actions
-- (_rules.sql), which follow_up_actions.sql lists.
-- Order: supplier rows, owner rows, the 'all' row; most overdue first, then most open.
with listed_actions as (
    select
        *,
        not done as open,
        status = 'overdue' as overdue,
        in_d9 and coalesce(completed_on <= due_date, false) as on_time_d9
    from listed_actions($filters, $date_from, $date_to) -- the rules: _rules.sql
),

counted as (
    select
        case
            when grouping(programme, supplier) = 0 then 'supplier'
            when grouping(owner) = 0 then 'owner'
            else 'all'
        end as grouped_by,
        programme,
        supplier,
        owner,
        count(*) as actions,
        count(*) filter (where open) as open,
        count(*) filter (where overdue) as overdue,
        count(*) filter (where in_d9) as due_in_period,
        count(*) filter (where on_time_d9) as done_on_time
    from listed_actions
    group by grouping sets ((programme, supplier), (owner), ())
)

select
    grouped_by,
    programme,
    supplier,
    owner,
    actions,
    open,
    overdue,
    due_in_period,
    done_on_time,
    100.0 * done_on_time / nullif(due_in_period, 0) as done_on_time_pct
from counted
order by
    case grouped_by when 'supplier' then 1 when 'owner' then 2 else 3 end,
    overdue desc,
    open desc,
    supplier,
    programme,
    owner
