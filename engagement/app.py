"""What every page of the dashboard shares: the database, the global filters, caching
and the way figures are written. Pages import from here and stay UI only."""

import importlib
import re
import threading
from dataclasses import replace
from datetime import date
from pathlib import Path

import pandas as pd
import streamlit as st

from engagement import access, page_texts, texts, url_state
from engagement.catalogue import BY_ID
from engagement.db import data_version, database_path, open_database
from engagement.filters import PERIOD_PRESETS, Filters, preset_period, reference_day
from engagement.history import holds_only_sample
from engagement.kpis.options import data_span, filter_options
from engagement.settings import load_settings

# The pages of the dashboard, in menu order: (file, title, icon). The first opens by default.
PAGES = [
    ("pages/overview.py", "Overview", ":material/dashboard:"),
    ("pages/scorecard.py", "Supplier scorecard", ":material/scoreboard:"),
    ("pages/session.py", "Review session", ":material/co_present:"),
    ("pages/dialogue.py", "Dialogue frequency", ":material/forum:"),
    ("pages/information.py", "Information quality", ":material/fact_check:"),
    ("pages/traceability.py", "Traceability coverage", ":material/account_tree:"),
    ("pages/complaints.py", "Complaint resolution", ":material/gavel:"),
    ("pages/escalation.py", "Escalation", ":material/stairs:"),
    ("pages/leverage.py", "Collective leverage", ":material/groups:"),
    ("pages/follow_up.py", "Follow-up", ":material/task_alt:"),
    ("pages/supplier_profile.py", "Supplier profile", ":material/factory:"),
    ("pages/definitions.py", "KPI definitions", ":material/menu_book:"),
    ("pages/upload.py", "Import", ":material/upload_file:"),
    ("pages/data.py", "Data", ":material/database:"),
]
# Pages for coordinators only: importing, undoing, the import history and audit log, settings.
COORDINATOR_PAGES = {"pages/upload.py", "pages/data.py"}
PRESET_LABELS = {
    "last_quarter": "Last quarter",
    "last_12_months": "Last 12 months",
    "programme_to_date": "Programme to date",
    "custom": "Custom",
}
FILTER_LABELS = {
    "programme": "Programme",
    "buyer": "Buyer",
    "supplier": "Supplier",
    "country": "Country",
    "category": "Product category",
}
LANGUAGE_NAMES = {"en": "English", "nl": "Nederlands"}
# Plotly config for every chart: no logo, and map outlines served by this app (offline).
CHART_CONFIG = {"displaylogo": False, "topojsonURL": "/app/static/topojson/"}


@st.cache_resource
def _database(path: str):
    """One connection per database file for the whole server; queries use cursors."""
    first_run = not database_path(path).exists()
    con = open_database(path)
    # DuckDB's buffer pool and working memory for the whole server: past this it spills to
    # disk rather than grow (its default is 80% of the machine's memory).
    con.execute("set memory_limit = '1GB'")
    if first_run:
        from engagement.sample import load_sample

        load_sample(con)
    return con


def connection():
    """A cursor of the server's database for this script run (on first run the database is
    created with the sample programme). DuckDB wants a cursor per thread, and every session
    runs its script in a thread of its own."""
    return _database(str(database_path())).cursor()


# Bounded: an entry is at most a page of a long table or an aggregate, so memory stays flat
# over a long session however many filter combinations people try.
@st.cache_data(max_entries=256, show_spinner=False)
def _figures(module: str, function: str, path: str, version: int, *args):
    # The data version is part of the key, so an import makes every cached figure stale.
    fn = getattr(importlib.import_module(module), function)
    cursor = _database(path).cursor()
    try:
        return fn(cursor, *args)
    finally:
        cursor.close()


def figures(fn, *args):
    """fn(con, *args) from engagement.kpis, cached by its arguments and the data version. A
    figure marked as of the period's end (filters.as_of_period_end) is keyed by that day."""
    if getattr(fn, "keyed_by_period_end", False):
        args = tuple(arg.as_of_end() if isinstance(arg, Filters) else arg for arg in args)
    con = connection()
    return _figures(fn.__module__, fn.__name__, str(database_path()), data_version(con), *args)


