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
-- The rules (done as of `to`, listed, overdue, D9) are those of follow_up_actions.sql, repeated
-- here: change both together.
-- Order: supplier rows, owner rows, the 'all' row; most overdue first, then most open.
with actions_as_of as (
    select
        a.*,
        a.completed_on is not null and a.completed_on <= $date_to as done,
        a.due_date between $date_from and $date_to as in_d9,
        a.meeting_id in (
            -- the buyer filter is lifted: which buyers attended does not change when it was agreed
            select m.meeting_id
            from scoped_meetings({
                programmes: $filters['programmes'], buyers: [], suppliers: $filters['suppliers'],
                countries: $filters['countries'], categories: $filters['categories']}) as m
            where m.programme = a.programme and m.date > $date_to
        ) as agreed_after_to
    from scoped_actions($filters) as a
),

listed_actions as (
    select
        *,
        not done as open,
        not done and due_date < $date_to as overdue,
        in_d9 and coalesce(completed_on <= due_date, false) as on_time_d9
    from actions_as_of
    where (not done and not coalesce(agreed_after_to, false))
       or completed_on between $date_from and $date_to
       or in_d9
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
