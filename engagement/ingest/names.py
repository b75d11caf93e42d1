"""Supplier and buyer names: matched case- and space-insensitively and through aliases.

A name that matches nothing is created (in the row's programme) and reported;
the canonical spelling is what gets stored.
"""

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from engagement.ingest import lists
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


def resolve_columns(
    names: NameBook, table, records: dict[str, pa.Array], programmes: pa.Array, accepted: np.ndarray
) -> None:
    """Replace the names in a table's accepted rows (a mask) by their canonical names, in place.

    Each distinct (programme, name) is resolved once, in the order the rows meet it
    (row, then column, then place in a list), as resolving row by row would: the first
    spelling of a new name is the one created, and created names are reported in that order.
    """
    own_kind = KINDS.get(table.name)
    programme_codes, programme_names = _codes(programmes)
    columns = {}  # column order -> (column name, kind, define or resolve, occurrences)
    for order, column in enumerate(table.columns):
        if own_kind and column.name == own_kind:
            kind, resolve = own_kind, names.define
        elif column.refers_to:
            kind, resolve = KINDS[column.refers_to], names.resolve
        else:
            continue
        occurrences = _Occurrences(records[column.name], programme_codes, programme_names, accepted)
        columns[order] = (column.name, kind, resolve, occurrences)
    events = sorted(event for order, column in columns.items() for event in column[3].firsts(order))
    canonical = {order: {} for order in columns}  # column order -> {pair: canonical name}
    for _row, order, _position, pair in events:
        _name, kind, resolve, occurrences = columns[order]
        canonical[order][pair] = resolve(kind, *occurrences.pair(pair))
    for order, (name, _kind, _resolve, occurrences) in columns.items():
        records[name] = occurrences.replaced(canonical[order])


class _Occurrences:
    """Where each distinct (programme, name) of one column occurs, in a text or a list column.

    Work is per unit, a distinct (programme, cell) pair: units are numbered in the order
    of the row where each is first met, so their items, in unit order, meet each name first
    where the rows first meet it.
    """

    def __init__(self, array: pa.Array, programme_codes: np.ndarray, programmes: list, accepted: np.ndarray):
        array, self.programmes = _whole(array), programmes
        self.rows, self.is_list = len(array), not pa.types.is_string(array.type)
        if self.is_list:
            lists_of_cells = lists.as_dictionary(array)
            cell_codes, cell_lists = lists_of_cells.indices, lists_of_cells.dictionary
        else:
            encoded = pc.dictionary_encode(array)
            cell_codes, names = encoded.indices, encoded.dictionary
            cell_lists = pa.ListArray.from_arrays(pa.array(np.arange(len(names) + 1, dtype=np.int32)), names)
        cells = len(cell_lists)
        self.present = np.flatnonzero(np.asarray(cell_codes.is_valid()) & accepted)
        at = np.asarray(cell_codes.fill_null(0), np.int64)[self.present]
        self.unit_of_row, units = pd.factorize(programme_codes[self.present] * cells + at)
        first_row = self.present[pd.Series(self.unit_of_row).drop_duplicates().index.to_numpy()]
        unit_lists = cell_lists.take(pa.array(units % cells))
        self.parent, item_codes, self.names = lists.items(unit_lists)
        self.first_row, self.position = first_row[self.parent], lists.positions(self.parent)
        unit_programme = units // cells
        self.pair_codes, self.pair_values = pd.factorize(
            unit_programme[self.parent] * (len(self.names) + 1) + item_codes
        )
        self.units = len(units)

    def firsts(self, order: int):
        """(row, column order, position in the list, pair) where each distinct pair is first met."""
        for index in pd.Series(self.pair_codes).drop_duplicates().index:
            yield int(self.first_row[index]), order, int(self.position[index]), int(self.pair_codes[index])

    def pair(self, pair: int) -> tuple[str, str]:
        """(programme, name as written) of a pair."""
        programme, name = divmod(int(self.pair_values[pair]), len(self.names) + 1)
        return self.programmes[programme], self.names[name]

    def replaced(self, canonical: dict[int, str]) -> pa.Array:
        """The column with every name replaced; a list loses names that became repeats."""
        resolved = [canonical[pair] for pair in range(len(self.pair_values))]
        final = list(dict.fromkeys(resolved))
        index = {name: code for code, name in enumerate(final)}
        to_final = np.array([index[name] for name in resolved], np.int64)
        codes = to_final[self.pair_codes] if len(self.pair_codes) else np.zeros(0, np.int64)
        unit_lists = lists.rebuild(
            self.parent, codes, lists.first_of_each(self.parent, codes), final, self.units
        )
        unit_of_row = np.full(self.rows, -1, np.int64)
        unit_of_row[self.present] = self.unit_of_row
        row_units = pa.array(unit_of_row.astype(np.int32), mask=unit_of_row < 0)
        if self.is_list:
            return pa.DictionaryArray.from_arrays(row_units, unit_lists)
        return pc.list_flatten(unit_lists).take(row_units)


def _codes(array: pa.Array) -> tuple[np.ndarray, list]:
    encoded = pc.dictionary_encode(_whole(array))
    return encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64), encoded.dictionary.to_pylist()


def _whole(array) -> pa.Array:
    return array.combine_chunks() if isinstance(array, pa.ChunkedArray) else array
