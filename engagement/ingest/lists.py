"""List cells (buyers, topics, remedy) as whole columns, by the rules of values.parse_list.

A column of lists is an Arrow dictionary array: a code per row pointing at the list of
its distinct cell (null for a blank cell or a cell without items). The work happens once
per distinct cell: split with Arrow (by ; | or line breaks, else by commas), each distinct
piece cleaned in Python as parse_list cleans it. DuckDB reads such a column as varchar[].
"""

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from engagement.ingest import values
from engagement.ingest.columns import Cells
from engagement.ingest.words import fold

_SEPARATORS = "[;|\n\r]"


def split_lists(cells: Cells, commas: bool = False) -> pa.DictionaryArray:
    """values.parse_list of every cell, without removing repeated items (see unique_items)."""
    codes, distinct = cells.distinct_array()
    if pa.types.is_string(distinct.type):
        cell_text = pc.utf8_trim_whitespace(distinct)
    else:
        cell_text = pa.array([values.parse_text(cell) for cell in distinct.to_pylist()], pa.string())
    if commas:
        normalised, pattern = cell_text, "[;|,\n\r]+"
    else:
        # Names may hold commas: commas separate only when nothing else does.
        has_separator = pc.match_substring_regex(cell_text, _SEPARATORS)
        normalised = pc.if_else(has_separator, cell_text, pc.replace_substring(cell_text, ",", ";"))
        pattern = _SEPARATORS + "+"
    pieces = pc.split_pattern_regex(normalised, pattern)
    parent, piece_codes, piece_values = items(pieces)
    cleaned = [" ".join(piece.split()) for piece in piece_values]
    item_values = list(dict.fromkeys(c for c in cleaned if c))
    index = {item: code for code, item in enumerate(item_values)}
    to_item = np.array([index.get(c, -1) for c in cleaned], np.int64)
    item_codes = to_item[piece_codes] if len(piece_codes) else piece_codes
    return pointing(codes, rebuild(parent, item_codes, item_codes >= 0, item_values, len(distinct)))


def pointing(codes: pa.Array, per_cell: pa.Array) -> pa.DictionaryArray:
    """Rows pointing at lists; a row whose list is null is null itself, so is_null tells blanks."""
    codes = _whole(codes)
    absent = np.asarray(per_cell.is_null())
    if absent.any():
        at = np.asarray(codes.fill_null(-1), np.int64)
        keep = (at >= 0) & ~absent[np.maximum(at, 0)]
        codes = pa.array(at.astype(np.int32), mask=~keep)
    return pa.DictionaryArray.from_arrays(codes.cast(pa.int32()), per_cell)


def as_dictionary(lists: pa.Array) -> pa.DictionaryArray:
    """A list column as a dictionary array (a plain list array points at its own rows)."""
    lists = _whole(lists)
    if pa.types.is_dictionary(lists.type):
        return lists
    return pointing(pa.array(np.arange(len(lists), dtype=np.int32)), lists)


def items(lists: pa.Array) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """The items of plain lists: the list each is in, a code per item, and the distinct items."""
    lists = _whole(lists)
    flat = pc.list_flatten(lists)
    parent = pc.list_parent_indices(lists).to_numpy(zero_copy_only=False).astype(np.int64)
    if len(flat) == 0:
        return parent, np.zeros(0, np.int64), []
    encoded = pc.dictionary_encode(flat)
    codes = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64)
    return parent, codes, encoded.dictionary.to_pylist()


def rebuild(
    parent: np.ndarray, codes: np.ndarray, keep: np.ndarray, item_values: list, count: int
) -> pa.ListArray:
    """`count` plain lists of the kept items; null for a list left without items."""
    parent, codes = parent[keep], codes[keep]
    counts = np.bincount(parent, minlength=count)
    offsets = np.zeros(count + 1, np.int32)
    np.cumsum(counts, out=offsets[1:])
    flat = pa.array(item_values, pa.string()).take(pa.array(codes, pa.int64()))
    return pa.ListArray.from_arrays(pa.array(offsets), flat, mask=pa.array(counts == 0))


def positions(parent: np.ndarray) -> np.ndarray:
    """Each item's place in its list (0 for the first), from the list of every item, in order."""
    index = np.arange(len(parent))
    starts = np.ones(len(parent), bool)
    starts[1:] = parent[1:] != parent[:-1]
    return index - np.maximum.accumulate(np.where(starts, index, 0))


def first_of_each(parent: np.ndarray, codes: np.ndarray) -> np.ndarray:
    """True for the first occurrence of an item within its list (repeats are dropped)."""
    if len(codes) == 0:
        return np.zeros(0, bool)
    pairs = parent * (int(codes.max()) + 1) + codes
    return ~pd.Series(pairs).duplicated().to_numpy()


def map_lists(lists: pa.ListArray, mapping) -> pa.ListArray:
    """Plain lists with each item replaced by mapping(item), then each list's repeats dropped."""
    parent, codes, item_values = items(lists)
    mapped = [mapping(item) for item in item_values]
    final = list(dict.fromkeys(mapped))
    index = {item: code for code, item in enumerate(final)}
    to_final = np.array([index[item] for item in mapped], np.int64)
    final_codes = to_final[codes] if len(codes) else codes
    return rebuild(parent, final_codes, first_of_each(parent, final_codes), final, len(lists))


def map_items(lists: pa.DictionaryArray, mapping) -> pa.DictionaryArray:
    """map_lists on a list column, once per distinct cell."""
    return pa.DictionaryArray.from_arrays(lists.indices, map_lists(lists.dictionary, mapping))


def topics(lists: pa.DictionaryArray) -> pa.DictionaryArray:
    """values.parse_topics of split lists: topic words as canonical topics, unknown ones as written."""
    return map_items(lists, lambda item: values.TOPIC_WORDS.get(fold(item), item))


def unique_items(lists: pa.DictionaryArray) -> pa.DictionaryArray:
    """Each list without its repeated items (the first kept)."""
    return map_items(lists, lambda item: item)


def used_items(lists: pa.Array, rows: np.ndarray) -> list[str]:
    """The distinct items of the lists that some rows (a mask) point at."""
    lists = as_dictionary(lists)
    used = pc.unique(lists.indices.filter(pa.array(rows)).drop_null())
    return pc.unique(pc.list_flatten(lists.dictionary.take(used))).to_pylist()


def _whole(array):
    return array.combine_chunks() if isinstance(array, pa.ChunkedArray) else array
