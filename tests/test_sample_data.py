"""The sample programme's files: the LEVP storyline holds, the files are stable and readable.

Read with pandas and openpyxl straight from the files, not through the importer.
"""

import re
from datetime import date, datetime

import openpyxl
import pandas as pd
import pytest

from engagement.sample import (
    DUTCH_WORDS,
    SAMPLE_DIR,
    dutch_header,
    dutch_word,
    sample_file_paths,
    write_sample_files,
)
from engagement.tables import TABLES
from engagement.vocabulary import DIALOGUE_MEETING_TYPES, ENUMERATIONS, MEETING_TOPICS

START, END = pd.Timestamp("2023-04-01"), pd.Timestamp("2025-03-31")


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """A freshly generated sample."""
    target = tmp_path_factory.mktemp("sample")
    write_sample_files(target)
    return target


def _columns_of_kind(table: str, kind: str) -> list[str]:
    return [c.name for c in TABLES[table].columns if c.kind == kind]


def read_table(folder, table: str) -> pd.DataFrame:
    """One CSV as canonical values: dates parsed, booleans as True/False/None, lists as lists."""
    if table == "meetings":
        frame = pd.read_csv(
            folder / "csv" / "meetings.csv", sep=";", encoding="cp1252", dtype=str, keep_default_na=False
        )
        frame = frame.rename(
            columns={dutch_header("meetings", c): c for c in TABLES["meetings"].column_names}
        )
        english = {word: value for value, word in DUTCH_WORDS["meeting_type"].items()}
        frame["type"] = frame["type"].map(english)
        topics = {word: value for value, word in DUTCH_WORDS["topics"].items()}
        frame["topics"] = frame["topics"].map(lambda t: "; ".join(topics[w] for w in t.split("; ") if w))
        booleans, date_format = {"ja": True, "nee": False, "": None}, "%d-%m-%Y"
    else:
        frame = pd.read_csv(
            folder / "csv" / f"{table}.csv", dtype=str, keep_default_na=False, encoding="utf-8"
        )
        booleans, date_format = {"true": True, "false": False, "": None}, "%Y-%m-%d"
    assert list(frame.columns) == TABLES[table].column_names
    for column in _columns_of_kind(table, "date"):
        frame[column] = pd.to_datetime(frame[column].replace("", None), format=date_format)
    for column in _columns_of_kind(table, "bool"):
        frame[column] = frame[column].map(booleans)
    for column in _columns_of_kind(table, "list") + _columns_of_kind(table, "topics"):
        frame[column] = frame[column].map(lambda text: [p for p in text.split("; ") if p])
    for column in _columns_of_kind(table, "int"):
        frame[column] = pd.to_numeric(frame[column].replace("", None)).astype("Int64")
    return frame


def dialogue_meetings(folder) -> pd.DataFrame:
    meetings = read_table(folder, "meetings")
    return meetings[meetings["type"].isin(DIALOGUE_MEETING_TYPES)]


def test_one_market_event_in_april_2023_with_all_buyers(folder):
    """Exactly one market event, in April 2023, without a supplier, all buyers present."""
    meetings = read_table(folder, "meetings")
    events = meetings[meetings["type"] == "market_event"]
    assert len(events) == 1
    event = events.iloc[0]
    assert (event["date"].year, event["date"].month) == (2023, 4)
    assert event["supplier"] == ""
    assert sorted(event["buyers"]) == sorted(read_table(folder, "buyers")["buyer"])


def test_36_dialogue_meetings_with_all_14_suppliers_in_the_period(folder):
    """D1 = 36, D1m = 1 and D2 = 14 for 2023-04-01..2025-03-31: every meeting falls inside it."""
    meetings = read_table(folder, "meetings")
    assert set(meetings["type"]) <= {"market_event", *DIALOGUE_MEETING_TYPES}
    assert meetings["date"].between(START, END).all()
    dialogue = dialogue_meetings(folder)
    assert len(dialogue) == 36
    assert set(dialogue["type"]) == set(DIALOGUE_MEETING_TYPES)
    assert dialogue["supplier"].nunique() == 14
    assert set(dialogue["supplier"]) == set(read_table(folder, "suppliers")["supplier"])
    assert meetings["meeting_id"].is_unique
    assert meetings["meeting_id"].str.fullmatch(r"LEVP-M\d{3}").all()


