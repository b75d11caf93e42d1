"""Supplier and buyer names: matched case- and space-insensitively and through aliases.

A name that matches nothing is created (in the row's programme) and reported;
the canonical spelling is what gets stored.
"""

from engagement.store import normalise_name

KINDS = {"suppliers": "supplier", "buyers": "buyer"}  # table -> alias kind (and its name column)


class NameBook:
    """The names known in the database, plus those this file defines or creates."""

    def __init__(self, con):
        self._aliases = {
            (kind, key): name
            for kind, key, name in con.execute("select kind, alias_key, name from aliases").fetchall()
        }
        self._known: dict[tuple[str, str, str], str] = {}
        for table, kind in KINDS.items():
            # Table names come from KINDS, never from user input.
            rows = con.execute(f"select programme, {kind} from {table}").fetchall()  # noqa: S608
            for programme, name in rows:
                self._known[(kind, normalise_name(programme), normalise_name(name))] = name
        # (kind, programme key, name key) -> (programme, name), in the order first met
        self.created: dict[tuple[str, str, str], tuple[str, str]] = {}

    def _canonical(self, kind: str, programme: str, raw: str) -> tuple[tuple[str, str, str], str]:
        name = " ".join(str(raw).split())
        target = self._aliases.get((kind, normalise_name(name)))
        if target:
            name = target
        return (kind, normalise_name(programme), normalise_name(name)), name

    def resolve(self, kind: str, programme: str, raw: str) -> str:
        """The canonical name a row refers to; unknown names are created."""
        key, name = self._canonical(kind, programme, raw)
        if key not in self._known:
            self._known[key] = name
            self.created[key] = (programme, name)
        return self._known[key]

    def define(self, kind: str, programme: str, raw: str) -> str:
        """A name from the supplier or buyer list itself: known from now on, never reported as created."""
        key, name = self._canonical(kind, programme, raw)
        self.created.pop(key, None)
        return self._known.setdefault(key, name)
