"""A sheet's cells as columns: Arrow arrays, blank cells null, parsed once per distinct value.

Readers hand over Arrow columns (Sheet.columns_after) or rows; either way each column
becomes a Cells. Parsing calls the single-cell parsers of engagement.ingest.values
once per distinct value and spreads the results over the rows: a million dates over
eight years are three thousand parses, and every value and message is exactly what
that cell alone would give.
"""

import json

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from engagement.ingest import values


class Cells:
    """One column of raw cells: an Arrow array (null where blank), or Python objects of mixed types."""

    def __init__(self, array: pa.ChunkedArray | None = None, objects: list | None = None):
        self.array, self.objects = array, objects
        self._distinct = None

    @classmethod
    def from_arrow(cls, array) -> "Cells":
        array = array if isinstance(array, pa.ChunkedArray) else pa.chunked_array([array])
        if pa.types.is_string(array.type) or pa.types.is_large_string(array.type):
            # Whitespace is blank (Arrow's whitespace is Python's), and so is empty text.
            blank = pc.or_(pc.utf8_is_space(array), pc.equal(pc.binary_length(array), 0))
            if pc.any(blank).as_py():
                array = pc.if_else(blank, pa.scalar(None, array.type), array)
        elif pa.types.is_floating(array.type) and pc.any(pc.is_nan(array)).as_py():
            array = pc.if_else(pc.is_nan(array), pa.scalar(None, array.type), array)
        return cls(array=array)

    @classmethod
    def from_objects(cls, cells: list) -> "Cells":
        """Python cells (str, float, bool, date, datetime...): as an Arrow array when all are text."""
        cells = [None if values.is_blank(cell) else cell for cell in cells]
        if all(cell is None or type(cell) is str for cell in cells):
            return cls(array=pa.chunked_array([pa.array(cells, pa.string())]))
        return cls(objects=cells)

    @classmethod
    def blank(cls, length: int) -> "Cells":
        return cls(array=pa.chunked_array([pa.nulls(length, pa.string())]))

    def __len__(self) -> int:
        return len(self.array) if self.array is not None else len(self.objects)

    @property
    def text(self) -> pa.ChunkedArray | None:
        """The cells as an Arrow string array, when they are all text (or blank)."""
        if self.array is not None and (
            pa.types.is_string(self.array.type) or self.array.null_count == len(self)
        ):
            return self.array.cast(pa.string()) if self.array.type != pa.string() else self.array
        return None

    def present(self) -> np.ndarray:
        """True where the cell is not blank."""
        if self.array is not None:
            return np.asarray(self.array.is_valid())
        return np.fromiter((cell is not None for cell in self.objects), bool, len(self.objects))

    def filter(self, keep: np.ndarray) -> "Cells":
        if self.array is not None:
            return Cells(array=self.array.filter(pa.array(keep)))
        return Cells(objects=[cell for cell, kept in zip(self.objects, keep, strict=True) if kept])

    def take(self, rows: np.ndarray) -> list:
        """The raw cells of some rows (in increasing order), as Python values (as a reader gives them)."""
        if self.array is None:
            return [self.objects[row] for row in rows]
        # Taking from a chunked array joins its chunks first: take from each chunk instead.
        starts = np.cumsum([0] + [len(chunk) for chunk in self.array.chunks])
        which = np.searchsorted(starts, rows, side="right") - 1
        cells = []
        for number in np.unique(which):
            local = rows[which == number] - starts[number]
            cells += self.array.chunk(int(number)).take(pa.array(local, pa.int64())).to_pylist()
        return cells

    def distinct(self) -> tuple[pa.Int32Array, list]:
        """A code per row (null where blank) and the distinct values, in order of first appearance."""
        codes, distinct = self.distinct_array()
        return codes, distinct if isinstance(distinct, list) else distinct.to_pylist()

    def distinct_array(self) -> tuple[pa.Int32Array, pa.Array | list]:
        """As distinct, with the distinct values as an Arrow array (a list when their types are mixed)."""
        if self._distinct is None:
            self._distinct = self._arrow_distinct() if self.array is not None else self._object_distinct()
        return self._distinct

    def _arrow_distinct(self):
        if self.array.null_count == len(self.array):
            return pa.nulls(len(self.array), pa.int32()), pa.array([], pa.string())
        encoded = pc.dictionary_encode(self.array)
        # Arrow encodes a chunked array with one dictionary shared by all chunks.
        codes = pa.chunked_array([chunk.indices for chunk in encoded.chunks], pa.int32()).combine_chunks()
        return codes, encoded.chunks[0].dictionary

    def _object_distinct(self):
        index: dict = {}
        codes, distinct = [], []
        for cell in self.objects:
            if cell is None:
                codes.append(None)
                continue
            key = (type(cell), cell)  # by type too: True and 1.0 are equal in Python, not as cells
            try:
                code = index.get(key)
            except TypeError:  # an unhashable cell is a value of its own
                key, code = None, None
            if code is None:
                code = len(distinct)
                distinct.append(cell)
                if key is not None:
                    index[key] = code
            codes.append(code)
        return pa.array(codes, pa.int32()), distinct


