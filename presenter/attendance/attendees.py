"""The people on runs: check-in and its undo, corrections, a roster's pre-registration, the
search as you type, the running count, and deleting or purging a run's people.

A check-in is on disk before `check_in` returns, and its duplicate check is in the same
transaction as its write, so two windows cannot both add the same person.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime

from presenter.attendance.database import moment_text, read_moment
from presenter.attendance.details import clean_details, merge_details
from presenter.attendance.errors import AttendanceError, DuplicateAttendee
from presenter.attendance.model import Attendee, AttendeeDetails, CheckIn, Summary
from presenter.attendance.runs import RunStore
from presenter.attendance.search import RosterIndex
from presenter.attendance.text import fold

_ATTENDEE_COLUMNS = (
    "id, run_id, name, role, department, email, staff_number, handle, consent, note, "
    "ready, on_roster, checked_in_at"
)
# The columns `_columns` fills from a person's details, in its order.
_DETAIL_COLUMNS = (
    "name, name_key, role, department, email, email_key, staff_number, handle, consent, note, ready"
)
_DETAIL_VALUES = ", ".join("?" for _ in _DETAIL_COLUMNS.split(", "))
_SET_DETAILS = ", ".join(f"{column} = ?" for column in _DETAIL_COLUMNS.split(", "))


class AttendeeStore(RunStore):
    """Runs and the people on them. The search index follows this store's own changes one
    by one, and is rebuilt when another window changed the file."""

    _index_key: tuple[int, int] | None  # (run, the file's version) the index was built for
    _index: RosterIndex

    # -- reading people -----------------------------------------------------------------

    def _attendee_from_row(self, row: tuple, starts_at: datetime | None) -> Attendee:
        checked_in_at = read_moment(row[12])
        late = bool(checked_in_at and starts_at and checked_in_at.replace(tzinfo=None) > starts_at)
        details = AttendeeDetails(
            name=row[2],
            role=row[3],
            department=row[4],
            email=row[5],
            staff_number=row[6],
            handle=row[7],
            consent=bool(row[8]),
            note=row[9],
            ready=frozenset(json.loads(row[10])),
        )
        return Attendee(
            id=row[0],
            run_id=row[1],
            details=details,
            on_roster=bool(row[11]),
            checked_in_at=checked_in_at,
            late=late,
        )

    def _attendee_row(self, attendee_id: int) -> tuple | None:
        return self._db.execute(
            f"SELECT {_ATTENDEE_COLUMNS} FROM attendees WHERE id = ?", (attendee_id,)
        ).fetchone()

    def attendee(self, attendee_id: int) -> Attendee:
        row = self._attendee_row(attendee_id)
        if row is None:
            raise AttendanceError(f"there is no attendee {attendee_id}")
        return self._attendee_from_row(row, self._plain_run(row[1]).starts_at)

    def attendees(self, run_id: int, *, checked_in_only: bool = False) -> list[Attendee]:
        """Everyone on a run's list, in check-in order (roster people not yet in at the end)."""
        starts_at = self.run(run_id).starts_at
        where = " AND checked_in_at IS NOT NULL" if checked_in_only else ""
        rows = self._db.execute(
            f"SELECT {_ATTENDEE_COLUMNS} FROM attendees WHERE run_id = ?{where} "
            "ORDER BY checked_in_at IS NULL, checked_in_at, id",
            (run_id,),
        ).fetchall()
        return [self._attendee_from_row(row, starts_at) for row in rows]

    validate = staticmethod(clean_details)  # the details cleaned up, or InvalidDetails

    def find_duplicate(self, run_id: int, details: AttendeeDetails) -> tuple[Attendee, str] | None:
        """Someone on the run's list with the same email, or else the same name."""
        return self._find_duplicate(run_id, details, self._plain_run(run_id).starts_at)

    def _find_duplicate(
        self, run_id: int, details: AttendeeDetails, starts_at: datetime
    ) -> tuple[Attendee, str] | None:
        # One query: the same email first; then the same name, someone not yet in first.
        # "email_key != ''" lets SQLite use the partial index on emails.
        row = self._db.execute(
            f"SELECT * FROM ("
            f"SELECT 0 AS why, {_ATTENDEE_COLUMNS} FROM attendees "
            "WHERE run_id = ? AND email_key = ? AND email_key != '' "
            f"UNION ALL SELECT 1, {_ATTENDEE_COLUMNS} FROM attendees "
            "WHERE run_id = ? AND name_key = ?"
            ") ORDER BY why, checked_in_at IS NOT NULL, id LIMIT 1",
            (run_id, details.email.strip().casefold(), run_id, fold(details.name)),
        ).fetchone()
        if row is None:
            return None
        return self._attendee_from_row(row[1:], starts_at), ("email", "name")[row[0]]

    # -- checking people in -------------------------------------------------------------

    def check_in(
        self,
        run_id: int,
        details: AttendeeDetails,
        *,
        on_duplicate: str = "ask",
        attendee_id: int | None = None,
    ) -> CheckIn:
        """Check a person in, durably, and say what changed so the caller can undo it.

        `attendee_id` checks in that roster person. Otherwise a roster person not yet in
        with the same name or email is checked in; anyone else with the same name or email
        raises DuplicateAttendee unless `on_duplicate` is "merge" (update their details)
        or "add" (a second person with the same name, on purpose). The duplicate check and
        the write are one transaction, so two windows cannot both add the same person.
        """
        run = self._plain_run(run_id)
        if run.purged:
            raise AttendanceError(f"run {run_id} was purged; start a new run to check people in")
        details = self.validate(details, run.readiness)
        starts_at = run.starts_at
        now = datetime.fromisoformat(moment_text(self._clock()) or "")
        with self.transaction() as db:
            target = self._check_in_target(run_id, details, starts_at, on_duplicate, attendee_id)
            if target is None:
                cursor = db.execute(
                    f"INSERT INTO attendees (run_id, {_DETAIL_COLUMNS}, on_roster, "
                    f"checked_in_at, created_at) VALUES (?, {_DETAIL_VALUES}, 0, ?, ?)",
                    (run_id, *self._columns(details), moment_text(now), moment_text(now)),
                )
                result = Attendee(
                    id=cursor.lastrowid or 0,
                    run_id=run_id,
                    details=details,
                    checked_in_at=now,
                    late=now > starts_at,
                )
            else:
                merged = merge_details(target.details, details)
                db.execute(
                    f"UPDATE attendees SET {_SET_DETAILS}, "
                    "checked_in_at = coalesce(checked_in_at, ?) WHERE id = ?",
                    (*self._columns(merged), moment_text(now), target.id),
                )
                moment = target.checked_in_at or now
                result = target._replace(
                    details=merged, checked_in_at=moment, late=moment > starts_at
                )
        self._indexed(run_id, put=result)
        return CheckIn(attendee=result, before=target)

    def _check_in_target(
        self,
        run_id: int,
        details: AttendeeDetails,
        starts_at: datetime,
        on_duplicate: str,
        attendee_id: int | None,
    ) -> Attendee | None:
        """Who a check-in updates: the roster person asked for, or the one already on the
        list with the same name or email; None for a new person."""
        if attendee_id is not None:
            row = self._attendee_row(attendee_id)
            if row is None or row[1] != run_id:
                raise AttendanceError(f"attendee {attendee_id} is not on run {run_id}")
            return self._attendee_from_row(row, starts_at)
        found = self._find_duplicate(run_id, details, starts_at)
        if found is None:
            return None
        existing, reason = found
        if (existing.on_roster and not existing.checked_in) or on_duplicate == "merge":
            return existing
        if on_duplicate != "add":
            raise DuplicateAttendee(existing, reason)
        return None

    @staticmethod
    def _columns(details: AttendeeDetails) -> tuple:
        """The values of `_DETAIL_COLUMNS` for one person's details."""
        return (
            details.name,
            fold(details.name),
            details.role,
            details.department,
            details.email,
            details.email.casefold(),
            details.staff_number,
            details.handle,
            int(details.consent),
            details.note,
            json.dumps(sorted(details.ready)),
        )

    def undo(self, check_in: CheckIn) -> None:
        """Take back a check-in: a walk-in disappears, a roster person goes back to not-in."""
        before = check_in.before
        run_id = check_in.attendee.run_id
        with self.transaction() as db:
            if before is None:
                db.execute("DELETE FROM attendees WHERE id = ?", (check_in.attendee.id,))
            else:
                db.execute(
                    f"UPDATE attendees SET {_SET_DETAILS}, checked_in_at = ? WHERE id = ?",
                    (*self._columns(before.details), moment_text(before.checked_in_at), before.id),
                )
        if before is None:
            self._indexed(run_id, removed=check_in.attendee.id)
        else:
            self._indexed(run_id, put=before)

    def update_attendee(self, attendee_id: int, details: AttendeeDetails) -> Attendee:
        """Correct someone's details after the fact (a typo, the app now installed)."""
        current = self.attendee(attendee_id)
        details = self.validate(details, self.run(current.run_id).readiness)
        with self.transaction() as db:
            db.execute(
                f"UPDATE attendees SET {_SET_DETAILS} WHERE id = ?",
                (*self._columns(details), attendee_id),
            )
        updated = self.attendee(attendee_id)
        self._indexed(updated.run_id, put=updated)
        return updated

    def set_ready(self, attendee_id: int, check: str, ticked: bool) -> Attendee:
        current = self.attendee(attendee_id)
        ready = current.ready | {check} if ticked else current.ready - {check}
        return self.update_attendee(attendee_id, replace(current.details, ready=ready))

    def add_to_roster(self, run_id: int, people: Iterable[AttendeeDetails]) -> tuple[int, int]:
        """Pre-register people in one transaction: all or none. Returns (added, merged).

        Someone already on the list (same email, or same name) gets their empty fields
        filled in instead of a second row.
        """
        run = self.run(run_id)
        cleaned = [self.validate(p, run.readiness) for p in people]
        added = merged = 0
        with self.transaction() as db:
            for details in cleaned:
                found = self.find_duplicate(run_id, details)
                if found:
                    existing = found[0]
                    db.execute(
                        f"UPDATE attendees SET {_SET_DETAILS}, on_roster = 1 WHERE id = ?",
                        (*self._columns(merge_details(details, existing.details)), existing.id),
                    )
                    merged += 1
                else:
                    db.execute(
                        f"INSERT INTO attendees (run_id, {_DETAIL_COLUMNS}, on_roster, "
                        f"created_at) VALUES (?, {_DETAIL_VALUES}, 1, ?)",
                        (run_id, *self._columns(details), moment_text(self._clock())),
                    )
                    added += 1
        self._forget_index()
        return added, merged

    # -- a run's people as a whole ------------------------------------------------------

    def summary(self, run_id: int) -> Summary:
        run = self.run(run_id)
        if run.purged:
            counts = self._purged_counts(run_id)
            return Summary(
                checked_in=counts["checked_in"],
                ready=tuple((c, counts["ready"].get(c, 0)) for c in run.readiness),
                late=counts["late"],
                on_roster=counts["on_roster"],
            )
        people = self.attendees(run_id)
        present = [p for p in people if p.checked_in]
        return Summary(
            checked_in=len(present),
            ready=tuple((c, sum(c in p.ready for p in present)) for c in run.readiness),
            late=sum(p.late for p in present),
            on_roster=sum(p.on_roster for p in people),
        )

    def delete_run(self, run_id: int) -> None:
        """Remove a run and everyone on it."""
        self.run(run_id)
        with self.transaction() as db:
            db.execute("DELETE FROM runs WHERE id = ?", (run_id,))
            self._runs.clear()
        self._forget_index()
        self._checkpoint()

    def purge_run(self, run_id: int) -> Summary:
        """Delete every attendee's personal data, keeping the anonymous counts and the
        feedback ratings (numbers only: who gave them, and their comments, go). Outcomes
        are free text that can name people, so only how many there were is kept."""
        summary = self.summary(run_id)
        ratings = self._db.execute(
            "SELECT rating FROM feedback WHERE run_id = ? AND rating IS NOT NULL ORDER BY rating",
            (run_id,),
        ).fetchall()
        (outcomes,) = self._db.execute(
            "SELECT count(*) FROM outcomes WHERE run_id = ?", (run_id,)
        ).fetchone()
        counts = {
            "checked_in": summary.checked_in,
            "late": summary.late,
            "on_roster": summary.on_roster,
            "ready": dict(summary.ready),
            "ratings": [rating for (rating,) in ratings] or list(self.purged_ratings(run_id)),
            "outcomes": outcomes + self.purged_outcomes(run_id),
        }
        with self.transaction() as db:
            db.execute("DELETE FROM outcomes WHERE run_id = ?", (run_id,))
            db.execute("DELETE FROM attendees WHERE run_id = ?", (run_id,))
            db.execute(
                "UPDATE runs SET purged_at = ?, purged_counts = ? WHERE id = ?",
                (moment_text(self._clock()), json.dumps(counts), run_id),
            )
            self._runs.clear()
        self._forget_index()
        self._checkpoint()
        return summary

    # -- search as you type -------------------------------------------------------------

    def search(self, run_id: int, text: str, limit: int = 20) -> list[Attendee]:
        """People on the run whose name, email or department start words as typed."""
        return self._search_index(run_id).search(text, limit)

    def _search_index(self, run_id: int) -> RosterIndex:
        """The run's index, rebuilt only when another window changed the file."""
        version = self.outside_changes()
        if self._index_key != (run_id, version):
            self._index = RosterIndex(self.attendees(run_id))
            self._index_key = (run_id, version)
        return self._index

    def _indexed(self, run_id: int, put: Attendee | None = None, removed: int | None = None):
        """Tell the search index about one change this store just made."""
        if self._index_key is None or self._index_key[0] != run_id:
            return
        if put is not None:
            self._index.put(put)
        if removed is not None:
            self._index.remove(removed)

    def _forget_index(self) -> None:
        self._index_key = None
