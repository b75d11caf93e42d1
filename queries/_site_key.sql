-- Created (or replaced) first each time the database is opened for writing: the stored
-- traceability rows (_sites_normalised.sql) and the complaint rules (C7) use it.
-- A site's natural key (T3, C7): its name, case- and space-insensitively; null when blank.
-- The regular expression only runs on names with a run of spaces or other white space: on a
-- million rows it costs ten times what the plain check does.
create or replace macro site_key(name) as
    nullif(lower(
        case
            when contains(name, '  ') or contains(name, chr(9)) or contains(name, chr(10))
                or contains(name, chr(12)) or contains(name, chr(13))
            then regexp_replace(trim(name), '\s+', ' ', 'g')
            else trim(name)
        end
    ), '');
