-- The KPI rules that several query files share, each written once, here, as a DuckDB macro:
-- `from components_as_of($filters, $date_to)`. f is the $filters struct (see _scope.sql); the
-- macros read through the scoped_* macros, so the global filters apply before each rule.
-- KPI ids as in docs/KPIS.md. Created (or replaced) right after _scope.sql each time the
-- database is opened for writing.

-- The calendar quarters a period touches (KPIS.md: trends use calendar quarters; a quarter's
-- value uses the same rule with the quarter as period). One row per quarter, from the one
-- containing date_from to the one containing date_to: quarter_start (its first day), and
-- period_from, period_to (the quarter clipped to [date_from, date_to]). period_to is also the
-- as-of day of the quarter-end trends (C2 backlog, T2 trend): each quarter's end, and date_to
-- itself when the period ends inside a quarter.
create or replace macro quarters_of(date_from, date_to) as table
    with quarter_starts as (
        select cast(unnest(generate_series(
            date_trunc('quarter', date_from), date_trunc('quarter', date_to), interval 3 month
        )) as date) as quarter_start
    )

    select
        quarter_start,
        greatest(quarter_start, date_from) as period_from,
        least(cast(quarter_start + interval 3 month - interval 1 day as date), date_to) as period_to
    from quarter_starts;

-- Each supplier's latest dialogue meeting on or before as_of (D5, D5s): programme, supplier,
-- last_meeting. It may lie before the period: D5 measures how long a supplier has gone without
-- dialogue. Suppliers never met have no row. dialogue_types: vocabulary.DIALOGUE_MEETING_TYPES.
-- Without a buyer filter the months before as_of's are read as meeting_months stores them
-- (_meetings_normalised.sql); a buyer filter keeps only the meetings that buyer attended, so
-- then every meeting is read.
create or replace macro last_dialogue_meetings(f, as_of, dialogue_types) as table
    with candidates as (
        select programme, supplier, last_meeting
        from meeting_months
        where len(f['buyers']) = 0
          and month < date_trunc('month', as_of)
          and list_contains(dialogue_types, type)
          and (programme, supplier) in (select (programme, supplier) from filtered_suppliers(f, false))
        union all
        select programme, supplier, date
        from scoped_meetings(f)
        where list_contains(dialogue_types, type) and date <= as_of and supplier is not null
          and (len(f['buyers']) > 0 or date >= date_trunc('month', as_of))
    )

    select programme, supplier, max(last_meeting) as last_meeting
    from candidates
    group by programme, supplier;

-- The OECD due-diligence steps the dialogue meetings dated in [date_from, date_to] address
-- (D10, and D11 for steps 3, 4 and 6): topics (a list of topics some of those meetings have),
-- step (a step one of those topics maps to), meetings (how many of the meetings have exactly
-- that list). A meeting counts once per step, however many of its topics map to it; topics
-- outside the map ("other") map to no step. Meetings are counted per distinct list first: a
-- programme has a few thousand lists over a million meetings. dialogue_types:
-- vocabulary.DIALOGUE_MEETING_TYPES; topic_steps: list of {topic, step} built from
-- vocabulary.MEETING_TOPICS, the one copy of the topic-to-step map.
create or replace macro dialogue_meeting_steps(
    f, date_from, date_to, dialogue_types, topic_steps
) as table
    with step_of_topic as (
        select unnest(topic_steps, recursive := true)
    ),

    -- counted by the number of each list (meetings_normalised), then the lists looked up
    topic_lists as (
        select l.topics, c.meetings
        from (
            select topics_number, count(*) as meetings
            from scoped_meetings(f)
            where list_contains(dialogue_types, type) and date between date_from and date_to
              and topics_number is not null
            group by topics_number
        ) as c
        inner join meeting_topic_lists as l on l.topics_number = c.topics_number
    ),

    list_steps as (
        select distinct tl.topics, st.step
        from (select topics, unnest(topics) as topic from topic_lists) as tl
        inner join step_of_topic as st on st.topic = tl.topic
    )

    select ls.topics, ls.step, tl.meetings
    from list_steps as ls
    inner join topic_lists as tl on tl.topics = ls.topics;

