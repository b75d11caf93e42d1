"""What an import says about one file: counts per table, row errors, warnings, or why it was refused."""

from dataclasses import dataclass, field

COUNTS = ("accepted", "rejected", "inserted", "updated", "unchanged")


@dataclass
class RowError:
    sheet: str | None
    row: int | None  # as a spreadsheet program shows it; None for a sheet-level problem
    column: str | None
    value: str | None
    message: str

    def to_json(self) -> dict:
        return {
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "message": self.message,
        }


@dataclass
class FileReport:
    """The outcome of importing one file (IMPORT_FORMAT.md, "Command line")."""

    file: str
    tables: dict[str, dict[str, int]] = field(default_factory=dict)
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    fatal: str | None = None  # one line: why nothing of the file could be imported
    outcome: str | None = None  # 'stored' or 'unchanged' (what would happen, on a dry run)
    dry_run: bool = False
    import_id: int | None = None
    # per sheet that went to a table: sheet, table, header_row, columns {label: column or None}
    sheets: list[dict] = field(default_factory=list)

    def counts(self, table_name: str) -> dict[str, int]:
        return self.tables.setdefault(table_name, dict.fromkeys(COUNTS, 0))

    @property
    def exit_code(self) -> int:
        """0 every row accepted, 1 some rows rejected, 2 the file could not be imported."""
        if self.fatal:
            return 2
        return 1 if self.errors else 0

    def to_json(self) -> dict:
        """The file's entry of `import --json`, as a dict ready for json.dumps."""
        errors = [e.to_json() for e in self.errors]
        if self.fatal:
            errors.append(RowError(None, None, None, None, self.fatal).to_json())
        return {
            "file": self.file,
            "tables": {name: dict(counts) for name, counts in self.tables.items()},
            "errors": errors,
            "warnings": list(self.warnings),
        }