def sheet_columns(sheet, header_index: int) -> list[Cells]:
    """The columns below a sheet's header row, by position."""
    columns_after = getattr(sheet, "columns_after", None)
    if columns_after is not None:
        return [Cells.from_arrow(column) for column in columns_after(header_index).columns]
    rows = sheet.rows_after(header_index)
    width = max((len(row) for row in rows), default=0)
    return [Cells.from_objects([row[p] if p < len(row) else None for row in rows]) for p in range(width)]


def spread(per_value: list, codes: pa.Int32Array, arrow_type: pa.DataType) -> pa.Array:
    """Per-distinct results spread over the rows (null where the cell is blank)."""
    return pa.array(per_value, arrow_type).take(codes)


def parse_each(cells: Cells, parse, arrow_type: pa.DataType) -> tuple[pa.Array, pa.Array | None]:
    """Parsed values (null where blank, empty or wrong) and error messages, one parse per distinct value."""
    codes, distinct = cells.distinct()
    parsed, messages = [], []
    for cell in distinct:
        try:
            value, message = parse(cell), None
        except values.BadValue as problem:
            value, message = None, str(problem)
        parsed.append(None if value == "" or value == [] else value)
        messages.append(message)
    errors = spread(messages, codes, pa.string()) if any(messages) else None
    return spread(parsed, codes, arrow_type), errors


def counts(cells: Cells) -> list[int]:
    """How many rows hold each distinct value (in the order of Cells.distinct)."""
    codes, distinct = cells.distinct()
    present = codes.drop_null().to_numpy()
    return np.bincount(present, minlength=len(distinct)).tolist()


def texts(cells: Cells) -> pa.ChunkedArray:
    """values.parse_text of every cell: text trimmed, other cells as a report shows them."""
    text = cells.text
    if text is not None:
        return pc.utf8_trim_whitespace(text)
    codes, distinct = cells.distinct()
    return pa.chunked_array([spread([values.parse_text(cell) for cell in distinct], codes, pa.string())])


# --- JSON for extra columns ----------------------------------------------------------

_NEEDS_ESCAPE = r'["\\\x00-\x1f\x7f]'  # what json.dumps escapes among ASCII characters


def json_members(cells: Cells, key: str) -> pa.Array:
    """'"key": value' per row as json.dumps writes a dict member (null where blank)."""
    prefix = json.dumps(key) + ": "
    text = cells.text
    if text is None:
        codes, distinct = cells.distinct()
        members = [prefix + json.dumps(values.to_json_value(cell), default=str) for cell in distinct]
        return spread(members, codes, pa.string())
    text = text.combine_chunks()
    # Plain ASCII text needs no escaping: quoted as it is; the rest through json.dumps.
    plain = pc.and_(pc.string_is_ascii(text), pc.invert(pc.match_substring_regex(text, _NEEDS_ESCAPE)))
    members = pc.binary_join_element_wise(prefix + '"', text, '"', "")
    awkward = pc.and_(text.is_valid(), pc.invert(plain))
    if pc.any(awkward).as_py():
        escaped = [prefix + json.dumps(cell) for cell in text.filter(awkward).to_pylist()]
        members = pc.replace_with_mask(members, awkward, pa.array(escaped, pa.string()))
    return members


def json_objects(members: list[pa.Array], length: int) -> pa.Array:
    """The members of each row joined into a JSON object; null for a row with none."""
    if not members:
        return pa.nulls(length, pa.string())
    # Each member is ", member" (null when blank); joined with the blanks as "", then the first
    # ", " cut off. (Arrow's null_handling="skip" drops the rows where all are null.)
    separated = [pc.binary_join_element_wise(", ", member, "") for member in members]
    joined = pc.binary_join_element_wise(*separated, "", null_handling="replace", null_replacement="")
    joined = pc.utf8_slice_codeunits(joined, 2)
    objects = pc.binary_join_element_wise("{", joined, "}", "")
    return pc.if_else(pc.equal(joined, ""), pa.scalar(None, pa.string()), objects)
