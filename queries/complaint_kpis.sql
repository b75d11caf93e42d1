-- Complaint resolution (KPIS.md, C), one row: c1 complaints received, c2 open cases on
-- $date_to, c3 median days to resolution, c4 resolved within target %, c5 mean satisfaction,
-- c6 worker representatives involved %, c7 recurrence %, c8 workers reached by remedy.
-- Parameters: $filters (global filters), $date_from, $date_to, $target_days (C4 target).
--
-- Rules as this project reads them:
-- * "Resolved" means status resolved. A closed_unresolved case is closed, not resolved: it
--   never counts as resolved (C3-C6, C8), but it leaves the backlog (C2) once resolved_on
--   (the closing date) is set, because C2 looks only at the dates.
-- * Open on day d (C2, open_cases_on in _rules.sql): received_on on or before d and resolved_on blank or after d,
--   whatever the status; a case marked resolved without a resolved_on stays open.
-- * Resolved in the period (C3, C5, C6, C8): status resolved and resolved_on in the period.
-- * C4 (resolution_target_cohort, _rules.sql) is as of $date_to, like every figure: of the cases received in the period, it takes
--   those resolved by $date_to (status resolved, resolved_on on or before it) or whose
--   received_on + $target_days is on or before $date_to; of them, those resolved within
--   $target_days. A case resolved after $date_to was still open on it: it counts only once
--   due, and then as late, so a period's C4 does not change when later exports arrive with
--   cases still being worked on. A resolved case without resolved_on cannot be shown to be
--   on time and counts as not within target once due.
-- * C6: blank worker_reps_involved leaves numerator and denominator.
-- * C7: a case received in the period recurs when another case of the same programme,
--   supplier and category was received 1 to 365 days before it (same-day cases do not
--   count as earlier). Place: when both cases name a site, the sites match (case- and
--   space-insensitively: site_key, _rules.sql); when either site is blank, the countries
--   match. Blank supplier, category or country never match. Earlier cases may predate
--   $date_from.
-- * C8: sum of workers_affected (blank counts 0); 0 when nothing was resolved.
-- * Percentages are 0-100; ratios, medians and means are null when there is nothing to divide.
with cases as (
    select
        programme,
        supplier,
        site_key(site_name) as site_key,
        nullif(trim(country), '') as country,
        received_on,
        category,
        status,
        resolved_on,
        workers_affected,
        worker_reps_involved,
        satisfaction
    from scoped_grievances($filters)
),

received as (
    select * from cases where received_on between $date_from and $date_to
),

resolved_in_period as (
    select * from cases
    where status = 'resolved' and resolved_on between $date_from and $date_to
),

target_cohort as (
    select * from resolution_target_cohort($filters, $date_from, $date_to, $target_days)
),

received_with_recurrence as (
    select
        exists (
            select 1 from cases as earlier
            where earlier.programme = r.programme
              and earlier.supplier = r.supplier
              and earlier.category = r.category
              and earlier.received_on < r.received_on
              and earlier.received_on >= r.received_on - 365
              and case
                  when earlier.site_key is not null and r.site_key is not null
                      then earlier.site_key = r.site_key
                  else earlier.country = r.country
              end
        ) as recurs
    from received as r
)

select
    (select count(*) from received) as c1,
    (select count(*) from open_cases_on($filters, $date_to)) as c2,
    (select median(resolved_on - received_on) from resolved_in_period) as c3,
    (
        select 100.0 * count(*) filter (where within_target) / nullif(count(*), 0)
        from target_cohort
    ) as c4,
    (select avg(satisfaction) from resolved_in_period) as c5,
    (
        select
            100.0 * count(*) filter (where worker_reps_involved)
            / nullif(count(worker_reps_involved), 0)
        from resolved_in_period
    ) as c6,
    (
        select 100.0 * count(*) filter (where recurs) / nullif(count(*), 0)
        from received_with_recurrence
    ) as c7,
    (select coalesce(sum(workers_affected), 0) from resolved_in_period) as c8
