-- Follow-up of the actions agreed in meetings (issue 4), as of $date_to: one row per action
-- listed for the period [$date_from, $date_to]:
--   programme, supplier, action_id, meeting_id, owner, description, due_date, completed_on,
--   status ('overdue', 'due', 'done late', 'done on time'), days_overdue, days_late,
--   in_d9 (the action counts in D9), on_time_d9 (it counts as done on time in D9), and
--   total_rows: how many rows the list has in all (on every row, so one query gives a page of
--   the list and its length).
-- Parameters: $date_from, $date_to, $filters (global filters); the list narrowed to
--   $statuses (a list of statuses; empty: every status; a review session's agenda asks for
--   'overdue' and 'due', the open ones) and to $owners (a list of owners; empty and
--   $without_owner false: every owner) plus, when $without_owner, the actions without one,
--   and to one supplier's when $supplier is set ({programme, supplier}; null: every supplier's);
--   $rows rows of it (null: all) from row $first (0-based).
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
-- * The rules are written once, in listed_actions (_rules.sql); follow_up_summary.sql counts the same rows.
-- Order: overdue (most days overdue first), due (soonest first), done late, done on time (each
-- by due date), then supplier and action_id.
with listed_actions as (
    select * from listed_actions($filters, $date_from, $date_to) -- the rules: _rules.sql
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
    in_d9 and coalesce(completed_on <= due_date, false) as on_time_d9,
    count(*) over () as total_rows
from listed_actions
where (len($statuses) = 0 or list_contains($statuses, status))
  and ($supplier is null or (programme = $supplier.programme and supplier = $supplier.supplier))
  and (
      (len($owners) = 0 and not $without_owner)
      or list_contains($owners, owner)
      or ($without_owner and owner is null)
  )
order by
    case status when 'overdue' then 1 when 'due' then 2 when 'done late' then 3 else 4 end,
    days_overdue desc nulls last,
    due_date,
    supplier,
    programme,
    action_id
limit $rows offset $first
