"""Settings a coordinator can change, stored in the database, with documented defaults."""

from dataclasses import dataclass, fields

from engagement import audit


@dataclass(frozen=True)
class Settings:
    # D5s: a supplier without a dialogue meeting for longer than this is stale.
    staleness_days: int = 180
    # C4: a grievance should be resolved within this many days of being received.
    target_days: int = 90
    # Supplier scorecard status (red / amber / green), engagement.kpis.scorecard. A figure
    # where higher is better is green from its green_min, amber from its amber_min, red
    # below; where lower is better, green up to its green_max, amber up to its amber_max.
    # Defaults: half of what was asked is the line between amber and red; green asks for
    # what a programme would call good practice (a meeting a quarter, three quarters of the
    # information, most of the chain known, most cases resolved within target).
    d5_green_max: int = 90  # days since the last dialogue meeting: a meeting a quarter
    d5_amber_max: int = 180  # the staleness limit's default
    i7_green_min: int = 75
    i7_amber_min: int = 50
    i8_green_min: int = 70
    i8_amber_min: int = 40
    t2_green_min: int = 80
    t2_amber_min: int = 50
    c2_green_max: int = 0  # open cases: none is green; a few is amber
    c2_amber_max: int = 2
    c4_green_min: int = 80
    c4_amber_min: int = 50
    # Escalation signals (engagement.kpis.signals): a supplier is marked for the next step
    # on the ladder when it has had no dialogue meeting for more than signal_meeting_days,
    # answered fewer than signal_response_rate % of the period's information requests, or
    # has a critical grievance open beyond the resolution target (signal_critical_cases 1: on).
    signal_meeting_days: int = 180
    signal_response_rate: int = 50
    signal_critical_cases: int = 1


def load_settings(con) -> Settings:
    """The stored settings, defaults where none is stored."""
    stored = dict(con.execute("select key, value from settings").fetchall())
    return Settings(**{f.name: int(stored[f.name]) for f in fields(Settings) if f.name in stored})


def save_setting(con, name: str, value: int, who: str | None = None) -> None:
    """Store one setting, and say so in the audit log when it changes, in one transaction."""
    if name not in {f.name for f in fields(Settings)}:
        raise KeyError(name)
    before = getattr(load_settings(con), name)
    if before == int(value):
        return
    con.execute("begin transaction")
    try:
        con.execute("insert or replace into settings values ($k, $v)", {"k": name, "v": str(int(value))})
        audit.record(con, who, "setting", f"{name} changed from {before} to {int(value)}")
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
