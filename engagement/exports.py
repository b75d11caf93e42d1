"""Cells of files people open in a spreadsheet program (workbooks, CSV reports).

A text cell starting with = + - @ (or a tab or carriage return) is read as a
formula by Excel and LibreOffice: an imported value like =HYPERLINK(...) would
run when the export is opened. Every exporter writes text through safe_cell.
"""

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# "-1", "+31 20 555 0100", "-12,5%": a sign before a plain number calls nothing, so it stays as written.
_PLAIN_NUMBER = re.compile(r"[+-][\d .,]*\d%?")


def safe_cell(value):
    """The value to write to a cell: text that a spreadsheet would run as a formula gets a leading '."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def restore_cell(value):
    """The inverse of safe_cell, for readers of our own exports: '=x back to =x, other values as they are."""
    if isinstance(value, str) and value.startswith("'") and safe_cell(value[1:]) == value:
        return value[1:]
    return value


def safe_csv(frame) -> bytes:
    """A table as CSV for a download button: every text cell through safe_cell, UTF-8 with a
    byte-order mark so that Excel reads accents right."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or str(safe[column].dtype) in ("str", "string"):
            safe[column] = safe[column].map(safe_cell)
    return safe.to_csv(index=False).encode("utf-8-sig")
