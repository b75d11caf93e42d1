"""Who may see what: roles and programme membership, from one configuration file.

Sign-in itself is Streamlit's OpenID Connect login (st.login), configured in
.streamlit/secrets.toml ([auth]); this module only reads who, once signed in, may do what.
The file (ENGAGEMENT_ACCESS, else .streamlit/access.toml) lists people by e-mail:

    [[user]]
    email = "coordinator@monitor.example"
    role = "coordinator"          # imports, undoes, sets thresholds; all their programmes
    programmes = ["*"]            # "*": every programme

    [[user]]
    email = "buyer@city.example"
    role = "buyer"                # reads the programmes listed, nothing else
    programmes = ["LEVP"]

Anyone signed in but not listed sees a message and nothing more.
"""

import hashlib
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROLES = ("coordinator", "buyer")
ALL = "*"


class AccessFileError(ValueError):
    """The access file cannot be read; the message says where and what to change."""


@dataclass(frozen=True)
class Access:
    """What one person may do: their role, and their programmes (None: every programme)."""

    email: str
    role: str
    programmes: tuple[str, ...] | None

    @property
    def coordinates(self) -> bool:
        return self.role == "coordinator"

    def programmes_for(self, chosen: tuple[str, ...]) -> tuple[str, ...]:
        """The programme filter to apply: what was chosen, within this person's programmes; all
        of theirs when nothing was chosen (an empty filter means every programme)."""
        if self.programmes is None:
            return chosen
        kept = tuple(p for p in chosen if p in self.programmes)
        return kept or self.programmes


# The one user of local single-user mode (no sign-in configured, loopback only).
LOCAL = Access("local user", "coordinator", None)


def access_path() -> Path:
    return Path(os.environ.get("ENGAGEMENT_ACCESS") or ROOT / ".streamlit" / "access.toml")


def load_access(path: Path | None = None) -> dict[str, Access]:
    """Every listed person by lower-case e-mail; an error that names the file and the entry."""
    path = path or access_path()
    if not path.exists():
        raise AccessFileError(
            f"Sign-in is configured but {path} is missing: list who may sign in there (see README, Security)."
        )
    try:
        entries = tomllib.loads(path.read_text(encoding="utf-8")).get("user", [])
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise AccessFileError(f"{path} is not valid TOML: {error}") from None
    people = {}
    for number, entry in enumerate(entries, start=1):
        email, role, programmes = entry.get("email"), entry.get("role"), entry.get("programmes")
        where = f"{path}, user {number}"
        if not isinstance(email, str) or "@" not in email:
            raise AccessFileError(f"{where}: email must be an e-mail address")
        if role not in ROLES:
            raise AccessFileError(f"{where} ({email}): role must be one of {', '.join(ROLES)}")
        if (
            not isinstance(programmes, list)
            or not programmes
            or not all(isinstance(p, str) for p in programmes)
        ):
            raise AccessFileError(f'{where} ({email}): programmes must be a list of names, or ["*"]')
        people[email.strip().lower()] = Access(
            email.strip(), role, None if ALL in programmes else tuple(programmes)
        )
    return people


def note_changes(con, path: Path, people: dict[str, Access]) -> None:
    """Write a changed access file into the audit log (who may now see what), once per change:
    the file's hash is kept in the database's meta table."""
    from engagement import audit

    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    known = con.execute("select value from meta where key = 'access_file_hash'").fetchone()
    if known and known[0] == digest:
        return
    described = "; ".join(
        f"{person.email} {person.role} of {', '.join(person.programmes) if person.programmes else 'every programme'}"
        for person in people.values()
    )
    con.execute("begin transaction")
    try:
        con.execute("insert or replace into meta values ('access_file_hash', $digest)", {"digest": digest})
        audit.record(con, "access file", "access", f"{path.name} now lists: {described or 'nobody'}")
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise


def access_of(email: str | None, people: dict[str, Access]) -> Access | None:
    """The access of a signed-in person; None when they are not listed."""
    return people.get((email or "").strip().lower())


def is_loopback(address: str | None) -> bool:
    """Whether the server answers on this computer only."""
    return (address or "").strip() in ("127.0.0.1", "localhost", "::1")
