"""Downloads people open in a spreadsheet program: no text cell is read as a formula."""

import csv
import io

import pandas as pd

from engagement.exports import restore_cell, safe_cell, safe_csv


def test_formula_like_text_is_neutralised_and_numbers_stay():
    assert safe_cell('=HYPERLINK("http://evil","x")') == '\'=HYPERLINK("http://evil","x")'
    assert safe_cell("@SUM(A1)") == "'@SUM(A1)" and safe_cell("+cmd") == "'+cmd"
    assert safe_cell("-12,5%") == "-12,5%" and safe_cell("+31 20 555 0100") == "+31 20 555 0100"
    assert safe_cell(-3) == -3 and safe_cell("Voltara Cars") == "Voltara Cars"
    assert restore_cell(safe_cell("=1+1")) == "=1+1"


def test_a_csv_download_neutralises_every_text_column():
    frame = pd.DataFrame(
        {
            "supplier": ['=HYPERLINK("http://evil","x")', "Café Électrique"],
            "decision": ["@SUM(1)", None],
            "days": [12, -3],
        }
    )
    data = safe_csv(frame)
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads the accents right
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0]["supplier"].startswith("'=") and rows[0]["decision"] == "'@SUM(1)"
    assert rows[1]["supplier"] == "Café Électrique" and rows[1]["days"] == "-3"
