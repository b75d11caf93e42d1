-- Every import, newest first: import_id, file_name, imported_by, imported_at, programme,
-- outcome ('stored', 'unchanged', 'refused', or 'undone' once undone), undone_at (when it was
-- undone, else null), and the rows rejected from it. Parameter: $programmes, the programmes
-- whose imports are listed (a coordinator's own); an empty list: every import.
select
    i.import_id,
    i.file_name,
    i.imported_by,
    i.imported_at,
    i.programme,
    case when i.undone_at is null then i.outcome else 'undone' end as outcome,
    i.undone_at,
    count(r.import_id) as rejected_rows
from imports as i
left join rejected_rows as r on r.import_id = i.import_id
where len($programmes) = 0 or list_contains($programmes, i.programme)
group by all
order by i.imported_at desc, i.import_id desc