-- Information quality I1-I7 over the requests made in [date_from, date_to] (I1), their
-- answers taken as of as_of (the period's end; for a quarter of a trend, still the period's end):
--   programme, supplier, quarter_start, requests (I1), response_rate (I2), on_time (I3),
--   completeness (I4), evidence (I5), median_days (I6), quality_index (I7).
--   per: 'supplier': one row per supplier with requests (quarter_start null);
--        'quarter': one row per calendar quarter with requests made in it, clipped to the
--        period (quarter_start; programme and supplier null);
--        'all': one row for all of them together (programme, supplier, quarter_start null),
--        there even without requests (requests 0, the rest null).
-- A caller wants one of these, and the others cost work: the trend over ten years took 323 ms
-- at the large scale as a figure per quarter (a lateral join), 69 ms as one grouping.
-- * Answered: answered_on set and on or before as_of; a later answer does not count yet.
-- * I7 request score: 0 if unanswered, else 100 x (0.5 x completeness/4 + 0.25 x on_time
--   + 0.25 x evidence), on_time 1 when answered by due_on or without due_on; a blank
--   completeness or evidence counts 0 here, while it leaves I4 or I5 (both sides).
-- * Percentages 0-100, null when the denominator is empty; I6 is the usual median.
create or replace macro information_figures(f, date_from, date_to, as_of, per) as table
    with requests as (
        select
            *,
            answered_on is not null and answered_on <= as_of as answered
        from scoped_info_requests(f)
        where requested_on between date_from and date_to
    ),

    scored_requests as (
        select
            *,
            case
                when not answered then 0.0
                else 100 * (
                    0.5 * coalesce(completeness, 0) / 4
                    + 0.25 * (case when due_on is null or answered_on <= due_on then 1 else 0 end)
                    + 0.25 * coalesce(cast(evidence as integer), 0)
                )
            end as request_score
        from requests
    ),

    -- One grouping for every `per`: the keys it does not ask for are the same for every
    -- request ('' or -infinity, never null), so only the row for all (grouping set (), whose
    -- keys are null) has a null supplier.
    request_figures as (
        select
            programme,
            supplier,
            quarter_start,
            supplier is null as for_all,
            count(*) as requests,
            count(*) filter (where answered) as answered,
            count(*) filter (where answered and due_on is not null) as answered_with_due,
            count(*) filter (where answered and answered_on <= due_on) as answered_on_time,
            avg(completeness) filter (where answered) as mean_completeness,
            count(*) filter (where answered and evidence) as with_evidence,
            count(evidence) filter (where answered) as evidence_known,
            median(answered_on - requested_on) filter (where answered) as median_days,
            avg(request_score) as quality_index
        from (
            select
                * replace (
                    case when per = 'supplier' then programme else '' end as programme,
                    case when per = 'supplier' then supplier else '' end as supplier
                ),
                case
                    when per = 'quarter' then date_trunc('quarter', requested_on)
                    else date '-infinity'
                end as quarter_start
            from scored_requests
        )
        group by grouping sets ((programme, supplier, quarter_start), ())
    )

    select
        nullif(programme, '') as programme,
        nullif(supplier, '') as supplier,
        case when per = 'quarter' then quarter_start end as quarter_start,
        requests,
        100.0 * answered / nullif(requests, 0) as response_rate,
        100.0 * answered_on_time / nullif(answered_with_due, 0) as on_time,
        100.0 * mean_completeness / 4 as completeness,
        100.0 * with_evidence / nullif(evidence_known, 0) as evidence,
        median_days,
        quality_index
    from request_figures
    where for_all = (per = 'all');

-- Annual report scores (I8) of the years a period touches (year(date_from) to year(date_to)),
-- long format: one row per assessed supplier-year and element: programme, supplier, year,
-- element_order (1-5), element (risk_analysis, action_plan, signals_handling,
-- stakeholder_consultation, kpis_reported), score (0-2, null when not assessed), score_pct
-- (the supplier-year's I8 score: sum of its assessed scores / (2 x assessed items) x 100,
-- null when no item was assessed; repeated on its five rows).
create or replace macro report_element_scores(f, date_from, date_to) as table
    with assessments as (
        select *
        from scoped_report_assessments(f)
        where year between year(date_from) and year(date_to)
    ),

    element_scores as (
        select
            programme,
            supplier,
            year,
            unnest(range(1, 6)) as element_order,
            unnest([
                'risk_analysis', 'action_plan', 'signals_handling', 'stakeholder_consultation',
                'kpis_reported'
            ]) as element,
            unnest([
                risk_analysis, action_plan, signals_handling, stakeholder_consultation, kpis_reported
            ]) as score
        from assessments
    )

    select
        programme,
        supplier,
        year,
        element_order,
        element,
        score,
        100.0 * sum(score) over supplier_year
        / nullif(2 * count(score) over supplier_year, 0) as score_pct
    from element_scores
    window supplier_year as (partition by programme, supplier, year);

