"""Settings a coordinator can change, stored in the database, with documented defaults."""

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Settings:
    # D5s: a supplier without a dialogue meeting for longer than this is stale.
    staleness_days: int = 180
    # C4: a grievance should be resolved within this many days of being received.
    target_days: int = 90


def load_settings(con) -> Settings:
    """The stored settings, defaults where none is stored."""
    stored = dict(con.execute("select key, value from settings").fetchall())
    return Settings(**{f.name: int(stored[f.name]) for f in fields(Settings) if f.name in stored})


def save_setting(con, name: str, value: int) -> None:
    if name not in {f.name for f in fields(Settings)}:
        raise KeyError(name)
    con.execute("insert or replace into settings values ($k, $v)", {"k": name, "v": str(int(value))})
