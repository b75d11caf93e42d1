-- The values each global filter offers: one row per (dimension, value), sorted.
-- dimension is one of programme, buyer, supplier, country, category. Parameter: $programmes,
-- the programmes whose values are offered (a signed-in buyer's own); an empty list: every one.
with options as (
    select programme, 'programme' as dimension, programme as value from suppliers
    union select programme, 'programme', programme from meetings
    union select programme, 'buyer', buyer from buyers
    union select programme, 'supplier', supplier from suppliers
    union select programme, 'country', country from suppliers
    union select programme, 'country', country from sites
    union select programme, 'country', country from grievances
    union select programme, 'category', category from suppliers
)
select dimension, value
from options
where value is not null and trim(value) <> ''
  and (len($programmes) = 0 or list_contains($programmes, programme))
group by dimension, value
order by dimension, lower(value)