def figures_together(*calls: tuple) -> list:
    """Several figures(fn, *args) at once, each in a thread on its own cursor: DuckDB runs
    them side by side (one query alone leaves a core idle much of the time), and each lands in
    the cache as figures() would put it there. calls: (fn, *args) tuples."""
    from concurrent.futures import ThreadPoolExecutor

    from streamlit.runtime.scriptrunner import add_script_run_ctx, get_script_run_ctx

    context = get_script_run_ctx()

    def one(call: tuple):
        add_script_run_ctx(threading.current_thread(), context)  # the cache belongs to the run
        fn, *args = call
        return figures(fn, *args)

    with ThreadPoolExecutor(len(calls)) as pool:
        return list(pool.map(one, calls))


def settings():
    return load_settings(connection())


def _period_and_filters(filters: Filters) -> str:
    from engagement.reports.contents import filters_text

    return f"{filters.date_from} to {filters.date_to}, filters: {filters_text(filters, 'en')}"


def exported(what: str, who: str | None, cursor=None) -> None:
    """Note a download in the audit log, when it is made (on the click). `who` is taken while
    the page is drawn: the click's callable runs outside the session's script run."""
    from engagement import audit

    audit.record(cursor or connection(), who, "export", what)


def current_user() -> str | None:
    """The signed-in user's e-mail (Streamlit's OIDC sign-in); None in local single-user mode,
    which the audit log writes as 'local user'."""
    person = st.session_state.get("access")
    return None if person is None or person is access.LOCAL else person.email


REPORT_BUTTONS = {"xlsx": "Report (Excel)", "html": "Report (web page, works offline)", "pdf": "Report (PDF)"}


def report_downloads(filters: Filters) -> None:
    """Download buttons for the review report of these filters, in the user's language. The
    report is made when a button is clicked (Streamlit runs the callable then), not on every run."""
    from engagement.reports import FORMATS, build_report
    from engagement.reports.pdf import ChromiumMissing, chromium_path

    database, current, lang, who = _database(str(database_path())), settings(), language(), current_user()

    def made(fmt: str):
        def build() -> bytes:
            cursor = database.cursor()
            try:
                report = build_report(cursor, filters, current, fmt, lang)
                exported(f"review report ({fmt}, {lang}), {_period_and_filters(filters)}", who, cursor)
                return report
            finally:
                cursor.close()

        return build

    columns = st.columns(len(REPORT_BUTTONS))
    for column, (fmt, label) in zip(columns, REPORT_BUTTONS.items(), strict=True):
        if fmt == "pdf":
            try:
                chromium_path(lang)
            except ChromiumMissing:
                column.caption(t("PDF reports need Debian's chromium on the server."))
                continue
        column.download_button(
            t(label),
            made(fmt),
            file_name=f"review_{filters.date_from}_{filters.date_to}_{lang}.{fmt}",
            mime=FORMATS[fmt],
            key=f"report_{fmt}",
            on_click="ignore",
        )


# -- who is using the dashboard ---------------------------------------------------------


def auth_configured() -> bool:
    """Whether sign-in is configured: an [auth] section in .streamlit/secrets.toml."""
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all
        return False


@st.cache_data(ttl=60, show_spinner=False)
def _people(path: str, modified: float) -> dict:
    people = access.load_access(Path(path))
    cursor = connection()
    try:
        access.note_changes(cursor, Path(path), people)  # in the audit log, once per change
    finally:
        cursor.close()
    return people


def require_access() -> access.Access:
    """Who is using the dashboard and what they may see; everyone else gets the sign-in page
    (or a refusal) and the script stops there. Without sign-in configured: local single-user
    mode, on this computer only."""
    if not auth_configured():
        if not access.is_loopback(st.get_option("server.address")):
            _only(_refusal)
        return access.LOCAL
    if not st.user.is_logged_in:
        _only(_sign_in_page)
    path = access.access_path()
    people = _people(str(path), path.stat().st_mtime if path.exists() else 0.0)
    person = access.access_of(st.user.get("email"), people)
    if person is None:
        _only(_no_access_page)
    return person


def _only(page) -> None:
    """Show this one page, whatever the link asked for, with no menu (so not even the names of
    the other pages show), and stop the run there."""
    st.navigation([st.Page(page, title=t("Sign in"))], position="hidden").run()
    st.stop()


