"""A large programme for benchmarks: `python -m engagement sample --scale large`.

Ten years (2016-2025) of a programme at the size a large one reaches: 500 suppliers, 100
buyers, 1,000,000 meetings, 500,000 information requests, 1,000,000 traceability rows and
200,000 grievances, with contracts, actions, annual report assessments and escalations
beside them. Deterministic (one seeded generator): the same command gives the same rows.

Plausible rather than real: a few suppliers get most meetings (Zipf-like weights), answers
come later and more complete over the years, disclosure of the chain grows over the decade,
most grievances are resolved within months. Built with numpy as whole columns and stored
through engagement.store.upsert, the path imports take, so the schema is the sample's.
"""

from datetime import date

import numpy as np
import pyarrow as pa

from engagement import store, vocabulary
from engagement.tables import TABLES

PROGRAMME = "LEVP large (fictional)"
SEED = 20261122
FIRST_DAY, LAST_DAY = date(2016, 1, 1), date(2025, 12, 31)
SIZES = {
    "suppliers": 500,
    "buyers": 100,
    "meetings": 1_000_000,
    "info_requests": 500_000,
    "sites": 1_000_000,
    "grievances": 200_000,
    "actions": 300_000,
}
_EPOCH = np.datetime64("1970-01-01")
_COUNTRIES = np.array(
    ["CN", "DE", "NL", "PL", "TR", "ES", "SE", "BE", "CZ", "MY", "IN", "KR", "JP", "FR", "IT"]
)
_PRODUCTS = np.array(["electric bus", "electric car", "charging station", "battery pack"])
_COMPONENT_WORDS = np.array(
    ["cell", "module", "motor", "inverter", "seat", "frame", "harness", "glass", "tyre", "cobalt"]
)


def build(scale: float = 1.0) -> dict[str, pa.Table]:
    """Every table of the large programme as Arrow tables (scale < 1 for a smaller copy)."""
    rng = np.random.default_rng(SEED)
    sizes = {
        name: max(1, int(size * scale)) if name not in ("suppliers", "buyers") else size
        for name, size in SIZES.items()
    }
    suppliers = np.array(
        [
            f"Supplier {n:03d} {w}"
            for n, w in zip(range(1, 501), np.tile(["BV", "GmbH", "Ltd", "SA", "AB"], 100), strict=True)
        ]
    )
    supplier_country = rng.choice(_COUNTRIES, len(suppliers))
    buyers = np.array(
        [
            f"{kind} {n:03d}"
            for n, kind in zip(
                range(1, 101),
                np.tile(["Gemeente", "Provincie", "Vervoerregio", "Waterschap"], 25),
                strict=True,
            )
        ]
    )
    # Each supplier works for 1-6 buyers; a meeting has 1-3 of them present.
    buyer_count = rng.integers(1, 7, len(suppliers))
    supplier_buyers = rng.integers(0, len(buyers), (len(suppliers), 6))
    weights = 1.0 / np.arange(1, len(suppliers) + 1) ** 0.8
    weights /= weights.sum()

    tables = {
        "suppliers": _table(
            "suppliers",
            supplier=suppliers,
            country=supplier_country,
            category=rng.choice(_PRODUCTS, len(suppliers)),
        ),
        "buyers": _table("buyers", buyer=buyers, country=np.full(len(buyers), "NL")),
        "contracts": _contracts(rng, suppliers, buyers, buyer_count, supplier_buyers),
    }
    meetings, meeting_supplier, meeting_days = _meetings(
        rng, sizes["meetings"], suppliers, buyers, weights, buyer_count, supplier_buyers
    )
    tables["meetings"] = meetings
    tables["actions"] = _actions(
        rng, sizes["actions"], meetings, meeting_supplier, meeting_days, suppliers, buyers
    )
    tables["info_requests"] = _info_requests(rng, sizes["info_requests"], suppliers, weights)
    tables["report_assessments"] = _reports(rng, suppliers)
    tables["sites"] = _sites(rng, sizes["sites"], suppliers)
    tables["grievances"] = _grievances(rng, sizes["grievances"], suppliers, weights)
    tables["escalations"] = _escalations(rng, suppliers)
    return tables


