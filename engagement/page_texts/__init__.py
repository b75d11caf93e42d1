"""The dashboard's own sentences in Dutch, keyed by their English.

Pages write what they show in English, through engagement.app.t("Open cases: {n}", n=3);
in Dutch the sentence is looked up here. One module per page (and `common` for the entry
script and engagement/app.py), merged into DUTCH. KPI names and rules, escalation steps,
statuses and the formats of numbers and dates are in engagement.texts, the catalogue the
reports use: this package is its part for the pages. tests/test_page_texts.py checks that
every sentence a page passes to t() has its Dutch here.
"""

import importlib
import pkgutil

DUTCH: dict[str, str] = {}
for _module in pkgutil.iter_modules(__path__):
    DUTCH |= importlib.import_module(f"{__name__}.{_module.name}").DUTCH


def translate(english: str, lang: str, **values) -> str:
    """The sentence in the language, with {placeholders} filled from values. A sentence without
    Dutch stays English (the test keeps that from happening)."""
    template = DUTCH.get(english, english) if lang == "nl" else english
    return template.format(**values) if values else template