def _refusal() -> None:
    st.error(
        t(
            "Sign-in is not configured, so this dashboard only answers on this computer "
            "(server.address 127.0.0.1). Configure sign-in (README, Security) before serving it "
            "on a network."
        )
    )


def _sign_in_page() -> None:
    st.title(t("Supplier engagement dashboard"))
    st.write(t("Sign in with your organisation's account to see the programmes you take part in."))
    st.button(t("Sign in"), on_click=st.login, type="primary")


def _no_access_page() -> None:
    st.error(
        t(
            "Your account ({email}) has no access to any programme. Ask the programme's "
            "coordinator to add you.",
            email=as_text(st.user.get("email") or "?"),
        )
    )
    st.button(t("Sign out"), on_click=st.logout)


def current_access() -> access.Access:
    """What the person using this session may see and do (dashboard.py sets it every run)."""
    if "access" not in st.session_state:
        _run_through_the_entry_script()
    return st.session_state["access"]


def coordinators_only() -> None:
    """The first line of a coordinators' page: anyone else sees why not, and nothing more."""
    if not current_access().coordinates:
        st.error(t("This page is for the programme's coordinators."))
        st.stop()


def signed_in_box(person: access.Access) -> None:
    """At the foot of the sidebar: who is signed in, with a sign-out button; or local mode."""
    with st.sidebar:
        st.divider()
        if person is access.LOCAL:
            st.caption(
                t("Local single-user mode: sign-in is not configured, so only this computer can open it.")
            )
            return
        role = t("coordinator") if person.coordinates else t("buyer")
        st.caption(t("Signed in as {email} ({role}).", email=person.email, role=role))
        st.button(t("Sign out"), on_click=st.logout, key="sign_out")


# -- global filters ----------------------------------------------------------------------


# -- language ----------------------------------------------------------------------------


def language() -> str:
    """The language this user chose (sidebar, or lang= in the link); else $ENGAGEMENT_LANG, else en."""
    chosen = st.session_state.get("language")
    return chosen if chosen in texts.LANGUAGES else texts.default_language()


def t(english: str, **values) -> str:
    """A sentence of the dashboard in the user's language (engagement.page_texts)."""
    return page_texts.translate(english, language(), **values)


def language_choice() -> None:
    """The language selector, at the top of the sidebar; kept in the link as lang=."""
    url_state.choice_from_url("lang", "language", list(texts.LANGUAGES))
    if "language" not in st.session_state:
        st.session_state["language"] = texts.default_language()
    with st.sidebar:
        st.selectbox(t("Language · Taal"), texts.LANGUAGES, format_func=LANGUAGE_NAMES.get, key="language")
    url_state.keep_in_url("lang", language())


def sidebar_filters() -> Filters:
    """Draw the global filters in the sidebar and return them; widget keys keep them across pages."""
    person = current_access()
    options = figures(filter_options, person.programmes)
    first_day, last_day = figures(data_span, person.programmes)
    last_day_shown = reference_day(last_day, date.today())
    url_state.restore_filters(PERIOD_PRESETS, options)
    with st.sidebar:
        st.subheader(t("Filters"))
        # A value restored from the URL is in the session already; a default beside it
        # would make Streamlit warn on screen.
        restored = "period_preset" in st.session_state
        preset = st.selectbox(
            t("Period"),
            PERIOD_PRESETS,
            index=None if restored else PERIOD_PRESETS.index("last_12_months"),
            format_func=lambda preset: t(PRESET_LABELS[preset]),
            key="period_preset",
            help=t(
                "Periods end with the month of the latest event in the data (or today, if that is earlier)."
            ),
        )
        if preset == "custom":
            default = preset_period("last_12_months", last_day_shown, first_day)
            value = {} if "period_custom" in st.session_state else {"value": default}
            picked = st.date_input(t("From – to"), key="period_custom", format="YYYY-MM-DD", **value)
            date_from, date_to = picked if len(picked) == 2 else (picked[0], picked[0])
        else:
            date_from, date_to = preset_period(preset, last_day_shown, first_day)
            st.caption(texts.format_period(date_from, date_to, language()))
        chosen = {
            dimension: tuple(
                st.multiselect(t(label), options[dimension], key=f"filter_{dimension}", placeholder=t("All"))
            )
            for dimension, label in FILTER_LABELS.items()
        }
        if figures(holds_only_sample):  # cached: the sidebar draws on every rerun
            st.info(t("You are looking at **fictional sample data**. Use *Data* to start an empty database."))
    url_state.write_filters(preset, date_from, date_to, chosen)
    return Filters(
        date_from,
        date_to,
        programmes=person.programmes_for(chosen["programme"]),
        buyers=chosen["buyer"],
        suppliers=chosen["supplier"],
        countries=chosen["country"],
        categories=chosen["category"],
    )