def load(con, scale: float = 1.0) -> dict[str, dict]:
    """Store the large programme (one transaction); the counts per table."""
    counts = {}
    con.execute("begin transaction")
    try:
        for name, rows in build(scale).items():
            counts[name] = store.upsert(con, name, PROGRAMME, rows, import_id=None)
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    from engagement.db import bump_data_version, ensure_normalised

    bump_data_version(con)
    ensure_normalised(con)  # built now, not by the dashboard's first figure
    return counts


# --- tables ------------------------------------------------------------------------------


def _table(name: str, **columns) -> pa.Table:
    """An Arrow table of the table's columns (missing ones blank), programme and extra."""
    table = TABLES[name]
    length = len(next(iter(columns.values())))
    arrays = {"programme": pa.array(np.full(length, PROGRAMME))}
    for column in table.columns:
        values = columns.get(column.name)
        kind = store.ARROW_TYPES[column.kind]
        arrays[column.name] = pa.nulls(length, kind) if values is None else _arrow(values, kind)
    arrays["extra"] = pa.nulls(length, pa.string())
    return pa.table(arrays)


def _arrow(values, kind: pa.DataType) -> pa.Array:
    if isinstance(values, pa.Array):
        return values
    if kind == pa.date32():
        days = np.asarray(values)
        mask = days < 0  # -1: blank
        return pa.array(days.astype("int32"), pa.int32(), mask=mask).cast(pa.date32())
    return pa.array(values, kind)


def _days(day: date) -> int:
    return int((np.datetime64(day) - _EPOCH).astype(int))


def _uniform_days(rng, count: int) -> np.ndarray:
    return rng.integers(_days(FIRST_DAY), _days(LAST_DAY) + 1, count)


def _progress(days: np.ndarray) -> np.ndarray:
    """0 at the programme's start, 1 at its end: practice improves over the decade."""
    return (days - _days(FIRST_DAY)) / (_days(LAST_DAY) - _days(FIRST_DAY))


def _blank_unless(rng, values: np.ndarray, share: float) -> pa.Array:
    """values, blank in about 1 - share of the rows (unknown)."""
    return pa.array(values, mask=rng.random(len(values)) > share)


def _lists(pool: np.ndarray, picks: np.ndarray, lengths: np.ndarray) -> pa.Array:
    """A list per row: the first lengths[i] of picks[i] (indices into pool)."""
    offsets = np.concatenate([[0], np.cumsum(lengths)]).astype("int32")
    flat = picks[np.arange(picks.shape[1]) < lengths[:, None]]
    return pa.ListArray.from_arrays(pa.array(offsets), pa.array(pool.tolist()).take(pa.array(flat)))


def _contracts(rng, suppliers, buyers, buyer_count, supplier_buyers) -> pa.Table:
    rows = np.repeat(np.arange(len(suppliers)), buyer_count)
    slot = np.concatenate([np.arange(n) for n in buyer_count])
    start = _uniform_days(rng, len(rows)) - 365
    end = start + rng.integers(3 * 365, 9 * 365, len(rows))
    value = np.round(rng.lognormal(15, 1.2, len(rows)), -3)
    return _table(
        "contracts",
        buyer=buyers[supplier_buyers[rows, slot]],
        supplier=suppliers[rows],
        product=rng.choice(_PRODUCTS, len(rows)) + np.char.add(" lot ", np.arange(len(rows)).astype(str)),
        start_date=start,
        end_date=np.where(rng.random(len(rows)) < 0.1, -1, end),
        value_eur=_blank_unless(rng, value, 0.8),
        hredd_clauses=_blank_unless(rng, rng.random(len(rows)) < 0.7, 0.9),
    )


def _meetings(rng, count, suppliers, buyers, weights, buyer_count, supplier_buyers):
    supplier = rng.choice(len(suppliers), count, p=weights)
    days = np.sort(_uniform_days(rng, count))
    types = rng.choice(list(vocabulary.MEETING_TYPES), count, p=[0.03, 0.62, 0.25, 0.10])
    present = np.minimum(rng.integers(1, 4, count), buyer_count[supplier])
    topics = np.array(list(vocabulary.MEETING_TOPICS))
    topic_count = rng.integers(1, 4, count)
    progress = _progress(days)
    table = _table(
        "meetings",
        meeting_id=np.char.add("M", np.arange(1, count + 1).astype(str)),
        date=days,
        supplier=suppliers[supplier],
        type=types,
        buyers=_lists(buyers, supplier_buyers[supplier], present),
        topics=_lists(topics, rng.integers(0, len(topics), (count, 3)), topic_count),
        agenda_sent=_blank_unless(rng, rng.random(count) < 0.5 + 0.4 * progress, 0.85),
        minutes_confirmed=_blank_unless(rng, rng.random(count) < 0.4 + 0.4 * progress, 0.8),
        feedback_requested=_blank_unless(rng, rng.random(count) < 0.3, 0.6),
        agreements=rng.integers(0, 5, count),
    )
    return table, supplier, days


