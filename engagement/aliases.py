"""Aliases: other spellings of a supplier's or buyer's name that imports read as that name.

"VDL Bus & Coach" and "VDL Bus and Coach B.V." can be one supplier: the importer
(engagement.ingest.names.NameBook) looks every name up in the `aliases` table.
An alias changes future imports only; rows already stored keep their names.
"""

import sys
from dataclasses import dataclass

from engagement import db
from engagement.store import normalise_name

KINDS = {"supplier": "suppliers", "buyer": "buyers"}  # alias kind -> the table of its names


class AliasError(ValueError):
    """An alias that cannot be added or removed; the message says why and what to do."""


@dataclass(frozen=True)
class Alias:
    kind: str  # 'supplier' or 'buyer'
    alias: str  # as the user wrote it
    name: str  # the name it stands for


def list_aliases(con) -> list[Alias]:
    """Every alias, by kind, then name, then alias."""
    rows = con.execute(
        "select kind, alias, name from aliases order by kind, lower(name), lower(alias)"
    ).fetchall()
    return [Alias(*row) for row in rows]


def add_alias(con, kind: str, alias: str, name: str) -> Alias:
    """Read `alias` as `name` in future imports; AliasError when that would be ambiguous.

    Refused: an alias that is itself a known supplier (or buyer) other than `name`,
    an alias already standing for another name, and chains (an alias of an alias).
    Adding an alias that exists for the same name changes nothing.
    """
    table = _table(kind)
    alias, name = _clean(alias), _clean(name)
    if not alias or not name:
        raise AliasError("an alias and the name it stands for are both needed")
    alias_key, name_key = normalise_name(alias), normalise_name(name)
    if alias_key == name_key:
        raise AliasError(
            f"{alias!r} and {name!r} are already the same {kind} (names match ignoring case and spaces)"
        )
    existing = _alias_of(con, kind, alias_key)
    if existing and normalise_name(existing[1]) == name_key:
        return Alias(kind, existing[0], existing[1])
    if existing:
        raise AliasError(
            f"{alias!r} is already an alias of {existing[1]!r}; remove it first "
            f"(python -m engagement aliases remove {kind} {_quoted(alias)})"
        )
    target = _alias_of(con, kind, name_key)
    if target:
        raise AliasError(
            f"{name!r} is itself an alias of {target[1]!r}; make {alias!r} an alias of {target[1]!r}"
        )
    pointing = _aliases_for(con, kind, alias_key)
    if pointing:
        raise AliasError(
            f"{alias!r} is the name other aliases stand for ({_listed(pointing)}); an alias of an alias "
            "would not be followed. "
            f"Remove those first, or make them aliases of {name!r}"
        )
    programmes = _programmes_of(con, table, alias_key)
    if programmes:
        raise AliasError(
            f"{alias!r} is already a {kind} (in {_listed(programmes)}); an alias only changes how future "
            f"imports read names, so the rows stored under {alias!r} would stay apart from {name!r}. To merge "
            f"them, undo the imports that brought {alias!r} in, add the alias, then import those files again"
        )
    stored_name = _known_spelling(con, table, name_key) or name
    con.execute("begin transaction")
    try:
        con.execute(
            "insert into aliases (kind, alias_key, alias, name) values ($kind, $key, $alias, $name)",
            {"kind": kind, "key": alias_key, "alias": alias, "name": stored_name},
        )
        db.bump_data_version(con)
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    return Alias(kind, alias, stored_name)


def remove_alias(con, kind: str, alias: str) -> Alias:
    """Forget an alias (future imports read it as a name of its own); AliasError when there is none."""
    _table(kind)
    alias_key = normalise_name(_clean(alias))
    existing = _alias_of(con, kind, alias_key)
    if not existing:
        raise AliasError(f"there is no {kind} alias {_clean(alias)!r} (python -m engagement aliases list)")
    con.execute("begin transaction")
    try:
        con.execute(
            "delete from aliases where kind = $kind and alias_key = $key", {"kind": kind, "key": alias_key}
        )
        db.bump_data_version(con)
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    return Alias(kind, *existing)


def is_known(con, kind: str, name: str) -> bool:
    """Whether some programme already has this supplier (or buyer)."""
    return bool(_programmes_of(con, _table(kind), normalise_name(_clean(name))))


def _table(kind: str) -> str:
    if kind not in KINDS:
        raise AliasError(f"unknown kind {kind!r} (choose supplier or buyer)")
    return KINDS[kind]


def _clean(text: str) -> str:
    return " ".join(str(text).split())


def _alias_of(con, kind: str, key: str) -> tuple[str, str] | None:
    return con.execute(
        "select alias, name from aliases where kind = $kind and alias_key = $key", {"kind": kind, "key": key}
    ).fetchone()


def _aliases_for(con, kind: str, name_key: str) -> list[str]:
    rows = con.execute("select alias, name from aliases where kind = $kind order by alias", {"kind": kind})
    return [alias for alias, name in rows.fetchall() if normalise_name(name) == name_key]


def _names(con, table: str) -> list[tuple[str, str]]:
    # Table and column names come from KINDS, never from user input.
    column = next(kind for kind, t in KINDS.items() if t == table)
    return con.execute(f"select programme, {column} from {table} order by programme").fetchall()  # noqa: S608


def _programmes_of(con, table: str, key: str) -> list[str]:
    return list(dict.fromkeys(p for p, n in _names(con, table) if normalise_name(n) == key))


def _known_spelling(con, table: str, key: str) -> str | None:
    return next((n for _p, n in _names(con, table) if normalise_name(n) == key), None)


def _listed(items: list[str]) -> str:
    shown = ", ".join(repr(i) for i in items[:5])
    return shown + (f" and {len(items) - 5} more" if len(items) > 5 else "")


def _quoted(text: str) -> str:
    return f'"{text}"' if " " in text else text


def run_aliases(args) -> int:
    """`python -m engagement aliases list|add|remove`: 0 done, 2 refused (with the reason)."""
    con = db.open_database(args.db)
    try:
        if args.alias_command == "list":
            aliases = list_aliases(con)
            if not aliases:
                print("No aliases yet (python -m engagement aliases add supplier ALIAS NAME).")
            for a in aliases:
                print(f"{a.kind}\t{a.alias}\t-> {a.name}")
            return 0
        if args.alias_command == "add":
            added = add_alias(con, args.kind, args.alias, args.name)
            print(
                f"Imports now read {added.kind} {added.alias!r} as {added.name!r}; stored rows are unchanged."
            )
            if not is_known(con, args.kind, added.name):
                print(
                    f"Note: {added.name!r} is not a {args.kind} yet; an import naming either spelling creates it."
                )
            return 0
        removed = remove_alias(con, args.kind, args.alias)
        print(f"Removed: imports read {removed.kind} {removed.alias!r} as a name of its own again.")
        return 0
    except AliasError as refused:
        print(f"Refused: {refused}", file=sys.stderr)
        return 2
    finally:
        con.close()