def current_filters() -> Filters:
    """The filters dashboard.py put in the session for this run."""
    through_the_entry_script()
    return st.session_state["filters"]


def through_the_entry_script() -> None:
    """Every page calls this (or current_filters) first, so it always runs inside dashboard.py:
    its sidebar, and its guard that turns an error into a message instead of a traceback."""
    if "filters" not in st.session_state:
        _run_through_the_entry_script()


def _run_through_the_entry_script() -> None:
    """A page ran without dashboard.py: a freshly started server received a deep link
    (/dialogue) before any session had run the entry script, so Streamlit still took
    pages/ for its old automatic page folder. Tell it that this app uses st.navigation
    (which is what calling st.navigation would do) and run again, through dashboard.py."""
    from streamlit.runtime.pages_manager import PagesManager

    PagesManager.uses_pages_directory = False
    st.rerun()


def for_supplier(filters: Filters, supplier: str) -> Filters:
    return replace(filters, suppliers=(supplier,))


# -- writing figures ---------------------------------------------------------------------


def format_kpi(kpi_id: str, value) -> str:
    """A KPI value as the dashboard writes it, in the user's language; None is 'no data', never 0."""
    return texts.format_kpi(kpi_id, value, language())


def format_change(kpi_id: str, value, previous) -> str | None:
    """The change against the previous period: points for percentages, None when either is missing."""
    if value is None or previous is None or texts.is_missing(value) or texts.is_missing(previous):
        return None
    return texts.format_change(kpi_id, value - previous, language())


def kpi_name(kpi_id: str) -> str:
    return texts.text(f"kpi.{kpi_id}.name", language())


def kpi_rule(kpi_id: str) -> str:
    return texts.text(f"kpi.{kpi_id}.rule", language())


def kpi_metric(kpi_id: str, current: dict, previous: dict | None = None) -> None:
    """One st.metric for a KPI id, with its rule as help and its change against the previous period."""
    delta = format_change(kpi_id, current.get(kpi_id), (previous or {}).get(kpi_id))
    st.metric(
        f"{kpi_name(kpi_id)} ({kpi_id})",
        format_kpi(kpi_id, current.get(kpi_id)),
        delta=delta,
        delta_color={"up": "normal", "down": "inverse", "off": "off"}[BY_ID[kpi_id].direction],
        help=kpi_rule(kpi_id),
    )


def metric_row(kpi_ids: list[str], current: dict, previous: dict | None = None, per_row: int = 4) -> None:
    """KPI metrics side by side, at most `per_row` to a row so their names stay readable."""
    for start in range(0, len(kpi_ids), per_row):
        row = kpi_ids[start : start + per_row]
        for column, kpi_id in zip(st.columns(per_row), row, strict=False):
            with column:
                kpi_metric(kpi_id, current, previous)


_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def as_text(value) -> str:
    """A name from the data placed in markdown (a title, a label, a message), escaped so that it
    shows as written and can never become a link, an image, a formula or coloured text."""
    return _MARKDOWN.sub(r"\\\1", str(value))


def readable(values: pd.Series) -> pd.Series:
    """Enumeration values as people read them: 'worker_driven_monitoring' -> 'worker driven monitoring'."""
    return values.fillna(t("not given")).astype(str).str.replace("_", " ")


TABLE_PAGE_ROWS = 500  # rows a table sends to the browser at a time


