-- The global filters (programme, buyer, supplier, country, product category), applied
-- once, here, as table macros that every KPI query reads from: `from scoped_meetings($filters)`.
-- $filters is a struct of lists: {programmes, buyers, suppliers, countries, categories};
-- an empty list means "all". See docs/KPIS.md, "Filters".
-- Created (or replaced) each time the database is opened for writing.

-- Suppliers passing the supplier, category, country and (optionally) buyer filters.
-- Country: the supplier's own country or the country of any of its traceability rows
-- (site_countries, _sites_normalised.sql).
-- Buyer: suppliers the buyer holds a contract with.
create or replace macro filtered_suppliers(f, with_buyer) as table
    select s.programme, s.supplier
    from suppliers as s
    where (len(f['programmes']) = 0 or list_contains(f['programmes'], s.programme))
      and (len(f['suppliers']) = 0 or list_contains(f['suppliers'], s.supplier))
      and (len(f['categories']) = 0 or list_contains(f['categories'], s.category))
      and (
          len(f['countries']) = 0
          or list_contains(f['countries'], s.country)
          or exists (
              select 1 from site_countries as t
              where t.programme = s.programme and t.supplier = s.supplier
                and list_contains(f['countries'], t.country)
          )
      )
      and (
          not with_buyer or len(f['buyers']) = 0
          or exists (
              select 1 from contracts as c
              where c.programme = s.programme and c.supplier = s.supplier
                and list_contains(f['buyers'], c.buyer)
          )
      );

-- The contracts overlapping [date_from, date_to] (starting on or before date_to or without a
-- start, ending on or after date_from or without an end) of the suppliers the filters keep;
-- with a buyer filter, only the chosen buyers' contracts. Every column of contracts.
create or replace macro contracts_in_period(f, date_from, date_to) as table
    select c.*
    from contracts as c
    where (c.programme, c.supplier) in (select (programme, supplier) from filtered_suppliers(f, true))
      and (c.start_date is null or c.start_date <= date_to)
      and (c.end_date is null or c.end_date >= date_from)
      and (len(f['buyers']) = 0 or list_contains(f['buyers'], c.buyer));

-- Suppliers in scope for a period: a contract in the period (contracts_in_period); in a
-- programme without any contracts, every supplier of that programme.
create or replace macro suppliers_in_scope(f, date_from, date_to) as table
    select fs.programme, fs.supplier
    from filtered_suppliers(f, true) as fs
    where not exists (select 1 from contracts as c where c.programme = fs.programme)
       or (fs.programme, fs.supplier) in (
           select (programme, supplier) from contracts_in_period(f, date_from, date_to)
       );

-- Meetings (as meetings_normalised stores them, _meetings_normalised.sql): a buyer filter
-- keeps meetings that buyer attended. Market events without a
-- supplier concern the whole programme and pass the supplier, country and category filters.
create or replace macro scoped_meetings(f) as table
    select m.*
    from meetings_normalised as m
    where (len(f['programmes']) = 0 or list_contains(f['programmes'], m.programme))
      and (len(f['buyers']) = 0 or list_has_any(f['buyers'], m.buyers))
      and (
          m.supplier is null
          or (m.programme, m.supplier) in (select (programme, supplier) from filtered_suppliers(f, false))
      );

create or replace macro scoped_actions(f) as table
    select a.* from actions as a
    where (a.programme, a.supplier) in (select (programme, supplier) from filtered_suppliers(f, true));

create or replace macro scoped_info_requests(f) as table
    select r.* from info_requests as r
    where (r.programme, r.supplier) in (select (programme, supplier) from filtered_suppliers(f, true));

create or replace macro scoped_report_assessments(f) as table
    select r.* from report_assessments as r
    where (r.programme, r.supplier) in (select (programme, supplier) from filtered_suppliers(f, true));

create or replace macro scoped_escalations(f) as table
    select e.* from escalations as e
    where (e.programme, e.supplier) in (select (programme, supplier) from filtered_suppliers(f, true));

-- Sites and grievances carry their own country: the country filter applies to it. The
-- traceability rows are read as sites_normalised stores them (_sites_normalised.sql): blanks
-- trimmed, with their site keys and component and site numbers.
-- scoped_site_suppliers: the numbers (site_suppliers) of the suppliers whose traceability rows
-- the filters keep but for the country filter, which picks rows by their own country
-- (scoped_sites); component_disclosures (_rules.sql) reads it too.
create or replace macro scoped_site_suppliers(f) as table
    select n.supplier_number
    from site_suppliers as n
    where (n.programme, n.supplier) in (
        select (programme, supplier)
        from filtered_suppliers({
            programmes: f['programmes'], buyers: f['buyers'], suppliers: f['suppliers'],
            countries: [], categories: f['categories']}, true)
    );

-- The traceability rows the filters keep.
create or replace macro scoped_sites(f) as table
    select t.* from sites_normalised as t
    where (len(f['countries']) = 0 or list_contains(f['countries'], t.country))
      and t.supplier_number in (select supplier_number from scoped_site_suppliers(f));

-- A grievance without a supplier passes only when no supplier-level filter is set. The cases
-- are read as grievances_normalised stores them (_grievances_normalised.sql): with their site
-- keys and the numbers C7 groups them by.
create or replace macro scoped_grievances(f) as table
    select g.* from grievances_normalised as g
    where (len(f['programmes']) = 0 or list_contains(f['programmes'], g.programme))
      and (len(f['countries']) = 0 or list_contains(f['countries'], g.country))
      and (
          (g.supplier is null
              and len(f['suppliers']) = 0 and len(f['categories']) = 0 and len(f['buyers']) = 0)
          or (g.programme, g.supplier) in (
              select (programme, supplier)
              from filtered_suppliers({
                  programmes: f['programmes'], buyers: f['buyers'], suppliers: f['suppliers'],
                  countries: [], categories: f['categories']}, true)
          )
      );
