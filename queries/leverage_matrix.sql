-- Collective leverage, the buyer x supplier matrix: one row per buyer and supplier with at
-- least one contract overlapping [$date_from, $date_to] (pairs without one have no row):
--   programme, buyer, supplier, contracts (how many), contract_value (sum of value_eur over
--   those contracts that have one; null when none has, never 0 for an unknown value),
--   contracts_without_value (how many of them have no value_eur).
-- Parameters: $filters (global filters), $date_from, $date_to.
-- Rules, the way suppliers_in_scope (_scope.sql) reads contracts:
-- * A contract overlaps the period when it starts on or before $date_to (or has no start date)
--   and ends on or after $date_from (or has no end date).
-- * Its supplier passes the programme, supplier, country and category filters
--   (filtered_suppliers); with a buyer filter, only the chosen buyers' contracts count.
-- * A supplier is (programme, supplier): two programmes' suppliers never merge.
with contracts_in_period as (
    select c.programme, c.buyer, c.supplier, c.value_eur
    from contracts as c
    where (c.programme, c.supplier) in (
        select (programme, supplier) from filtered_suppliers($filters, true)
    )
      and (c.start_date is null or c.start_date <= $date_to)
      and (c.end_date is null or c.end_date >= $date_from)
      and (len($filters['buyers']) = 0 or list_contains($filters['buyers'], c.buyer))
)

select
    programme,
    buyer,
    supplier,
    count(*) as contracts,
    sum(value_eur) as contract_value,
    count(*) - count(value_eur) as contracts_without_value
from contracts_in_period
group by programme, buyer, supplier
order by supplier, programme, buyer