def first_row_of_page(total: int, key: str, rows: int = TABLE_PAGE_ROWS) -> int:
    """A table of `total` rows shown `rows` at a time: the page-number box (only when there is
    more than one page) and the first row (0-based) of the page chosen."""
    pages = max(1, -(-total // rows))
    return 0 if pages == 1 else (_page_number(key, pages) - 1) * rows


def rows_caption(first: int, shown: int, total: int) -> str:
    return t(
        "Rows {first} to {last} of {rows}.",
        first=f"{first + 1:,}",
        last=f"{first + shown:,}",
        rows=f"{total:,}",
    )


def show_table(frame: pd.DataFrame, key: str, **options) -> None:
    """st.dataframe for a table that grows with the programme: at most TABLE_PAGE_ROWS rows at a
    time, with a page number, and the whole table as a CSV download (made on click)."""
    if len(frame) <= TABLE_PAGE_ROWS:
        st.dataframe(frame, **options)
        return
    first = first_row_of_page(len(frame), key)
    _show_page(frame.iloc[first : first + TABLE_PAGE_ROWS], first, len(frame), key, lambda: frame, options)


def show_query_table(
    fetch,
    filters: Filters,
    key: str,
    prepare=lambda frame: frame,
    nothing: str | None = None,
    narrowed_by: tuple = (),
    **options,
) -> None:
    """A table read from the database a page at a time, for tables too long to hold whole:
    fetch(con, filters, first, rows, *narrowed_by) gives `rows` rows from row `first`
    (0-based; rows None: all) and the number of rows in all; narrowed_by are the page's own
    pickers (owner, status), if any. prepare turns its rows into what is shown (words in
    the user's language). The CSV download of every row is read when it is clicked. Without
    rows, no_data(nothing) when `nothing` names what is missing."""
    wanted = st.session_state.get(f"{key}_page", 1)
    shown, total = figures(fetch, filters, (wanted - 1) * TABLE_PAGE_ROWS, TABLE_PAGE_ROWS, *narrowed_by)
    if not total and nothing:
        no_data(nothing)
        return
    pages = max(1, -(-total // TABLE_PAGE_ROWS))
    if wanted > pages:  # fewer rows than before (new filters): the last page there is
        wanted = pages
        st.session_state[f"{key}_page"] = wanted
        shown, total = figures(fetch, filters, (wanted - 1) * TABLE_PAGE_ROWS, TABLE_PAGE_ROWS, *narrowed_by)
    if pages == 1:
        st.dataframe(prepare(shown), **options)
        return
    _page_number(key, pages)  # its value is `wanted`, read above to fetch that page

    def every_row() -> pd.DataFrame:
        cursor = connection()
        try:
            return prepare(fetch(cursor, filters, 0, None, *narrowed_by)[0])
        finally:
            cursor.close()

    _show_page(prepare(shown), (wanted - 1) * TABLE_PAGE_ROWS, total, key, every_row, options)


def csv_download(rows, what: str):
    """The data of a CSV download button: a callable that makes the CSV of rows() (formulas
    neutralised) when it is clicked and notes it in the audit log, as the person drawing the
    page."""
    from engagement.exports import safe_csv

    who = current_user()

    def made() -> bytes:
        exported(f"{what} (CSV)", who)
        return safe_csv(rows())

    return made


def _page_number(key: str, pages: int) -> int:
    """The page-number box of a long table; its value lives in the session under key_page.
    When the table has fewer pages than before (new filters), the last page there is."""
    if st.session_state.get(f"{key}_page", 1) > pages:
        st.session_state[f"{key}_page"] = pages
    value = {} if f"{key}_page" in st.session_state else {"value": 1}
    number = st.number_input(
        t("Page (of {pages})", pages=f"{pages:,}"),
        min_value=1,
        max_value=pages,
        step=1,
        key=f"{key}_page",
        **value,
    )
    return int(number)


def _show_page(shown: pd.DataFrame, first: int, total: int, key: str, every_row, options: dict) -> None:
    st.dataframe(shown, **options)
    st.caption(rows_caption(first, len(shown), total))
    st.download_button(
        t("Download all {rows} rows (CSV)", rows=f"{total:,}"),
        csv_download(every_row, f"{key} table, {total:,} rows"),
        file_name=f"{key}.csv",
        mime="text/csv",
        key=f"{key}_csv",
        on_click="ignore",
    )


HEATMAP_CELLS = 2_000  # a heatmap sends at most this many cells to the browser
CHART_SUPPLIERS = 30  # a chart with a bar or a row per supplier draws at most this many (a screen high)
# A heatmap writes its numbers in the cells up to this many: beyond, they are too small to read
# (the colour and the hover say them) and the browser draws a text per cell at every change.
TEXT_CELLS = 300


def first_bars(frame: pd.DataFrame, by: str, caption: str, ascending: bool = True) -> pd.DataFrame:
    """A chart's rows when it draws a bar per supplier, cut to CHART_SUPPLIERS: with more, the
    first by `by` (lowest first, or highest when not ascending: the suppliers to look at first;
    ties by name), and `caption` (already in the user's language, with {shown} and {rows}) says
    so. Hundreds of bars make a chart thousands of pixels high, which no one reads on a shared
    screen and the browser takes ~0.35 s to draw again at every change."""
    if len(frame) <= CHART_SUPPLIERS:
        return frame
    st.caption(caption.format(shown=f"{CHART_SUPPLIERS:,}", rows=f"{len(frame):,}"))
    ordered = frame.sort_values(
        [by, "supplier"], ascending=[ascending, True], kind="stable", na_position="last"
    )
    return ordered.head(CHART_SUPPLIERS)


def lowest_rows(table: pd.DataFrame, caption: str) -> pd.DataFrame:
    """A heatmap's table (a row per supplier) cut to CHART_SUPPLIERS rows and HEATMAP_CELLS
    cells: with more, the rows with the lowest totals (the suppliers to look at first), and
    `caption` (already in the user's language, with {shown} and {rows}) says so; the tables
    below hold every supplier. Hundreds of rows in a chart's height are a grey blur that the
    browser draws again at every change."""
    keep = max(1, min(CHART_SUPPLIERS, HEATMAP_CELLS // max(1, table.shape[1])))
    if len(table) <= keep:
        return table
    st.caption(caption.format(shown=f"{keep:,}", rows=f"{len(table):,}"))
    order = table.sum(axis=1, min_count=1).fillna(-1).sort_values(kind="stable").index
    return table.loc[sorted(order[:keep], key=str.lower)]


def show_import_history(history: pd.DataFrame) -> None:
    """The import history, headed and its outcomes written in the user's language."""
    outcomes = {
        "stored": t("stored"),
        "unchanged": t("unchanged"),
        "refused": t("refused"),
        "undone": t("undone"),
    }
    st.dataframe(
        history.assign(outcome=history["outcome"].map(lambda outcome: outcomes.get(outcome, outcome))),
        hide_index=True,
        width="stretch",
        column_config={
            "import_id": t("Import no."),
            "file_name": t("File"),
            "imported_by": t("Imported by"),
            "imported_at": t("Imported at"),
            "programme": t("Programme"),
            "outcome": t("Outcome"),
            "undone_at": t("Undone at"),
            "rejected_rows": t("Rejected rows"),
        },
    )


def chart(build):
    """A page's chart. `build(*data)` makes a plotly figure from query results, taking as
    arguments everything the figure depends on (words come from t(): the language is part of
    the key); calling the decorated function draws the figure. Plotly takes 30-40 ms of CPU to
    build a figure and ~3 ms to send a built one, so a built figure is kept per builder, data
    and language, shared by sessions and bounded: with filters seen before, a page draws its
    charts without building them again. A kept figure is never changed."""
    name = f"{build.__code__.co_filename}:{build.__qualname__}"

    def draw(*data) -> None:
        figure = _built_chart(name, language(), build, *data)
        st.plotly_chart(figure, config=CHART_CONFIG, width="stretch")

    return draw


@st.cache_resource(max_entries=256, show_spinner=False)
def _built_chart(name: str, lang: str, _build, *data):
    # name (the builder), lang and data are the key; _build, a page's function redefined by
    # every run, is not.
    figure = _build(*data)
    # Dutch writes 1.234,5: plotly's separators are the decimal mark, then the thousands mark.
    separators = ",." if lang == "nl" else ".,"
    figure.update_layout(margin={"l": 10, "r": 10, "t": 40, "b": 10}, separators=separators)
    return figure


def no_data(what: str | None = None) -> None:
    """Say there is nothing to show; `what` already in the user's language (t(...))."""
    st.info(t("There is no data for {what} with these filters and this period.", what=what or t("this view")))