def test_some_suppliers_met_often_and_some_stale(folder):
    """Meeting frequency differs; some suppliers have had no meeting in the last 180 days."""
    dialogue = dialogue_meetings(folder)
    per_supplier = dialogue.groupby("supplier").size()
    assert per_supplier.max() >= 4 and per_supplier.min() == 1
    days_since = (END - dialogue.groupby("supplier")["date"].max()).dt.days
    stale = days_since[days_since > 180]
    assert 3 <= len(stale) <= 10


def test_meetings_are_collective_and_practice_improves(folder):
    """Some meetings have 2+ buyers; agendas and confirmed minutes are more common in year two."""
    dialogue = dialogue_meetings(folder)
    assert (dialogue["buyers"].map(len) >= 2).any()
    assert (dialogue["buyers"].map(len) >= 1).all()
    second_year = dialogue["date"] >= pd.Timestamp("2024-04-01")
    for column in ("agenda_sent", "minutes_confirmed"):
        known = dialogue[dialogue[column].notna()]
        late, early = known[known["date"] >= pd.Timestamp("2024-04-01")], known[known["date"] < "2024-04-01"]
        assert late[column].astype(bool).mean() > early[column].astype(bool).mean()
        assert dialogue[column].isna().any(), f"{column}: some meetings should leave it blank"
    assert second_year.any()


def test_topics_are_catalogue_topics_and_shift_to_remedy(folder):
    """Topics are canonical; early meetings map to OECD steps 1-2, later ones more to 3, 4 and 6."""
    dialogue = dialogue_meetings(folder)
    topics = [t for ts in dialogue["topics"] for t in ts]
    assert set(topics) <= set(MEETING_TOPICS)

    def share_steps_346(frame):
        steps = [MEETING_TOPICS[t][0] for ts in frame["topics"] for t in ts]
        return sum(s in (3, 4, 6) for s in steps) / len(steps)

    early = dialogue[dialogue["date"] < pd.Timestamp("2024-01-01")]
    late = dialogue[dialogue["date"] >= pd.Timestamp("2024-07-01")]
    assert share_steps_346(late) > share_steps_346(early) + 0.3


def test_buyers_contracts_and_suppliers_in_scope(folder):
    """Six or more buyers; shared suppliers; every supplier has a contract in the period; scope varies."""
    buyers, suppliers = read_table(folder, "buyers"), read_table(folder, "suppliers")
    contracts = read_table(folder, "contracts")
    assert len(buyers) >= 6 and len(suppliers) == 14
    assert set(suppliers["category"]) == {"bus", "car"}
    assert set(contracts["buyer"]) <= set(buyers["buyer"])
    assert set(contracts["supplier"]) == set(suppliers["supplier"])
    assert contracts.groupby("supplier")["buyer"].nunique().max() >= 3
    overlapping = contracts[(contracts["start_date"] <= END) & (contracts["end_date"] >= START)]
    assert set(overlapping["supplier"]) == set(suppliers["supplier"])
    assert (contracts["end_date"] < pd.Timestamp("2025-01-01")).any()
    assert (contracts["start_date"] > START).any()
    in_scope_first = overlapping[overlapping["start_date"] <= pd.Timestamp("2023-06-30")][
        "supplier"
    ].nunique()
    in_scope_last = overlapping[overlapping["end_date"] >= pd.Timestamp("2025-01-01")]["supplier"].nunique()
    assert in_scope_first < 14 and in_scope_last < 14


def test_actions_late_and_overdue(folder):
    """Actions come from meetings; some are done late, some are open past their due date."""
    actions, meetings = read_table(folder, "actions"), read_table(folder, "meetings")
    assert set(actions["meeting_id"]) <= set(meetings["meeting_id"])
    assert actions["action_id"].is_unique
    done = actions[actions["completed_on"].notna()]
    assert (done["completed_on"] > done["due_date"]).any()
    assert (done["completed_on"] <= done["due_date"]).any()
    assert (actions["completed_on"].isna() & (actions["due_date"] < END)).any()


