"""The audit log (table audit_log): who imported, undid, exported, changed a setting or
access, and when. Written in the same transaction as the change it records, where there is
one, so the log never claims a change that did not land."""

import getpass
from datetime import datetime

import pandas as pd

LOCAL_USER = "local user"  # who acts when sign-in is not configured (local single-user mode)
ACTIONS = ("import", "undo", "export", "setting", "empty", "restore", "access")


def command_line_user() -> str | None:
    """Who runs a command-line command: the operating system's user name, where there is one."""
    try:
        return getpass.getuser()
    except Exception:  # no user name in some containers
        return None


def record(con, who: str | None, action: str, detail: str) -> None:
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    con.execute(
        "insert into audit_log values ($at, $who, $action, $detail)",
        {"at": datetime.now(), "who": who or LOCAL_USER, "action": action, "detail": detail},
    )


def entries(con, limit: int = 500) -> pd.DataFrame:
    """The latest entries first: happened_at, who, action, detail."""
    return con.execute(
        "select happened_at, who, action, detail from audit_log order by happened_at desc limit $limit",
        {"limit": limit},
    ).df()
