"""Publishing the laptop's record to the shared one: the outbox, sent as idempotent upserts.

The rule: the laptop's file is the truth for what it recorded. Each change it makes leaves
an entry in its outbox (triggers in the file, see `schema._migration_5`); a publish sends
the rows those entries name, as they are now, and deletes what was deleted, all in one
server transaction, and only then empties those entries. A publish that fails or is cut off
leaves the outbox as it was, to be sent again; sending a row twice changes nothing, as every
row is keyed by its UUID. Nothing comes back from the server except when joining a run.
"""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
from collections import Counter
from dataclasses import dataclass

from presenter.attendance.report import build_report
from presenter.attendance.schema import PUBLISHED
from presenter.attendance.shared import SharedRecordError, SharedSettings, connect
from presenter.attendance.shared_schema import migrate
from presenter.attendance.store import AttendanceStore

# Parents before children, so a new run is on the server before its people.
ORDER = {entity: place for place, entity in enumerate(PUBLISHED)}
WORDS = {"runs": "runs", "attendees": "people", "feedback": "feedback", "clock_saves": "clock records"}  # fmt: skip


@dataclass(frozen=True)
class Published:
    """What one publish sent, by table."""

    sent: Counter

    def __str__(self) -> str:
        if not self.sent:
            return "nothing to publish: the shared record is up to date"
        parts = ", ".join(f"{self.sent[e]} {WORDS[e]}" for e in PUBLISHED if self.sent[e])
        return f"published {parts}"


def join_code(run_uid: str) -> str:
    """The short code another laptop types to join a run: 8 letters and digits."""
    text = base64.b32encode(uuid.UUID(run_uid).bytes[:5]).decode("ascii")
    return f"{text[:4]}-{text[4:]}"


def pending(store: AttendanceStore) -> Counter:
    """How many rows of each table are waiting to be published."""
    rows = store.query("SELECT entity, count(*) FROM outbox GROUP BY entity").fetchall()
    return Counter(dict(rows))


def push(store: AttendanceStore, settings: SharedSettings) -> Published:
    """Publish what the outbox names; raises SharedRecordError, leaving the outbox as it was."""
    entries = store.query("SELECT seq, entity, uid, op FROM outbox ORDER BY seq").fetchall()
    if not entries:
        return Published(Counter())
    last = entries[-1][0]
    connection = connect(settings)
    try:
        migrate(connection)
        with connection.transaction():
            sent = _send(connection, store, settings, entries)
    except SharedRecordError:
        raise
    except Exception as exc:  # the server went away, refused a row, ...
        raise SharedRecordError(
            f"publishing stopped ({_first_line(exc)}); nothing was lost, it will be sent again"
        ) from None
    finally:
        connection.close()
    with store.transaction() as db:  # only now: a change made meanwhile has a later seq
        db.execute("DELETE FROM outbox WHERE seq <= ?", (last,))
    return Published(sent)


def _send(connection, store, settings, entries) -> Counter:
    sent: Counter = Counter()
    upserts = sorted((e for e in entries if e[3] == "upsert"), key=lambda e: ORDER[e[1]])
    deletes = sorted((e for e in entries if e[3] == "delete"), key=lambda e: -ORDER[e[1]])
    for _seq, entity, uid, _op in deletes:
        key = "attendee_uid" if entity == "feedback" else "uid"
        if entity == "attendees":  # the file drops their feedback with them, unrecorded
            connection.execute("DELETE FROM feedback WHERE attendee_uid = %s", (uid,))
        connection.execute(f"DELETE FROM {entity} WHERE {key} = %s", (uid,))
        sent[entity] += 1
    for _seq, entity, uid, _op in upserts:
        if SENDERS[entity](connection, store, settings, uid):
            sent[entity] += 1
    return sent


def _send_run(connection, store, settings, uid) -> bool:
    row = store.query(
        "SELECT id, title, run_date, start_time, length_minutes, venue, facilitators, "
        "readiness, created_at, purged_at, purged_counts FROM runs WHERE uid = ?",
        (uid,),
    ).fetchone()
    if row is None:
        return False
    run_id, *values = row
    report = build_report(store, run_id)
    actual = round(report.actual_minutes, 1) if report.started_at else None
    connection.execute(
        "INSERT INTO runs (uid, join_code, title, run_date, start_time, length_minutes, venue, "
        "facilitators, readiness, created_at, purged_at, purged_counts, planned_minutes, "
        "actual_minutes) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) "
        "ON CONFLICT (uid) DO UPDATE SET title = EXCLUDED.title, venue = EXCLUDED.venue, "
        "run_date = EXCLUDED.run_date, start_time = EXCLUDED.start_time, "
        "length_minutes = EXCLUDED.length_minutes, facilitators = EXCLUDED.facilitators, "
        "readiness = EXCLUDED.readiness, purged_at = EXCLUDED.purged_at, "
        "purged_counts = EXCLUDED.purged_counts, "
        "actual_minutes = COALESCE(EXCLUDED.actual_minutes, runs.actual_minutes), "
        "planned_minutes = COALESCE(NULLIF(EXCLUDED.planned_minutes, 0), runs.planned_minutes), "
        "published_at = now()",
        (uid, join_code(uid), *values, round(report.planned_minutes, 1), actual),
    )
    return True


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest() if text else ""