def test_information_requests(folder):
    """Some requests unanswered, some answered late; completeness 0-4 improves over time."""
    requests = read_table(folder, "info_requests")
    answered = requests[requests["answered_on"].notna()]
    assert requests["answered_on"].isna().any()
    assert (answered["answered_on"] > answered["due_on"]).any()
    assert answered["completeness"].dropna().between(0, 4).all()
    first_year = answered["requested_on"] < pd.Timestamp("2024-04-01")
    assert answered[~first_year]["completeness"].mean() > answered[first_year]["completeness"].mean()
    assert requests["tier_depth"].dropna().between(1, 3).all()


def test_report_assessments_for_2023_and_2024(folder):
    """Most suppliers are scored both years, 0-2 per element, with some elements not assessed."""
    reports = read_table(folder, "report_assessments")
    assert set(reports["year"]) == {2023, 2024}
    assert (reports.groupby("year").size() >= 10).all()
    scores = reports[
        ["risk_analysis", "action_plan", "signals_handling", "stakeholder_consultation", "kpis_reported"]
    ]
    assert scores.stack().between(0, 2).all()
    assert scores.isna().any().any()


def test_traceability_rows(folder):
    """Tiers 1-3; disclosure spread over 6+ quarters; undisclosed components; verified and monitored sites."""
    sites = read_table(folder, "sites")
    assert set(sites["tier"]) == {1, 2, 3}
    disclosed = sites[sites["site_name"] != ""]
    assert disclosed["disclosed_on"].between(START, END).all()
    assert disclosed["disclosed_on"].dt.to_period("Q").nunique() >= 6
    undisclosed = sites[(sites["site_name"] == "") & (sites["country"] == "")]
    assert len(undisclosed) > 0 and undisclosed["disclosed_on"].isna().all()
    assert disclosed["country"].nunique() >= 5
    assert disclosed["verified"].any() and disclosed["monitored"].any()
    ids = disclosed["os_id"][disclosed["os_id"] != ""]
    assert len(ids) > 0 and ids.str.fullmatch(r"[A-Z]{2}\d{7}[A-Z]{3}\d{3}").all()


def test_grievances(folder):
    """Two countries; a supplier-mechanism case; open and resolved cases; a recurrence within 365 days."""
    cases = read_table(folder, "grievances")
    assert cases["country"].nunique() == 2
    assert (cases["channel"] == "supplier_mechanism").any()
    assert {"open", "resolved"} <= set(cases["status"])
    for column in ("channel", "category", "severity", "status"):
        enum = TABLES["grievances"].column(column).enum
        assert set(cases[column]) <= set(ENUMERATIONS[enum])
    resolved = cases[cases["status"].isin(["resolved", "closed_unresolved"])]
    assert resolved["resolved_on"].notna().all()
    assert cases[cases["status"].isin(["open", "in_remediation"])]["resolved_on"].isna().all()
    assert cases["received_on"].between(pd.Timestamp("2023-01-01"), END).all()
    assert cases["satisfaction"].dropna().between(1, 5).all()
    recurring = cases.merge(cases, on=["supplier", "site_name", "category"])
    gap = (recurring["received_on_x"] - recurring["received_on_y"]).dt.days
    assert ((gap > 0) & (gap <= 365)).any()
    # every case happens at a site the supplier disclosed
    sites = read_table(folder, "sites")
    disclosed = set(zip(sites["supplier"], sites["site_name"], strict=True))
    assert set(zip(cases["supplier"], cases["site_name"], strict=True)) <= disclosed


def test_escalations(folder):
    """Two or more suppliers escalated, one up to a notice of default, all dated in the period."""
    escalations = read_table(folder, "escalations")
    assert escalations["supplier"].nunique() >= 2
    assert set(escalations["step"]) <= set(ENUMERATIONS["escalation_step"])
    assert "notice_of_default" in set(escalations["step"])
    assert escalations["date"].between(START, END).all()


