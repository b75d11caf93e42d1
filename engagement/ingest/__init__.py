"""The importer: exports users bring (csv, xlsx, xlsm, ods, xls) into the database.

read -> header -> values / validate -> names -> run (one transaction per file);
command prints the report for `python -m engagement import`.
"""

from engagement.ingest.report import FileReport, RowError
from engagement.ingest.run import import_file, import_files

__all__ = ["FileReport", "RowError", "import_file", "import_files"]
