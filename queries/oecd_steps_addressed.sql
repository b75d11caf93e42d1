-- OECD steps addressed (KPIS.md, D10): one row per OECD due-diligence step 1-6, zero when
-- none: step, meetings (dialogue meetings in the period with a topic mapping to that step).
-- Parameters: $date_from, $date_to, $filters (global filters);
--   $dialogue_types (vocabulary.DIALOGUE_MEETING_TYPES); $topic_steps (list of {topic, step}
--   built from vocabulary.MEETING_TOPICS, the one copy of the topic-to-step map).
-- A meeting counts once per step, however many of its topics map to that step; topics
-- outside the map ("other") count for no step.
with dialogue_meetings as (
    select *
    from scoped_meetings($filters)
    where list_contains($dialogue_types, type) and date between $date_from and $date_to
),

topic_steps as (
    select unnest($topic_steps, recursive := true)
),

meeting_topics as (
    select row_key, unnest(topics) as topic from dialogue_meetings
),

meeting_steps as (
    select distinct mt.row_key, ts.step
    from meeting_topics as mt
    inner join topic_steps as ts on ts.topic = mt.topic
),

steps as (
    select cast(unnest(range(1, 7)) as integer) as step
)

select
    s.step,
    count(ms.row_key) as meetings
from steps as s
left join meeting_steps as ms on ms.step = s.step
group by s.step
order by s.step
