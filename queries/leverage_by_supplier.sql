-- Collective leverage per supplier in scope (suppliers_in_scope, _scope.sql), one row each:
--   programme, supplier,
--   buyers (distinct buyers with a contract overlapping [$date_from, $date_to]),
--   buyer_names (those buyers, sorted), contracts (how many such contracts),
--   contract_value (their combined value_eur over those that have one; null when none has,
--   never 0 for an unknown value), contracts_without_value,
--   dialogue_meetings (its dialogue meetings dated in the period, as D1),
--   attending_buyers (sorted distinct buyers present at those meetings; [] when none),
--   quality_index (its I7 over the requests made in the period; null without requests),
--   coverage (its T2 as of $date_to; null without traceability rows),
--   and the short list's signals, each true or false:
--   shared (buyers >= $min_buyers), top_value (among the top 1/$top_value_parts of the
--   suppliers by contract_value), high_leverage (shared or top_value),
--   no_dialogue (dialogue_meetings = 0), low_information (quality_index < $min_quality_index),
--   low_traceability (coverage < $min_coverage), low_engagement (any of these three).
-- Parameters: $filters (global filters), $date_from, $date_to;
--   $dialogue_types (vocabulary.DIALOGUE_MEETING_TYPES); the thresholds $min_buyers,
--   $top_value_parts, $min_quality_index, $min_coverage (constants of engagement.kpis.leverage).
-- Rules:
-- * Contracts as in leverage_matrix.sql: overlapping the period; with a buyer filter only the
--   chosen buyers' contracts count, so `buyers` counts the chosen buyers sharing the supplier.
-- * Dialogue meetings through scoped_meetings: with a buyer filter, those a chosen buyer
--   attended; attending_buyers lists everyone present at them.
-- * Top value: the suppliers with a known contract_value, ranked by it (highest first, ties
--   share a rank); the top part is rank <= ceil(n / $top_value_parts) of those n suppliers.
--   A supplier whose value is unknown is never in it.
-- * I7 and T2 are the rules of information_figures and components_as_of (_rules.sql). An
--   unknown I7 or T2 (nothing requested, no traceability rows) is no signal: only a known
--   value below its threshold is.
-- * A supplier is (programme, supplier): two programmes' suppliers never merge.
with period_contracts as (
    select programme, buyer, supplier, value_eur
    from contracts_in_period($filters, $date_from, $date_to) -- the rule: _scope.sql
),

contract_figures as (
    select
        programme,
        supplier,
        count(distinct buyer) as buyers,
        list_sort(list(distinct buyer) filter (where buyer is not null)) as buyer_names,
        count(*) as contracts,
        sum(value_eur) as contract_value,
        count(*) - count(value_eur) as contracts_without_value
    from period_contracts
    group by programme, supplier
),

dialogue_meetings as (
    select programme, supplier, buyers
    from scoped_meetings($filters)
    where list_contains($dialogue_types, type) and date between $date_from and $date_to
      and supplier is not null
),

-- The buyers present, one row per buyer named at a meeting: over ten years a supplier's
-- meetings name a few thousand buyers, whose lists gathered whole and flattened cost ~10x more.
attending as (
    select programme, supplier, list_sort(list(distinct buyer)) as attending_buyers
    from (select programme, supplier, unnest(buyers) as buyer from dialogue_meetings)
    where buyer is not null
    group by programme, supplier
),

dialogue_figures as (
    select m.programme, m.supplier, m.dialogue_meetings, a.attending_buyers
    from (
        select programme, supplier, count(*) as dialogue_meetings
        from dialogue_meetings
        group by programme, supplier
    ) as m
    left join attending as a on a.programme = m.programme and a.supplier = m.supplier
),

information as (
    select programme, supplier, quality_index
    from information_figures($filters, $date_from, $date_to, $date_to, 'supplier')
),

traceability as (
    select
        programme,
        supplier,
        100.0 * count(*) filter (where disclosed) / count(*) as coverage
    from components_as_of($filters, $date_to)
    group by programme, supplier
),

supplier_figures as (
    select
        s.programme,
        s.supplier,
        coalesce(c.buyers, 0) as buyers,
        coalesce(c.buyer_names, []) as buyer_names,
        coalesce(c.contracts, 0) as contracts,
        c.contract_value,
        coalesce(c.contracts_without_value, 0) as contracts_without_value,
        coalesce(d.dialogue_meetings, 0) as dialogue_meetings,
        coalesce(d.attending_buyers, []) as attending_buyers,
        i.quality_index,
        t.coverage,
        case
            when c.contract_value is not null
                then rank() over (order by c.contract_value desc nulls last)
        end as value_rank,
        count(c.contract_value) over () as suppliers_valued
    from suppliers_in_scope($filters, $date_from, $date_to) as s
    left join contract_figures as c on c.programme = s.programme and c.supplier = s.supplier
    left join dialogue_figures as d on d.programme = s.programme and d.supplier = s.supplier
    left join information as i on i.programme = s.programme and i.supplier = s.supplier
    left join traceability as t on t.programme = s.programme and t.supplier = s.supplier
),

signals as (
    select
        *,
        buyers >= $min_buyers as shared,
        coalesce(value_rank <= ceil(suppliers_valued / $top_value_parts), false) as top_value,
        dialogue_meetings = 0 as no_dialogue,
        coalesce(quality_index < $min_quality_index, false) as low_information,
        coalesce(coverage < $min_coverage, false) as low_traceability
    from supplier_figures
)

select
    programme,
    supplier,
    buyers,
    buyer_names,
    contracts,
    contract_value,
    contracts_without_value,
    dialogue_meetings,
    attending_buyers,
    quality_index,
    coverage,
    shared,
    top_value,
    shared or top_value as high_leverage,
    no_dialogue,
    low_information,
    low_traceability,
    no_dialogue or low_information or low_traceability as low_engagement
from signals
order by buyers desc, contract_value desc nulls last, supplier, programme
