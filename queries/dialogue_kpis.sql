-- Dialogue frequency (KPIS.md, D), one row for the period [$date_from, $date_to]:
--   D1 dialogue meetings, D1m market events, D2 suppliers engaged, D3 supplier reach %,
--   D4 meetings per engaged supplier, D5s stale suppliers, D6 agenda sent in advance %,
--   D7 agreements confirmed in writing %, D8 collective meetings %, D9 actions done on time %,
--   D11 remedy-focused meetings %.
-- Parameters: $date_from, $date_to, $filters (global filters);
--   $dialogue_types (vocabulary.DIALOGUE_MEETING_TYPES: dialogue, follow_up, site_visit);
--   $topic_steps (list of {topic, step} built from vocabulary.MEETING_TOPICS, the one copy
--   of the topic-to-OECD-step map); $staleness_days (Settings.staleness_days).
--
-- Rules as this project reads them:
-- * Percentages are 0-100, unrounded, null when the denominator is empty; D4 is null when D2 = 0.
-- * Blank booleans (agenda_sent, minutes_confirmed) leave both numerator and denominator.
-- * A supplier is (programme, supplier): two programmes' suppliers never merge.
-- * D2 counts every supplier met in the period, in scope or not; D3 counts only suppliers in scope.
-- * D5s uses the rule of days_since_last_meeting.sql: the latest dialogue meeting on or before
--   $date_to (last_dialogue_meetings, _rules.sql); stale when there is none or `to` minus it
--   is above $staleness_days. Counted here as: no dialogue meeting dated in [`to` minus
--   $staleness_days, `to`], the same suppliers (the latest is on or after `to` minus the
--   limit exactly when one falls in that window), read from those few days instead of every
--   year (tests/test_kpis_dialogue.py checks D5s against days_since_last_meeting's stale rows).
-- * D8 counts distinct buyer names, so a buyer listed twice is still one buyer.
-- * D9 counts actions with a due date in the period (so on or before `to`).
-- only the columns the figures read: a CTE read four times is held in memory, every column
with meetings_in_period as (
    select programme, supplier, type, collective, agenda_sent, minutes_confirmed
    from scoped_meetings($filters)
    where date between $date_from and $date_to
),

dialogue_meetings as (
    select * from meetings_in_period where list_contains($dialogue_types, type)
),

-- Steps 3, 4 and 6 are those evaluations found too little addressed (DOMAIN.md); which steps
-- a meeting addresses is the D10 rule, dialogue_meeting_steps (_rules.sql).
remedy_focused as (
    select coalesce(sum(meetings), 0) as meetings
    from (
        select distinct topics, meetings
        from dialogue_meeting_steps($filters, $date_from, $date_to, $dialogue_types, $topic_steps)
        where step in (3, 4, 6)
    )
),

in_scope as (
    select programme, supplier from suppliers_in_scope($filters, $date_from, $date_to)
),

engaged as (
    select distinct programme, supplier from dialogue_meetings where supplier is not null
),

-- suppliers with a dialogue meeting in the last $staleness_days days up to `to`: not stale
met_lately as (
    select distinct programme, supplier
    from scoped_meetings($filters)
    where list_contains($dialogue_types, type) and supplier is not null
      and date between $date_to - $staleness_days and $date_to
),

supplier_figures as (
    select
        count(*) as in_scope,
        count(e.supplier) as in_scope_engaged,
        count(*) filter (where r.supplier is null) as stale
    from in_scope as s
    left join engaged as e on e.programme = s.programme and e.supplier = s.supplier
    left join met_lately as r on r.programme = s.programme and r.supplier = s.supplier
),

meeting_figures as (
    select
        count(*) as meetings,
        count(*) filter (where agenda_sent) as agenda_sent,
        count(agenda_sent) as agenda_known,
        count(*) filter (where minutes_confirmed) as minutes_confirmed,
        count(minutes_confirmed) as minutes_known,
        count(*) filter (where collective) as collective -- two different buyers (_meetings_normalised.sql)
    from dialogue_meetings
),

-- D2 from the distinct suppliers already found (a second distinct over the meetings cost more)
engaged_count as (
    select count(*) as suppliers from engaged
),

market_events as (
    select count(*) as market_events from meetings_in_period where type = 'market_event'
),

action_figures as (
    select
        count(*) as actions_due,
        count(*) filter (where completed_on <= due_date) as done_on_time
    from scoped_actions($filters)
    where due_date between $date_from and $date_to
)

select
    m.meetings as D1,
    e.market_events as D1m,
    g.suppliers as D2,
    100.0 * s.in_scope_engaged / nullif(s.in_scope, 0) as D3,
    m.meetings / nullif(g.suppliers, 0) as D4,
    s.stale as D5s,
    100.0 * m.agenda_sent / nullif(m.agenda_known, 0) as D6,
    100.0 * m.minutes_confirmed / nullif(m.minutes_known, 0) as D7,
    100.0 * m.collective / nullif(m.meetings, 0) as D8,
    100.0 * a.done_on_time / nullif(a.actions_due, 0) as D9,
    100.0 * r.meetings / nullif(m.meetings, 0) as D11
from meeting_figures as m
cross join engaged_count as g
cross join market_events as e
cross join supplier_figures as s
cross join action_figures as a
cross join remedy_focused as r
