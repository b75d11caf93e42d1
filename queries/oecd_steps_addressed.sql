-- OECD steps addressed (KPIS.md, D10): one row per OECD due-diligence step 1-6, zero when
-- none: step, meetings (dialogue meetings in the period with a topic mapping to that step).
-- Parameters: $date_from, $date_to, $filters (global filters);
--   $dialogue_types (vocabulary.DIALOGUE_MEETING_TYPES); $topic_steps (list of {topic, step}
--   built from vocabulary.MEETING_TOPICS, the one copy of the topic-to-step map).
-- Which steps a meeting addresses: dialogue_meeting_steps (_rules.sql); a meeting counts once
-- per step, however many of its topics map to that step.
with meeting_steps as (
    select step, meetings
    from dialogue_meeting_steps($filters, $date_from, $date_to, $dialogue_types, $topic_steps)
),

steps as (
    select cast(unnest(range(1, 7)) as integer) as step
)

select
    s.step,
    coalesce(sum(ms.meetings), 0) as meetings
from steps as s
left join meeting_steps as ms on ms.step = s.step
group by s.step
order by s.step