def _actions(rng, count, meetings, meeting_supplier, meeting_days, suppliers, buyers):
    source = rng.integers(0, len(meeting_days), count)
    due = meeting_days[source] + rng.integers(14, 120, count)
    late = rng.gamma(2.0, 15.0, count).astype(int) - 10
    done = rng.random(count) < 0.85
    completed = np.where(done & (due + late <= _days(LAST_DAY)), due + late, -1)
    return _table(
        "actions",
        action_id=np.char.add("A", np.arange(1, count + 1).astype(str)),
        meeting_id=meetings["meeting_id"].to_numpy(zero_copy_only=False)[source],
        supplier=suppliers[meeting_supplier[source]],
        description=rng.choice(
            [
                "Share the smelter list",
                "Update the risk analysis",
                "Send the audit report",
                "Confirm the remediation plan",
                "Publish the grievance procedure",
            ],
            count,
        ),
        owner=rng.choice(buyers[:20], count),
        due_date=due,
        completed_on=completed,
    )


def _info_requests(rng, count, suppliers, weights) -> pa.Table:
    supplier = rng.choice(len(suppliers), count, p=weights)
    requested = _uniform_days(rng, count)
    progress = _progress(requested)
    answered = rng.random(count) < 0.6 + 0.3 * progress
    answer_day = requested + rng.gamma(2.0, 12.0, count).astype(int) + 1
    return _table(
        "info_requests",
        request_id=np.char.add("R", np.arange(1, count + 1).astype(str)),
        supplier=suppliers[supplier],
        topic=rng.choice(
            ["smelters", "audits", "grievance mechanism", "sub-suppliers", "wages", "risk analysis"], count
        ),
        requested_on=requested,
        due_on=np.where(rng.random(count) < 0.9, requested + 30, -1),
        answered_on=np.where(answered & (answer_day <= _days(LAST_DAY)), answer_day, -1),
        completeness=np.minimum(4, rng.binomial(4, 0.45 + 0.4 * progress)),
        evidence=_blank_unless(rng, rng.random(count) < 0.4 + 0.4 * progress, 0.8),
        tier_depth=rng.integers(1, 4, count),
    )


def _reports(rng, suppliers) -> pa.Table:
    years = np.tile(np.arange(FIRST_DAY.year, LAST_DAY.year + 1), len(suppliers))
    supplier = np.repeat(suppliers, LAST_DAY.year - FIRST_DAY.year + 1)
    progress = (years - FIRST_DAY.year) / (LAST_DAY.year - FIRST_DAY.year)
    scores = {
        element: _blank_unless(rng, np.minimum(2, rng.binomial(2, 0.3 + 0.5 * progress)), 0.95)
        for element in (
            "risk_analysis",
            "action_plan",
            "signals_handling",
            "stakeholder_consultation",
            "kpis_reported",
        )
    }
    return _table("report_assessments", supplier=supplier, year=years, **scores)


# Each supplier draws on its own production sites, per tier (1 assembly, 2 component, 3 raw
# material): a few assembly plants, more component makers and mines/refiners. Its components
# share them, as a real chain does: 150 sites a supplier, 75,000 in the programme.
_SITES_PER_TIER = np.array([20, 60, 70])


