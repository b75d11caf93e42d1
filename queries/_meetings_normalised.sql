-- The meetings as the D rules read them, stored once rather than worked out by every query:
-- every column of meetings but row_key, extra and import_id, and
--   collective: two or more distinct buyers were present (D8; null without buyers), and
--   topics_number: the number of its list of topics in meeting_topic_lists (null without
--   topics), so the rules count meetings per list by one integer (D10, D11).
-- A million lists read by list functions or grouped as lists cost ~100 ms each time; the
-- stored flag and number ~17 ms (measured on the large programme).
-- Rebuilt from meetings when first read after a change that wrote meetings, or when this
-- file changed (engagement.db, ensure_normalised, which every query calls first); read
-- through scoped_meetings (_scope.sql), never directly.
-- Three tables: meeting_topic_lists, meetings_normalised (in date order, so a query over a
-- period reads the blocks of that period only, whatever order the meetings were imported in)
-- and meeting_months.

-- Each distinct list of topics, numbered: topics_number, topics.
create or replace table meeting_topic_lists as
select row_number() over (order by topics) as topics_number, topics
from (select distinct topics from meetings where topics is not null);

create or replace table meetings_normalised as
select
    m.* exclude (row_key, extra, import_id),
    -- list_min and list_max skip blanks, as list_distinct does
    list_min(m.buyers) <> list_max(m.buyers) as collective,
    l.topics_number
from meetings as m
-- (not distinct: two lists holding a blank item are the same list, as when grouped)
left join meeting_topic_lists as l on l.topics is not distinct from m.topics
order by m.date;

-- Each supplier's latest meeting of each type in each calendar month: programme, supplier,
-- type, month (its first day), last_meeting. D5's latest dialogue meeting before a day is the
-- latest of these before that day's month, or a meeting of that month up to the day
-- (last_dialogue_meetings, _rules.sql): a few thousand rows to read instead of every meeting
-- of every year.
create or replace table meeting_months as
select programme, supplier, type, date_trunc('month', date) as month, max(date) as last_meeting
from meetings_normalised
where supplier is not null and date is not null
group by programme, supplier, type, date_trunc('month', date);
