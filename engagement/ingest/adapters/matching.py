"""Finding known supplier and buyer names (and their aliases) inside free text.

A calendar subject or an attendee line names a supplier in passing ("Overleg Acme
over traceerbaarheid", "Jan de Vries (Gemeente Havenstad)"): a name is found when
its words occur in that order as whole words, compared folded (no case, accents or
punctuation), so "VDL Bus & Coach" is found in "Overleg VDL bus & coach, 3 mei".
A name's legal form may be left out ("Acme" in a subject finds the supplier
"Acme B.V."), unless two known names share what is left.
"""

from engagement.ingest.words import fold_words

# Legal forms left out when a name is looked for without one; "B.V." folds to "b", "v".
LEGAL_FORMS = {
    "ab", "ag", "as", "bv", "co", "company", "corp", "corporation", "cv", "gmbh", "inc",
    "incorporated", "kft", "limited", "llc", "ltd", "nv", "oy", "plc", "pte", "pvt", "sa",
    "sas", "se", "sl", "spa", "sro", "srl", "vof",
}  # fmt: skip
SHORTEST_NAME = 2  # characters (folded); shorter names would be found in every text
SHORTEST_CORE = 3  # characters left after the legal form, for the name to be found without it


def without_legal_form(words: list[str]) -> list[str]:
    """['acme', 'b', 'v'] -> ['acme']: the name's words without trailing legal forms."""
    words = list(words)
    while words:
        if words[-1] in LEGAL_FORMS:
            words.pop()
        elif (
            len(words) >= 2 and len(words[-1]) == len(words[-2]) == 1 and words[-2] + words[-1] in LEGAL_FORMS
        ):
            del words[-2:]
        else:
            break
    return words


def known_spellings(names, kind: str) -> list[tuple[str, str]]:
    """(spelling, canonical name) for every known name and alias of a kind ('supplier' or 'buyer').

    Reads the NameBook's tables directly: NameBook has no public listing yet.
    """
    if names is None:
        return []
    known = [(name, name) for (k, _programme, _key), name in names._known.items() if k == kind]
    aliases = [(alias, name) for (k, alias), name in names._aliases.items() if k == kind]
    return known + aliases


class NameFinder:
    """The known names of one kind, ready to be found in text."""

    def __init__(self, spellings: list[tuple[str, str]]):
        full: dict[tuple[str, ...], str] = {}
        cores: dict[tuple[str, ...], set[str]] = {}
        for spelling, name in spellings:
            words = fold_words(spelling)
            if len("".join(words)) < SHORTEST_NAME:
                continue
            full.setdefault(tuple(words), name)
            core = without_legal_form(words)
            if core != words and len("".join(core)) >= SHORTEST_CORE:
                cores.setdefault(tuple(core), set()).add(name)
        # A core shared by two names ("Acme BV", "Acme GmbH") finds neither.
        self._spellings = {core: owners.pop() for core, owners in cores.items() if len(owners) == 1}
        self._spellings.update(full)
        self._lengths = sorted({len(words) for words in self._spellings}, reverse=True)

    def __bool__(self) -> bool:
        return bool(self._spellings)

    def find(self, text) -> list[str]:
        """The names found in the text, in the order they occur, each once; longest match first."""
        if not self._spellings or text is None:
            return []
        words = fold_words(text)
        found = []
        i = 0
        while i < len(words):
            for length in self._lengths:
                name = self._spellings.get(tuple(words[i : i + length]))
                if name:
                    found.append(name)
                    i += length
                    break
            else:
                i += 1
        return list(dict.fromkeys(found))

    def find_in(self, *texts) -> list[str]:
        """The names found in each text in turn, each once."""
        return list(dict.fromkeys(name for text in texts for name in self.find(text)))


def finders(names) -> tuple[NameFinder, NameFinder]:
    """A NameFinder for the known suppliers and one for the known buyers."""
    return NameFinder(known_spellings(names, "supplier")), NameFinder(known_spellings(names, "buyer"))