-- The traceability rows (scoped_sites: as _sites_normalised.sql stores them, blanks trimmed,
-- with site keys and component and site numbers) that disclose as of as_of (T3-T6): naming a
-- site, disclosed on or before as_of or undated (a blank disclosed_on means "disclosed when
-- imported": for every date).
create or replace macro site_rows_as_of(f, as_of) as table
    select * from scoped_sites(f)
    where names_a_site and (disclosed_on is null or disclosed_on <= as_of);

-- The components in scope (T1) and when each is first disclosed (T2): one row per (programme,
-- supplier, product, component) named by any traceability row, whatever its dates:
-- programme, supplier, component_number (sites_normalised numbers the components), tier (the
-- lowest tier its rows name: the one nearest the buyer; null when none does), disclosed_from
-- (the earliest disclosed_on of its rows that name a site; -infinity when such a row is
-- undated, so it is disclosed as of every date; null when no row names a site).
-- Without a country filter each component keeps all its rows: read as site_components
-- stores it (_sites_normalised.sql); with one, worked out from the rows in those countries.
create or replace macro component_disclosures(f) as table
    with per_component as (
        select component_number, supplier_number, tier, disclosed_from
        from site_components
        where len(f['countries']) = 0
          and supplier_number in (select supplier_number from scoped_site_suppliers(f))
        union all
        select
            component_number,
            any_value(supplier_number) as supplier_number, -- one within a component
            min(tier) as tier,
            min(coalesce(disclosed_on, date '-infinity')) filter (where names_a_site) as disclosed_from
        from scoped_sites(f)
        where len(f['countries']) > 0
        group by component_number
    )

    select s.programme, s.supplier, c.component_number, c.tier, c.disclosed_from
    from per_component as c
    inner join site_suppliers as s on s.supplier_number = c.supplier_number;

-- The components in scope (T1) and whether each is disclosed as of as_of (T2).
create or replace macro components_as_of(f, as_of) as table
    select
        programme,
        supplier,
        component_number,
        tier,
        coalesce(disclosed_from <= as_of, false) as disclosed
    from component_disclosures(f);

-- The sites disclosed as of as_of (T3-T6): one row per distinct (programme, supplier, site_key,
-- country) of rows that disclose as of as_of (a country without a name is a site with an unknown
-- name): site_number (sites_normalised numbers the sites), country, verified and monitored
-- (true when any of its rows says true, false when they only say false, null when all are
-- blank). The table of sites (disclosed_sites.sql) adds its supplier, names, tiers and
-- components.
create or replace macro disclosed_sites_as_of(f, as_of) as table
    select
        site_number,
        any_value(country) as country, -- one within a site
        bool_or(verified) as verified,
        bool_or(monitored) as monitored
    from site_rows_as_of(f, as_of)
    group by site_number;

-- The escalation rows dated on or before as_of (E1, E3 read the latest of them): programme,
-- supplier, date, step, step_rank (its place on ladder, 0 = dialogue), note.
-- ladder: the escalation steps, lowest first (engagement.vocabulary).
create or replace macro escalation_steps(f, as_of, ladder) as table
    select
        programme,
        supplier,
        date,
        step,
        list_position(ladder, step) - 1 as step_rank,
        note
    from scoped_escalations(f)
    where date <= as_of;

-- Each supplier's current escalation step (E1, E3) as of as_of: programme, supplier, date,
-- step, step_rank, note of its latest escalation row on or before as_of; two rows on that
-- latest date: the higher step is the current one. Suppliers never escalated have no row
-- (their step is dialogue).
create or replace macro current_steps(f, as_of, ladder) as table
    select *
    from escalation_steps(f, as_of, ladder)
    qualify row_number() over (
        partition by programme, supplier order by date desc, step_rank desc
    ) = 1;

-- The cases open on as_of (C2): received_on on or before as_of and resolved_on blank or
-- after as_of, whatever the status (a case marked resolved without a resolved_on stays
-- open; a closed_unresolved case leaves the backlog once resolved_on is set).
create or replace macro open_cases_on(f, as_of) as table
    select *
    from scoped_grievances(f)
    where received_on <= as_of and (resolved_on is null or resolved_on > as_of);

-- The cases C4 judges, with within_target: of the cases received in [date_from, date_to],
-- those resolved by date_to (status resolved, resolved_on on or before it) or whose
-- received_on + target_days is on or before date_to; within_target when resolved by
-- date_to within target_days. A case resolved after date_to was still open then: it counts
-- only once due, and then as late. A resolved case without resolved_on counts as not within
-- target once due. Columns: programme, supplier, within_target.
create or replace macro resolution_target_cohort(f, date_from, date_to, target_days) as table
    with received as (
        select
            *,
            coalesce(status = 'resolved' and resolved_on <= date_to, false) as resolved_by_to
        from scoped_grievances(f)
        where received_on between date_from and date_to
    )

    select
        programme,
        supplier,
        coalesce(resolved_by_to and resolved_on - received_on <= target_days, false) as within_target
    from received
    where resolved_by_to or received_on + target_days <= date_to;

-- The actions to follow up as of date_to (Follow-up page), one row per action listed for
-- [date_from, date_to]: every column of actions, and done (completed_on on or before
-- date_to), in_d9 (due_date in the period: D9's denominator), agreed_after_to, status
-- ('done on time', 'done late', 'overdue', 'due'). Rules: the header of follow_up_actions.sql.
create or replace macro listed_actions(f, date_from, date_to) as table
    with actions_as_of as (
        select
            a.*,
            a.completed_on is not null and a.completed_on <= date_to as done,
            a.due_date between date_from and date_to as in_d9,
            a.meeting_id in (
                -- the buyer filter is lifted: which buyers attended does not change when it was agreed
                select m.meeting_id
                from scoped_meetings({
                    programmes: f['programmes'], buyers: [], suppliers: f['suppliers'],
                    countries: f['countries'], categories: f['categories']}) as m
                where m.programme = a.programme and m.date > date_to
            ) as agreed_after_to
        from scoped_actions(f) as a
    ),

    listed as (
        select
            *,
            case
                when done and completed_on <= due_date then 'done on time'
                when done then 'done late'
                when due_date < date_to then 'overdue'
                else 'due'
            end as status
        from actions_as_of
        where (not done and not coalesce(agreed_after_to, false))
           or completed_on between date_from and date_to
           or in_d9
    )

    select * from listed;

-- One supplier's events (the supplier profile's timeline), whatever their day: day, kind
-- (meeting, information request, disclosure, grievance, escalation), title and detail, one
-- row per event, through the scoped_* macros (the global filters apply).
create or replace macro supplier_events(f, supplier_name) as table
    with meeting_events as (
        select date as day, 'meeting' as kind, coalesce(type, 'dialogue') as title,
               array_to_string(topics, ', ') as detail
        from scoped_meetings(f)
        where supplier = supplier_name
    ),
    request_events as (
        select requested_on as day, 'information request' as kind, topic as title,
               case
                   when answered_on is null then 'not answered'
                   else 'answered ' || strftime(answered_on, '%Y-%m-%d')
                        || coalesce(', completeness ' || completeness || '/4', '')
               end as detail
        from scoped_info_requests(f)
        where supplier = supplier_name
    ),
    disclosure_events as (
        select disclosed_on as day, 'disclosure' as kind,
               component || coalesce(' (tier ' || tier || ')', '') as title,
               concat_ws(', ', site_name, country) as detail
        from scoped_sites(f)
        where supplier = supplier_name and (site_name is not null or country is not null)
    ),
    grievance_events as (
        select received_on as day, 'grievance' as kind,
               case_id || coalesce(': ' || category, '') as title,
               concat_ws(', ', status, site_name, country) as detail
        from scoped_grievances(f)
        where supplier = supplier_name
    ),
    escalation_events as (
        select date as day, 'escalation' as kind, step as title, note as detail
        from scoped_escalations(f)
        where supplier = supplier_name
    ),
    events as (
        select * from meeting_events
        union all select * from request_events
        union all select * from disclosure_events
        union all select * from grievance_events
        union all select * from escalation_events
    )
    select day, kind, title, detail from events;