def test_files_are_deterministic(tmp_path):
    """Generating twice gives byte-identical files, the workbook included."""
    first = write_sample_files(tmp_path / "one")
    second = write_sample_files(tmp_path / "two")
    assert [p.name for p in first] == [p.name for p in second]
    for one, two in zip(first, second, strict=True):
        assert one.read_bytes() == two.read_bytes(), one.name


def test_committed_csv_files_are_current(folder):
    """sample_data/ holds what the generator writes (regenerate with `python -m engagement.sample`)."""
    for generated, committed in zip(
        sample_file_paths(folder)[1:], sample_file_paths(SAMPLE_DIR)[1:], strict=True
    ):
        assert committed.read_bytes() == generated.read_bytes(), committed.name


def test_workbook_one_sheet_per_table_dutch_and_english(folder):
    """One sheet per table, matched by name; Dutch headers and words on some, English on others."""
    workbook = openpyxl.load_workbook(folder / "levp_sample.xlsx")
    by_sheet = {
        name: next(t for t, spec in TABLES.items() if name in spec.sheet_names)
        for name in workbook.sheetnames
    }
    assert sorted(by_sheet.values()) == sorted(TABLES)
    dutch_sheets = 0
    for name, table in by_sheet.items():
        sheet = workbook[name]
        rows = list(sheet.iter_rows(values_only=True))
        header_index = next(i for i, row in enumerate(rows) if row[0] and row[1])
        headers = [str(h).casefold() for h in rows[header_index]]
        spec = TABLES[table]
        synonyms = [dutch_header(table, c.name).casefold() for c in spec.columns if c.synonyms]
        if set(synonyms) <= set(headers) and name != spec.sheet_names[0]:
            dutch_sheets += 1
            _check_dutch_values(table, headers, rows[header_index + 1 :])
        else:
            normalised = [re.sub(r"[^a-z]", "", h) for h in headers]
            assert normalised == [c.replace("_", "") for c in spec.column_names], name
        for row in rows[header_index + 1 :]:
            for column, value in zip(spec.columns, row, strict=True):
                if column.kind == "date" and value is not None:
                    assert isinstance(value, datetime), (name, column.name, value)
    assert 5 <= dutch_sheets < len(TABLES)
    meetings = workbook["bijeenkomsten"]
    assert meetings["A1"].value.startswith("LEVP – bijeenkomstenregister")
    assert all(cell.value is None for cell in meetings[2])


def _check_dutch_values(table: str, headers: list[str], rows: list[tuple]) -> None:
    for column, values in zip(TABLES[table].columns, zip(*rows, strict=True), strict=True):
        present = [v for v in values if v is not None]
        if column.kind == "bool":
            assert set(present) <= {"ja", "nee"}, column.name
        if column.kind == "enum":
            assert set(present) <= set(DUTCH_WORDS[column.enum].values()), column.name
        if column.kind == "topics":
            words = {w for v in present for w in v.split("; ")}
            assert words <= set(DUTCH_WORDS["topics"].values())


def test_every_dutch_word_is_one_the_importer_accepts():
    """The Dutch words written cover every canonical value and are listed in vocabulary.py."""
    for vocabulary, words in DUTCH_WORDS.items():
        canonical = MEETING_TOPICS if vocabulary == "topics" else ENUMERATIONS[vocabulary]
        assert set(words) == set(canonical), vocabulary
        for value in words:
            dutch_word(vocabulary, value)  # raises when a word is not accepted


def test_nothing_happens_after_the_export_date(folder):
    """The registers were exported on 2025-04-02: nothing happened after it (deadlines and contracts aside)."""
    future = {"contracts": ("start_date", "end_date"), "actions": ("due_date",), "info_requests": ("due_on",)}
    for table in TABLES:
        frame = read_table(folder, table)
        for column in _columns_of_kind(table, "date"):
            if column in future.get(table, ()):
                continue
            assert (frame[column].dropna() <= pd.Timestamp(date(2025, 4, 2))).all(), (table, column)