def _send_attendee(connection, store, settings, uid) -> bool:
    row = store.query(
        "SELECT r.uid, a.name, a.name_key, a.email_key, a.role, a.department, a.email, "
        "a.staff_number, a.handle, a.ready, a.checked_in_at "
        "FROM attendees a JOIN runs r ON r.id = a.run_id WHERE a.uid = ?",
        (uid,),
    ).fetchone()
    if row is None:
        return False
    run_uid, name, name_key, email_key, *details = row
    chosen = dict(zip(("role", "department", "email", "staff_number", "handle", "ready",
                       "checked_in_at"), details, strict=True))  # fmt: skip
    shown = {k: (v if k in settings.columns else None) for k, v in chosen.items()}
    name_hash, email_hash = _hash(name_key), _hash(email_key)
    # The same person on two laptops: the duplicate rule of one laptop (same email, or the
    # same name), applied to the people this run already has on the server.
    connection.execute(
        "INSERT INTO attendees (uid, run_uid, person_uid, name_hash, email_hash, name, role, "
        "department, email, staff_number, handle, ready, checked_in, checked_in_at) VALUES (%s, %s, "
        "COALESCE((SELECT person_uid FROM attendees WHERE run_uid = %s AND uid <> %s AND "
        "((email_hash <> '' AND email_hash = %s) OR name_hash = %s) "
        "ORDER BY checked_in_at NULLS LAST, uid LIMIT 1), %s), "
        "%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) "
        "ON CONFLICT (uid) DO UPDATE SET name = EXCLUDED.name, role = EXCLUDED.role, "
        "department = EXCLUDED.department, email = EXCLUDED.email, "
        "staff_number = EXCLUDED.staff_number, handle = EXCLUDED.handle, "
        "ready = EXCLUDED.ready, checked_in = EXCLUDED.checked_in, "
        "checked_in_at = EXCLUDED.checked_in_at, "
        "name_hash = EXCLUDED.name_hash, email_hash = EXCLUDED.email_hash, published_at = now()",
        (uid, run_uid, run_uid, uid, email_hash, name_hash, uid, name_hash, email_hash,
         name if "name" in settings.columns else None, shown["role"], shown["department"],
         shown["email"], shown["staff_number"], shown["handle"], shown["ready"],
         chosen["checked_in_at"] is not None, shown["checked_in_at"]),
    )  # fmt: skip
    return True


def _send_feedback(connection, store, settings, uid) -> bool:
    row = store.query(
        "SELECT r.uid, f.rating, f.comment, f.given_at FROM feedback f "
        "JOIN attendees a ON a.id = f.attendee_id JOIN runs r ON r.id = f.run_id "
        "WHERE a.uid = ?",
        (uid,),
    ).fetchone()
    if row is None:
        return False
    run_uid, rating, comment, given_at = row
    connection.execute(
        "INSERT INTO feedback (attendee_uid, run_uid, rating, comment, given_at) "
        "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (attendee_uid) DO UPDATE SET "
        "rating = EXCLUDED.rating, comment = EXCLUDED.comment, given_at = EXCLUDED.given_at",
        (uid, run_uid, rating, comment if "comment" in settings.columns else None, given_at),
    )
    return True


def _send_clock_save(connection, store, settings, uid) -> bool:
    row = store.query(
        "SELECT r.uid, c.action, c.state, c.saved_at FROM clock_saves c "
        "JOIN runs r ON r.id = c.run_id WHERE c.uid = ?",
        (uid,),
    ).fetchone()
    if row is None:
        return False
    connection.execute(
        "INSERT INTO clock_saves (uid, run_uid, action, state, saved_at) "
        "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (uid) DO NOTHING",
        (uid, *row),
    )
    return True


SENDERS = {
    "runs": _send_run,
    "attendees": _send_attendee,
    "feedback": _send_feedback,
    "clock_saves": _send_clock_save,
}


def join_run(store: AttendanceStore, settings: SharedSettings, code: str) -> int:
    """Make here the run another laptop published under `code`; returns its local number.

    Both laptops then check people in to the same run (the same UUID) and publish."""
    wanted = code.strip().upper().replace(" ", "")
    if len(wanted) == 8:
        wanted = f"{wanted[:4]}-{wanted[4:]}"
    connection = connect(settings)
    try:
        migrate(connection)
        row = connection.execute(
            "SELECT uid::text, title, run_date::text, start_time, length_minutes, venue, "
            "facilitators, readiness, created_at::text FROM runs WHERE join_code = %s",
            (wanted,),
        ).fetchone()
    finally:
        connection.close()
    if row is None:
        raise SharedRecordError(
            f"no run has the code {code.strip()}; check it on the first laptop, which must "
            "have published the run (presenter shared push)"
        )
    uid, *values = row
    found = store.query("SELECT id FROM runs WHERE uid = ?", (uid,)).fetchone()
    if found:
        return found[0]
    title, run_date, start, length, venue, facilitators, readiness, created = values
    with store.transaction() as db:
        cursor = db.execute(
            "INSERT INTO runs (uid, title, run_date, start_time, length_minutes, venue, "
            "facilitators, readiness, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (uid, title, run_date, start, length, venue, json.dumps(facilitators),
             json.dumps(readiness), created.replace(" ", "T")),
        )  # fmt: skip
        # The run came from the server: only its people go back.
        db.execute("DELETE FROM outbox WHERE entity = 'runs' AND uid = ?", (uid,))
    return cursor.lastrowid or 0


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