def _sites(rng, count, suppliers) -> pa.Table:
    # 500 suppliers x 4 products x 100 components x 5 rows: each row a site making the component.
    per_supplier = count // len(suppliers)
    index = np.arange(per_supplier * len(suppliers))
    supplier = index // per_supplier
    within = index % per_supplier
    product, component, row = within // 500 % 4, within // 5 % 100, within % 5
    tier = component % 3 + 1
    # the five rows of a component are five different sites of its tier's pool
    pool = _SITES_PER_TIER[tier - 1]
    site = (
        np.concatenate([[0], np.cumsum(_SITES_PER_TIER)[:-1]])[tier - 1]
        + (component * 7 + product * 13 + supplier + row * 3) % pool
    )
    site_country = rng.choice(_COUNTRIES, (len(suppliers), _SITES_PER_TIER.sum()))
    country = site_country[supplier, site]
    # disclosure spreads over the decade; a fifth of the rows is disclosed only after it
    disclosed = _uniform_days(rng, len(index)) + rng.integers(0, 365, len(index))
    disclosed = np.where(rng.random(len(index)) < 0.2, _days(LAST_DAY) + 400, disclosed)
    # a site's verification and monitoring are the site's, whichever row reports them
    site_verified = rng.random((len(suppliers), _SITES_PER_TIER.sum()))
    site_monitored = rng.random((len(suppliers), _SITES_PER_TIER.sum()))
    return _table(
        "sites",
        supplier=suppliers[supplier],
        product=_PRODUCTS[product],
        component=np.char.add(
            _COMPONENT_WORDS[component % 10], np.char.add(" ", (component // 10).astype(str))
        ),
        tier=tier,
        site_name=np.char.add(np.char.add(country, " plant "), site.astype(str)),
        country=country,
        disclosed_on=disclosed,
        verified=_blank_unless(rng, site_verified[supplier, site] < 0.4, 0.7),
        monitored=_blank_unless(rng, site_monitored[supplier, site] < 0.2, 0.6),
    )


def _grievances(rng, count, suppliers, weights) -> pa.Table:
    supplier = rng.choice(len(suppliers), count, p=weights)
    received = _uniform_days(rng, count)
    status = rng.choice(list(vocabulary.GRIEVANCE_STATUSES), count, p=[0.1, 0.1, 0.7, 0.1])
    resolved = received + rng.gamma(2.0, 40.0, count).astype(int) + 1
    closed = np.isin(status, ["resolved", "closed_unresolved"]) & (resolved <= _days(LAST_DAY))
    status = np.where(np.isin(status, ["resolved", "closed_unresolved"]) & ~closed, "in_remediation", status)
    return _table(
        "grievances",
        case_id=np.char.add("G", np.arange(1, count + 1).astype(str)),
        supplier=suppliers[supplier],
        country=rng.choice(_COUNTRIES, count),
        received_on=received,
        channel=rng.choice(list(vocabulary.GRIEVANCE_CHANNELS), count),
        category=rng.choice([c for c in vocabulary.GRIEVANCE_CATEGORIES if c != "critical"], count),
        severity=rng.choice(list(vocabulary.GRIEVANCE_SEVERITIES), count, p=[0.4, 0.35, 0.2, 0.05]),
        workers_affected=rng.integers(1, 200, count),
        status=status,
        resolved_on=np.where(closed, resolved, -1),
        worker_reps_involved=_blank_unless(rng, rng.random(count) < 0.5, 0.7),
        satisfaction=_blank_unless(rng, rng.integers(1, 6, count), 0.5),
    )


def _escalations(rng, suppliers) -> pa.Table:
    # A third of the suppliers climb 1-4 steps of the ladder, a step every few months.
    climbing = np.flatnonzero(rng.random(len(suppliers)) < 1 / 3)
    steps = rng.integers(1, 5, len(climbing))
    rows = np.repeat(climbing, steps)
    rank = np.concatenate([np.arange(1, n + 1) for n in steps])
    start = np.repeat(_uniform_days(rng, len(climbing)) - 365, steps)
    return _table(
        "escalations",
        supplier=suppliers[rows],
        date=start + rank * rng.integers(60, 200, len(rows)),
        step=np.array(vocabulary.ESCALATION_LADDER)[rank],
        note=np.full(len(rows), "signals in the review session"),
    )


def run_large(args) -> int:
    """`python -m engagement sample --scale large`: store the large programme and say what was stored."""
    import time

    from engagement.db import database_path, open_database

    con = open_database(args.db)
    try:
        started = time.perf_counter()
        counts = load(con)
        print(
            f"Large programme '{PROGRAMME}' in {database_path(args.db)} ({time.perf_counter() - started:.0f} s):"
        )
        for name, count in counts.items():
            print(f"  {name:<20} {count['inserted'] + count['updated'] + count['unchanged']:>9,} rows")
        print("This is fictional data for benchmarks: the buyers, suppliers, sites and cases are invented.")
    finally:
        con.close()
    return 0
