"""The database schema, in one place, with its version and migrations.

Imported tables are generated from engagement.tables; every one carries the
programme, a `row_key` (the natural key, normalised) for upserts, the import
that last wrote the row, and the unknown columns of the source as `extra`.
"""

from engagement.tables import SQL_TYPES, TABLES, Table

SCHEMA_VERSION = 3

SYSTEM_TABLES = """
create table if not exists meta (key varchar primary key, value varchar);
create table if not exists settings (key varchar primary key, value varchar);
create table if not exists aliases (
    kind varchar not null,          -- 'supplier' or 'buyer'
    alias_key varchar not null,     -- normalised alias
    alias varchar not null,         -- as the user wrote it
    name varchar not null,          -- the canonical name it stands for
    primary key (kind, alias_key)
);
create sequence if not exists import_ids start 1;
create table if not exists imports (
    import_id integer primary key,
    file_name varchar not null,
    file_hash varchar not null,
    imported_by varchar,
    imported_at timestamp not null,
    programme varchar,
    outcome varchar not null,       -- 'stored', 'unchanged', 'refused'
    summary json
);
create table if not exists rejected_rows (
    import_id integer not null,
    file_name varchar not null,
    sheet varchar,
    table_name varchar,
    row_number integer,
    column_name varchar,
    value varchar,
    message varchar not null,
    row_data json
);
"""


def table_ddl(table: Table) -> str:
    """The create statement of one imported table."""
    columns = [f"    {c.name} {SQL_TYPES[c.kind]}" for c in table.columns]
    return (
        f"create table if not exists {table.name} (\n"
        "    row_key varchar primary key,\n"
        "    programme varchar not null,\n" + ",\n".join(columns) + ",\n"
        "    extra json,\n"
        "    import_id integer\n"
        ");"
    )


def _migrate_0_to_1(con) -> None:
    con.execute(SYSTEM_TABLES)
    for table in TABLES.values():
        con.execute(table_ddl(table))


def _migrate_1_to_2(con) -> None:
    """Undoing an import: the rows it replaced, as they were, and when it was undone."""
    con.execute(
        """
        create table if not exists replaced_rows (
            import_id integer not null,     -- the import that replaced the row
            table_name varchar not null,
            row_key varchar not null,
            row_data json not null          -- the whole row before (extra as JSON text)
        );
        alter table imports add column if not exists undone_at timestamp;
        """
    )


def _migrate_2_to_3(con) -> None:
    """The audit log: who imported, undid, exported or changed a setting or access, and when."""
    con.execute(
        """
        create table if not exists audit_log (
            happened_at timestamp not null,
            who varchar not null,           -- the signed-in user, or 'local user'
            action varchar not null,        -- import, undo, export, setting, empty, restore, access
            detail varchar not null         -- what, in a sentence
        );
        """
    )


# MIGRATIONS[n] takes a database at version n to n + 1. Append, never edit.
MIGRATIONS = [_migrate_0_to_1, _migrate_1_to_2, _migrate_2_to_3]
assert len(MIGRATIONS) == SCHEMA_VERSION


def schema_version(con) -> int:
    """The version of an open database; 0 for an empty file."""
    exists = con.execute(
        "select count(*) from information_schema.tables where table_name = 'meta'"
    ).fetchone()[0]
    if not exists:
        return 0
    row = con.execute("select value from meta where key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def migrate(con) -> int:
    """Bring a writable database to SCHEMA_VERSION in one transaction; returns the old version."""
    found = schema_version(con)
    if found > SCHEMA_VERSION:
        raise RuntimeError(
            f"This database was made by a newer release (schema {found}, this release knows {SCHEMA_VERSION})."
        )
    if found == SCHEMA_VERSION:
        return found
    con.execute("begin transaction")
    try:
        for step in MIGRATIONS[found:]:
            step(con)
        con.execute("insert or replace into meta values ('schema_version', $v)", {"v": str(SCHEMA_VERSION)})
        con.execute("insert or ignore into meta values ('data_version', '0')")
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    return found
