"""Folding text for matching: headers, sheet names, enumeration words and topics."""

import re
import unicodedata

_NOT_ALPHANUMERIC = re.compile(r"[^0-9a-z]+")


def strip_accents(text: str) -> str:
    """'Thema's géén' -> "Thema's geen": accents go, everything else stays."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text) -> str:
    """The form labels are compared in: no case, accents, spaces, underscores or punctuation."""
    return _NOT_ALPHANUMERIC.sub("", strip_accents(str(text)).casefold())


def fold_words(text) -> list[str]:
    """The words of a label, folded: 'Export_Bijeenkomsten 2024' -> ['export', 'bijeenkomsten', '2024']."""
    return [w for w in _NOT_ALPHANUMERIC.split(strip_accents(str(text)).casefold()) if w]
