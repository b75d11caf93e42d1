-- One supplier's events in the period counted per month and kind (the timeline of a busy
-- supplier, drawn as bars): month (its first day), kind, events. Oldest first.
-- Parameters: $filters (global filters), $supplier, $date_from, $date_to.
-- Events: supplier_events (_rules.sql).
select cast(date_trunc('month', day) as date) as month, kind, count(*) as events
from supplier_events($filters, $supplier)
where day between $date_from and $date_to
group by all
order by month, kind
