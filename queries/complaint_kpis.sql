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
--   space-insensitively: site_key, _site_key.sql); when either site is blank, the countries
--   match. Blank supplier, category or country never match. Earlier cases may predate
--   $date_from.
-- * C8: sum of workers_affected (blank counts 0); 0 when nothing was resolved.
-- * Percentages are 0-100; ratios, medians and means are null when there is nothing to divide.
with cases as (
    select
        programme,
        supplier,
        site_key,
        nullif(trim(country), '') as country,
        received_on,
        category,
        status,
        resolved_on,
        workers_affected,
        worker_reps_involved,
        satisfaction,
        site_group,
        country_group
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

-- C7 with window counts rather than a search per case: how many cases of the same supplier
-- and category came in during the 365 days before each case (its own day left out), at the
-- same site; at the same country; at the same country without a site. Two cases match on
-- their site when both name one, else on their country; a blank supplier, category or
-- country matches nothing (windows put blanks together, so they are ruled out by hand).
case_windows as (
    select
        received_on,
        supplier,
        category,
        site_key,
        country,
        count(*) over same_site as earlier_same_site,
        count(*) over same_country as earlier_same_country,
        count(*) filter (where site_key is null) over same_country as earlier_same_country_no_site
    from cases
    -- only the cases received in the period or in the 365 days before can count
    where received_on between $date_from - 365 and $date_to
    window
        -- (programme, supplier, category, site_key) and (..., country) by their numbers
        same_site as (
            partition by site_group order by received_on
            range between interval 365 days preceding and interval 1 day preceding
        ),
        same_country as (
            partition by country_group order by received_on
            range between interval 365 days preceding and interval 1 day preceding
        )
),

received_with_recurrence as (
    select
        case
            when supplier is null or category is null then false  -- a blank never matches
            when site_key is not null and earlier_same_site > 0 then true
            when country is null then false
            when site_key is null then earlier_same_country > 0
            else earlier_same_country_no_site > 0
        end as recurs
    from case_windows
    where received_on between $date_from and $date_to
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
