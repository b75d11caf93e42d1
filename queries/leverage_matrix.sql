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
with period_contracts as (
    select programme, buyer, supplier, value_eur
    from contracts_in_period($filters, $date_from, $date_to) -- the rule: _scope.sql
)

select
    programme,
    buyer,
    supplier,
    count(*) as contracts,
    sum(value_eur) as contract_value,
    count(*) - count(value_eur) as contracts_without_value
from period_contracts
group by programme, buyer, supplier
order by supplier, programme, buyer
