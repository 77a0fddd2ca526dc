"""Where the shared record is, and connecting to it: the trust's PostgreSQL server.

The setting is kept in `shared.ini` in the data folder: a libpq connection service name
(`service=library`, from the user's pg_service.conf) or a URL, never a password (that lives
in the user's pgpass or service file, where libpq reads it), and which attendee details are
published. psycopg is imported only here and only when the record is used, so a laptop
without the `shared` extra runs as before.
"""

from __future__ import annotations

import configparser
from dataclasses import dataclass
from pathlib import Path

from presenter.attendance.paths import shared_record_path
from presenter.files import PRIVATE_FILE, write_text

# What can be published of each attendee; the default leaves out what identifies a person
# beyond the room (email, staff number, social handle) and free-text feedback comments.
COLUMNS = ("name", "role", "department", "ready", "checked_in_at", "email", "staff_number",
           "handle", "comment")  # fmt: skip
DEFAULT_COLUMNS = ("name", "role", "department", "ready", "checked_in_at")
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")
CONNECT_TIMEOUT_SECONDS = 5


class SharedRecordError(Exception):
    """The shared record is not set up, cannot be reached, or refused what was asked."""


@dataclass(frozen=True)
class SharedSettings:
    connection: str
    columns: tuple[str, ...] = DEFAULT_COLUMNS


def check_connection_text(text: str) -> str:
    """The connection as given, refused when it holds a password."""
    text = text.strip()
    if not text:
        raise SharedRecordError("give a connection service name (service=NAME) or a URL")
    from psycopg.conninfo import conninfo_to_dict

    try:
        parts = conninfo_to_dict(text)
    except Exception as exc:  # psycopg's ProgrammingError names the mistake
        raise SharedRecordError(f"the connection cannot be read: {_first_line(exc)}") from None
    if parts.get("password"):
        raise SharedRecordError(
            "the connection holds a password: leave it out and put it in your pgpass file "
            "(~/.pgpass, or %APPDATA%\\postgresql\\pgpass.conf on Windows) instead"
        )
    return text


def check_columns(columns: list[str]) -> tuple[str, ...]:
    unknown = [c for c in columns if c not in COLUMNS]
    if unknown:
        raise SharedRecordError(f"unknown column {unknown[0]!r}; choose from {', '.join(COLUMNS)}")
    return tuple(dict.fromkeys(columns))


def save_settings(folder: Path, settings: SharedSettings) -> Path:
    parser = configparser.ConfigParser(interpolation=None)
    parser["server"] = {"connection": settings.connection, "columns": ", ".join(settings.columns)}
    lines = ["# Presenter's shared record. No password here: libpq reads it from pgpass.\n"]
    from io import StringIO

    text = StringIO()
    parser.write(text)
    path = shared_record_path(folder)
    write_text(path, "".join(lines) + text.getvalue(), permissions=PRIVATE_FILE)
    return path


def load_settings(folder: Path) -> SharedSettings:
    path = shared_record_path(folder)
    parser = configparser.ConfigParser(interpolation=None)
    try:
        found = parser.read(path, encoding="utf-8")
    except configparser.Error as exc:
        raise SharedRecordError(f"{path}: cannot be read ({_first_line(exc)})") from None
    if not found or not parser.has_option("server", "connection"):
        raise SharedRecordError(
            "no shared record is set up; run presenter shared setup service=NAME (or a URL)"
        )
    columns = [c.strip() for c in parser.get("server", "columns", fallback="").split(",")]
    return SharedSettings(
        parser.get("server", "connection"),
        check_columns([c for c in columns if c]) if any(columns) else DEFAULT_COLUMNS,
    )


def connect(settings: SharedSettings):
    """An open psycopg connection; TLS is required unless the server is on this machine."""
    try:
        import psycopg
    except ImportError:
        raise SharedRecordError(
            "the shared record needs psycopg: pip install 'presenter[shared]'"
        ) from None
    try:
        connection = psycopg.connect(
            settings.connection, connect_timeout=CONNECT_TIMEOUT_SECONDS, autocommit=True
        )
    except psycopg.Error as exc:
        raise SharedRecordError(f"the server cannot be reached: {_first_line(exc)}") from None
    info = connection.info
    local = info.host.startswith("/") or info.host in LOCAL_HOSTS
    if not local and not connection.pgconn.ssl_in_use:
        connection.close()
        raise SharedRecordError(
            f"the connection to {info.host} is not encrypted; the shared record needs TLS "
            "(add sslmode=require, or ask for TLS on the server)"
        )
    return connection


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
