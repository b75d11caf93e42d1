"""The meeting type a calendar subject or meeting title says: 'Locatiebezoek Acme' is a site visit.

The words are the importer's own (vocabulary.MEETING_TYPES), plus the Dutch compounds
subjects are written in ("vervolgoverleg", "fabrieksbezoek", "marktconsultatie").
A subject that says none of them is a dialogue, as a blank type is.
"""

from engagement.ingest.words import fold_words
from engagement.vocabulary import MEETING_TYPES

# Looked for in this order: "vervolg op locatiebezoek" is a site visit.
_TYPES = ("market_event", "site_visit", "follow_up")
_MORE_WORDS = {
    "market_event": ["market consultation", "market day", "marktdag"],
    "site_visit": ["visit", "factory visit", "audit visit"],
    "follow_up": ["followup", "follow up meeting"],
}
# Dutch compounds: (type, prefix, suffixes): a word made of the prefix, anything, and one of the suffixes
_COMPOUNDS = [
    ("market_event", "markt", ("bijeenkomst", "consultatie", "dag", "verkenning", "sessie")),
    ("site_visit", "", ("bezoek",)),
    ("follow_up", "vervolg", ("",)),
    ("follow_up", "opvolging", ("",)),
]


def _phrases() -> dict[str, list[tuple[str, ...]]]:
    phrases = {}
    for meeting_type in _TYPES:
        words = [meeting_type, *MEETING_TYPES[meeting_type], *_MORE_WORDS[meeting_type]]
        phrases[meeting_type] = [tuple(fold_words(w)) for w in words]
    return phrases


_PHRASES = _phrases()


def meeting_type(subject: str | None) -> str:
    """market_event, site_visit, follow_up when the subject says so; else dialogue."""
    words = fold_words(subject or "")
    for meeting_type in _TYPES:
        for phrase in _PHRASES[meeting_type]:
            if any(tuple(words[i : i + len(phrase)]) == phrase for i in range(len(words))):
                return meeting_type
        for kind, prefix, suffixes in _COMPOUNDS:
            if kind == meeting_type and any(
                w.startswith(prefix) and w.endswith(suffix) and len(w) >= len(prefix) + len(suffix)
                for w in words
                for suffix in suffixes
            ):
                return meeting_type
    return "dialogue"
