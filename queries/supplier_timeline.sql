-- One supplier's history in the period, oldest first: day, kind (meeting, information
-- request, disclosure, grievance, escalation), title and detail, one row per event; $rows of
-- them from row $first (0-based; $rows null: all), and total_rows: how many in all.
-- Parameters: $filters (global filters), $supplier, $date_from, $date_to, $first, $rows.
-- Events: supplier_events (_rules.sql).
select day, kind, title, detail, count(*) over () as total_rows
from supplier_events($filters, $supplier)
where day between $date_from and $date_to
order by day, kind, title, detail
limit $rows offset $first
