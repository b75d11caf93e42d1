-- One supplier's history in the period, oldest first: day, kind (meeting, information
-- request, disclosure, grievance, escalation), title and detail, one row per event.
-- Parameters: $filters (global filters), $supplier, $date_from, $date_to.
with meeting_events as (
    select date as day, 'meeting' as kind, coalesce(type, 'dialogue') as title,
           array_to_string(topics, ', ') as detail
    from scoped_meetings($filters)
    where supplier = $supplier
),
request_events as (
    select requested_on as day, 'information request' as kind, topic as title,
           case
               when answered_on is null then 'not answered'
               else 'answered ' || strftime(answered_on, '%Y-%m-%d')
                    || coalesce(', completeness ' || completeness || '/4', '')
           end as detail
    from scoped_info_requests($filters)
    where supplier = $supplier
),
disclosure_events as (
    select disclosed_on as day, 'disclosure' as kind,
           component || coalesce(' (tier ' || tier || ')', '') as title,
           concat_ws(', ', site_name, country) as detail
    from scoped_sites($filters)
    where supplier = $supplier and (site_name is not null or country is not null)
),
grievance_events as (
    select received_on as day, 'grievance' as kind,
           case_id || coalesce(': ' || category, '') as title,
           concat_ws(', ', status, site_name, country) as detail
    from scoped_grievances($filters)
    where supplier = $supplier
),
escalation_events as (
    select date as day, 'escalation' as kind, step as title, note as detail
    from scoped_escalations($filters)
    where supplier = $supplier
),
events as (
    select * from meeting_events
    union all select * from request_events
    union all select * from disclosure_events
    union all select * from grievance_events
    union all select * from escalation_events
)
select day, kind, title, detail
from events
where day between $date_from and $date_to
order by day, kind, title
