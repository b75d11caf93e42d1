"""Two languages on every page: what a page shows goes through t() and has its Dutch.

Read from the code (ast), so a new label without a translation fails here, not in a meeting:
- every t("...") sentence in pages/, dashboard.py and engagement/app.py is in
  engagement.page_texts.DUTCH, with the same {placeholders};
- no Streamlit call in those files shows English written in place (a literal or f-string
  label, caption, help, title...) instead of passing it through t().
And every page renders in Dutch through AppTest.
"""

import ast
import re
import string
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from engagement.app import PAGES
from engagement.db import open_database
from engagement.page_texts import DUTCH
from engagement.sample import load_sample

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "pages").glob("*.py")) + [ROOT / "dashboard.py", ROOT / "engagement" / "app.py"]
# Streamlit calls whose first argument (or these keywords) people read.
SHOWN = {
    "title", "header", "subheader", "caption", "markdown", "write", "info", "warning", "error",
    "success", "button", "download_button", "metric", "selectbox", "multiselect", "radio",
    "checkbox", "toggle", "number_input", "text_input", "text_area", "date_input", "expander",
    "form_submit_button", "file_uploader", "tabs", "spinner", "status", "toast", "page_link",
}  # fmt: skip
SHOWN_KEYWORDS = {"label", "help", "placeholder", "title", "caption"}
WORDS = re.compile(r"[A-Za-z]{2,}")


def _calls(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [node for node in ast.walk(tree) if isinstance(node, ast.Call)]


def _name(call: ast.Call) -> str | None:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None


def _english(node) -> bool:
    """A literal or f-string with words in it (not a key, a format or a symbol)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(WORDS.search(node.value)) and not node.value.startswith(("<style", ":material/"))
    if isinstance(node, ast.JoinedStr):
        return any(_english(part) for part in node.values if isinstance(part, ast.Constant))
    return False


def _sentences():
    for path in SOURCES:
        for call in _calls(path):
            if _name(call) == "t" and call.args:
                yield path, call.args[0]


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_what_a_page_shows_goes_through_t(path):
    written_in_place = []
    for call in _calls(path):
        if _name(call) not in SHOWN or not isinstance(call.func, ast.Attribute):
            continue
        shown = call.args[:1] + [k.value for k in call.keywords if k.arg in SHOWN_KEYWORDS]
        written_in_place += [
            f"line {call.lineno}: {ast.unparse(node)[:70]}" for node in shown if _english(node)
        ]
    assert not written_in_place, f"{path.name} shows English outside t(): {written_in_place}"


def test_every_sentence_has_its_dutch():
    missing, not_literal, placeholders = [], [], []
    for path, node in _sentences():
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            if path.name not in TABLES_OF_SENTENCES:
                not_literal.append(f"{path.name}:{node.lineno}")
            continue
        if node.value not in DUTCH:
            missing.append(node.value)
        elif _fields(node.value) != _fields(DUTCH[node.value]):
            placeholders.append(node.value)
    assert not not_literal, f"t() needs the English sentence itself, with {{placeholders}}: {not_literal}"
    assert not missing, f"sentences without Dutch in engagement/page_texts: {missing}"
    assert not placeholders, f"Dutch with other placeholders than the English: {placeholders}"


# Files that pass sentences from their tables to t() (checked in the test below).
TABLES_OF_SENTENCES = {"dashboard.py", "app.py"}


def test_the_menu_and_filter_names_have_their_dutch():
    from engagement.app import FILTER_LABELS, PRESET_LABELS

    sentences = (
        [title for _p, title, _i in PAGES] + list(PRESET_LABELS.values()) + list(FILTER_LABELS.values())
    )
    assert [s for s in sentences if s not in DUTCH] == []


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("dutch") / "sample.duckdb"
    con = open_database(path)
    load_sample(con)
    con.close()
    return path


@pytest.mark.parametrize("page", [p for p, _title, _icon in PAGES])
def test_every_page_in_dutch(sample_db, monkeypatch, page):
    monkeypatch.setenv("ENGAGEMENT_DB", str(sample_db))
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    app.query_params["lang"] = "nl"
    app.switch_page(page)  # before the first run: one run of dashboard.py, in Dutch, on the page
    app.run()
    assert not app.exception, app.exception
    assert app.session_state["language"] == "nl"
    title = next(t for p, t, _icon in PAGES if p == page)
    headings = [h.value for h in app.title]
    assert DUTCH[title] in headings or page == "pages/session.py", headings


def test_a_sentence_has_one_dutch_in_every_module():
    import importlib
    import pkgutil

    import engagement.page_texts as package

    seen: dict[str, tuple[str, str]] = {}
    clashes = []
    for module in pkgutil.iter_modules(package.__path__):
        for english, dutch in importlib.import_module(f"engagement.page_texts.{module.name}").DUTCH.items():
            if english in seen and seen[english][1] != dutch:
                clashes.append(
                    f"{english!r}: {seen[english][0]} {seen[english][1]!r}, {module.name} {dutch!r}"
                )
            seen.setdefault(english, (module.name, dutch))
    assert not clashes, clashes
