-- Follow-up of the actions agreed in meetings (issue 4), as of $date_to: one row per action
-- listed for the period [$date_from, $date_to]:
--   programme, supplier, action_id, meeting_id, owner, description, due_date, completed_on,
--   status ('overdue', 'due', 'done late', 'done on time'), days_overdue, days_late,
--   in_d9 (the action counts in D9), on_time_d9 (it counts as done on time in D9).
-- Parameters: $date_from, $date_to, $filters (global filters).
--
-- Rules as this project reads them:
-- * Done as of `to`: completed_on on or before $date_to. A completion dated after `to` had not
--   happened on `to`: as of `to` that action is open.
-- * Status: 'done on time' (done, completed_on on or before due_date), 'done late' (done,
--   completed_on after due_date), 'overdue' (open, due_date before `to`), 'due' (open, due on
--   or after `to`: an action due on `to` itself still has that day).
-- * Listed: every action open as of `to`, whatever its due date (actions of earlier periods are
--   still to be followed up), except those agreed in a meeting dated after `to` (not yet agreed
--   on `to`; the meeting is found by meeting_id within the programme); plus every action
--   completed in the period or due in the period.
-- * days_overdue: `to` minus due_date, for overdue actions; days_late: completed_on minus
--   due_date, for actions done late; null otherwise.
-- * D9 (dialogue_kpis.sql, same rule): in_d9 when due_date is in the period (so on or before
--   `to`), on_time_d9 when also completed_on is on or before due_date. Every action in D9 is
--   listed. An open action due on `to` itself is 'due' here and not done on time in D9.
-- * follow_up_summary.sql counts these rows; it repeats the rules above: change both together.
-- Order: overdue (most days overdue first), due (soonest first), done late, done on time (each
-- by due date), then supplier and action_id.
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
        case
            when done and completed_on <= due_date then 'done on time'
            when done then 'done late'
            when due_date < $date_to then 'overdue'
            else 'due'
        end as status
    from actions_as_of
    where (not done and not coalesce(agreed_after_to, false))
       or completed_on between $date_from and $date_to
       or in_d9
)

select
    programme,
    supplier,
    action_id,
    meeting_id,
    owner,
    description,
    due_date,
    completed_on,
    status,
    case when status = 'overdue' then $date_to - due_date end as days_overdue,
    case when status = 'done late' then completed_on - due_date end as days_late,
    in_d9,
    in_d9 and coalesce(completed_on <= due_date, false) as on_time_d9
from listed_actions
order by
    case status when 'overdue' then 1 when 'due' then 2 when 'done late' then 3 else 4 end,
    days_overdue desc nulls last,
    due_date,
    supplier,
    programme,
    action_id
