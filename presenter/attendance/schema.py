"""The attendance file's tables, and how an older file is brought up to date.

The file's PRAGMA user_version is how many of MIGRATIONS have run; a change to the tables
is a new function appended to MIGRATIONS, never an edit to one that has shipped.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable


def _execute_script(db: sqlite3.Connection, script: str) -> None:
    """Statements one by one: executescript() would commit the migration's transaction."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def _migration_1(db: sqlite3.Connection) -> None:
    """Runs and attendees."""
    _execute_script(
        db,
        """
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            run_date TEXT NOT NULL,
            start_time TEXT NOT NULL DEFAULT '12:00',
            length_minutes INTEGER NOT NULL DEFAULT 60,
            venue TEXT NOT NULL DEFAULT '',
            facilitators TEXT NOT NULL DEFAULT '[]',
            readiness TEXT NOT NULL DEFAULT '[]',
            agenda TEXT NOT NULL DEFAULT '{}',
            session_source TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            purged_at TEXT,
            purged_counts TEXT
        );
        CREATE TABLE attendees (
            id INTEGER PRIMARY KEY,
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            name TEXT NOT NULL CHECK (name != ''),
            name_key TEXT NOT NULL,
            role TEXT NOT NULL DEFAULT '',
            department TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '',
            email_key TEXT NOT NULL DEFAULT '',
            staff_number TEXT NOT NULL DEFAULT '',
            handle TEXT NOT NULL DEFAULT '',
            consent INTEGER NOT NULL DEFAULT 0,
            note TEXT NOT NULL DEFAULT '',
            ready TEXT NOT NULL DEFAULT '[]',
            on_roster INTEGER NOT NULL DEFAULT 0,
            checked_in_at TEXT,
            created_at TEXT NOT NULL
        );
        CREATE INDEX attendees_by_name ON attendees(run_id, name_key);
        CREATE INDEX attendees_by_email ON attendees(run_id, email_key) WHERE email_key != '';
        """,
    )


def _migration_2(db: sqlite3.Connection) -> None:
    """Run history: every run-clock action with its snapshot, feedback, later outcomes."""
    _execute_script(
        db,
        """
        CREATE TABLE clock_saves (
            id INTEGER PRIMARY KEY,
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            action TEXT NOT NULL,
            state TEXT NOT NULL,
            snapshot TEXT NOT NULL,
            saved_at TEXT NOT NULL
        );
        CREATE INDEX clock_saves_by_run ON clock_saves(run_id, id);
        CREATE TABLE feedback (
            attendee_id INTEGER PRIMARY KEY REFERENCES attendees(id) ON DELETE CASCADE,
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            rating INTEGER CHECK (rating BETWEEN 1 AND 5),
            comment TEXT NOT NULL DEFAULT '',
            given_at TEXT NOT NULL
        );
        CREATE TABLE outcomes (
            id INTEGER PRIMARY KEY,
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            attendee_id INTEGER REFERENCES attendees(id) ON DELETE CASCADE,
            text TEXT NOT NULL CHECK (text != ''),
            noted_on TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        """,
    )


def _migration_3(db: sqlite3.Connection) -> None:
    """Rehearsals: timed practice runs, kept apart from runs so they never count as one."""
    _execute_script(
        db,
        """
        CREATE TABLE rehearsals (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            started_at TEXT NOT NULL,
            saved_at TEXT NOT NULL,
            state TEXT NOT NULL,
            slot_minutes INTEGER NOT NULL,
            items TEXT NOT NULL DEFAULT '[]'
        );
        """,
    )


def _migration_4(db: sqlite3.Connection) -> None:
    """The length a run was fitted down from (a ward's 15 minutes of the library hour).

    `length_minutes` has always been the slot a run ran in; NULL here means the session ran
    at its own length, as every run recorded before this did."""
    db.execute("ALTER TABLE runs ADD COLUMN fitted_from INTEGER")


# A random (version 4) UUID in SQL, for rows made by any version of the app.
_NEW_UUID = (
    "lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || "
    "substr(lower(hex(randomblob(2))), 2) || '-' || "
    "substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || "
    "'-' || lower(hex(randomblob(6)))"
)
# The tables published to a shared record, and the id of the row each outbox entry names.
PUBLISHED = ("runs", "attendees", "feedback", "clock_saves")


def _migration_5(db: sqlite3.Connection) -> None:
    """Stable ids (UUIDs) on every published row, and an outbox of what changed.

    Triggers fill the outbox in the same transaction as each change, whichever code makes
    it, so nothing the app records can miss being published. An entry names a table and a
    row's id; a later change to the same row replaces it (the publisher reads the row as it
    is then), so the outbox holds at most one entry per row."""
    statements = [
        "CREATE TABLE outbox (seq INTEGER PRIMARY KEY, entity TEXT NOT NULL, "
        "uid TEXT NOT NULL, op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')))",
        "CREATE UNIQUE INDEX outbox_by_row ON outbox(entity, uid)",
    ]
    for table in ("runs", "attendees", "clock_saves"):
        statements += [
            f"ALTER TABLE {table} ADD COLUMN uid TEXT",
            f"UPDATE {table} SET uid = {_NEW_UUID} WHERE uid IS NULL",
            f"CREATE UNIQUE INDEX {table}_by_uid ON {table}(uid)",
            f"CREATE TRIGGER {table}_new_uid AFTER INSERT ON {table} WHEN NEW.uid IS NULL "
            f"BEGIN UPDATE {table} SET uid = {_NEW_UUID} WHERE id = NEW.id; END",
            _record(table, "AFTER INSERT", "NEW.uid", "upsert", "NEW.uid IS NOT NULL"),
            _record(table, "AFTER UPDATE", "NEW.uid", "upsert", "NEW.uid IS NOT NULL"),
            _record(table, "AFTER DELETE", "OLD.uid", "delete", "OLD.uid IS NOT NULL"),
        ]
    # Feedback is one row per attendee: published under the attendee's id.
    person = "(SELECT uid FROM attendees WHERE id = {}.attendee_id)"
    statements += [
        _record("feedback", "AFTER INSERT", person.format("NEW"), "upsert"),
        _record("feedback", "AFTER UPDATE", person.format("NEW"), "upsert"),
        _record("feedback", "AFTER DELETE", person.format("OLD"), "delete"),
    ]
    for table in PUBLISHED:  # what is in the file already goes out on the first publish
        key = person.format(table) if table == "feedback" else "uid"
        statements.append(
            f"INSERT OR REPLACE INTO outbox (entity, uid, op) "
            f"SELECT '{table}', {key}, 'upsert' FROM {table} WHERE {key} IS NOT NULL"
        )
    for statement in statements:
        db.execute(statement)


def _record(table: str, when: str, uid: str, op: str, condition: str = "") -> str:
    name = f"{table}_{when.split()[-1].lower()}_outbox"
    guard = f" WHEN {condition}" if condition else ""
    return (
        f"CREATE TRIGGER {name} {when} ON {table}{guard} BEGIN "
        f"DELETE FROM outbox WHERE entity = '{table}' AND uid = {uid}; "
        f"INSERT INTO outbox (entity, uid, op) SELECT '{table}', {uid}, '{op}' "
        f"WHERE {uid} IS NOT NULL; END"
    )


# In order; the file's user_version is how many have run. Add the next one at the end.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    _migration_1,
    _migration_2,
    _migration_3,
    _migration_4,
    _migration_5,
)
