"""Roster import: pre-registered people from a CSV or XLSX sheet, an Eventbrite attendee
export, or Microsoft Forms / Google Forms responses.

Columns are guessed from the header row and shown for confirmation; every bad row is
reported by its row number (as the spreadsheet shows it); nothing is imported unless every
row is good, in one transaction. The three sign-up services are recognised by the columns
their exports always have; every other column of theirs is a question the organiser added,
and the questions about the app or a username feed the run's readiness checks. No message
repeats what a person typed: rows and columns are named, never their values.

This module turns the rows into people (the import plan); reading the file is in
`roster_files`, choosing the columns in `roster_columns`, the services' ways in `signups`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import fields as dataclass_fields

from presenter.attendance.model import AttendeeDetails
from presenter.attendance.roster_columns import (
    FIELDS,
    Columns,
    guess_columns,
    override_columns,
)
from presenter.attendance.roster_files import RosterError, RosterTable, column_letter, read_table
from presenter.attendance.signups import (
    EVENTBRITE,
    GOOGLE_FORMS,
    MICROSOFT_FORMS,
    NOT_COMING,
    detect_layout,
    handle_like,
    is_answer,
    is_yes,
)
from presenter.attendance.text import email_problem, fold, has_control_characters, normalise_handle

__all__ = [
    "EVENTBRITE",
    "FIELDS",
    "GOOGLE_FORMS",
    "MICROSOFT_FORMS",
    "Columns",
    "RosterError",
    "RosterPlan",
    "RosterTable",
    "column_letter",
    "detect_layout",
    "guess_columns",
    "is_answer",
    "override_columns",
    "plan_import",
    "read_table",
]


@dataclass(frozen=True)
class RosterPlan:
    """The people a sheet holds, ready to store, with the rows skipped and why."""

    people: tuple[tuple[int, AttendeeDetails], ...]
    skipped: tuple[tuple[int, str], ...] = ()
    repeats: tuple[tuple[int, int], ...] = ()  # (row, the earlier row it repeats)
    notes: tuple[tuple[int, str], ...] = ()  # (row, what was done), e.g. a later response kept


def _later_kept(later: AttendeeDetails, earlier: AttendeeDetails) -> AttendeeDetails:
    """A second response from one person: its answers count; a detail it left blank is
    taken from the first."""
    kept = {}
    for item in dataclass_fields(AttendeeDetails):
        value = getattr(later, item.name)
        if isinstance(value, str) and not value:
            value = getattr(earlier, item.name)
        kept[item.name] = value
    return AttendeeDetails(**kept)


_TYPED_FIELDS = ("name", "first_name", "last_name", "email", "role", "department",
                 "staff_number", "handle", "note")  # fmt: skip


def plan_import(table: RosterTable, columns: Columns) -> RosterPlan:
    """Turn the rows into people, or raise RosterError listing every bad row."""
    _check_name_column(table, columns.fields)
    rows = _RowReader(columns, table.layout)
    people = _People()
    problems: list[tuple[int, str]] = []
    skipped: list[tuple[int, str]] = []
    notes: list[tuple[int, str]] = []
    for number, row in table.rows:
        if not any(c.strip() for c in row):
            continue
        if rows.not_coming(row):
            skipped.append((number, "ticket not attending, cancelled or refunded"))
            continue
        if row_problems := rows.problems(row):
            problems.append((number, "; ".join(row_problems)))
            continue
        details, note = rows.details(row)
        if note:
            notes.append((number, note))
        if (earlier_row := people.add(number, details)) is not None:
            notes.append(
                (
                    number,
                    f"a second response from the person on row {earlier_row}; the later "
                    "answers are kept",
                )
            )
    if problems:
        raise RosterError(table.source, problems)
    return RosterPlan(
        tuple(people.people),
        tuple(skipped),
        tuple(people.repeats),
        tuple(sorted(notes, key=lambda n: n[0])),
    )


def _check_name_column(table: RosterTable, fields: Mapping[str, int]) -> None:
    if "name" not in fields and not ({"first_name", "last_name"} & set(fields)):
        raise RosterError(
            table.source,
            [
                (
                    table.header_row,
                    "no column is headed as a name (Name, Full name, or First name and "
                    "Last name); choose one with --column name=HEADER or its letter, "
                    "e.g. --column name=B",
                )
            ],
        )


class _RowReader:
    """One row of the sheet read as a person, through the columns chosen for each field."""

    def __init__(self, columns: Columns, layout: str) -> None:
        self.fields = columns.fields
        self.readiness = columns.readiness
        # Microsoft Forms writes "anonymous" for a responder it does not know; anywhere else,
        # as in Presenter's own export, it may be what someone gave as their name.
        self.forms_anonymous = layout == MICROSOFT_FORMS

    def cell(self, row: tuple[str, ...], name: str) -> str:
        column = self.fields.get(name)
        return row[column].strip() if column is not None and column < len(row) else ""

    def not_coming(self, row: tuple[str, ...]) -> bool:
        status = fold(self.cell(row, "status"))
        return bool(status) and any(word in status for word in NOT_COMING)

    def name_and_email(self, row: tuple[str, ...]) -> tuple[str, str, bool]:
        """The person's name and email, blank where Microsoft Forms says "anonymous" (and
        whether it did, for the name)."""
        name = self.cell(row, "name") or " ".join(
            p for p in (self.cell(row, "first_name"), self.cell(row, "last_name")) if p
        )
        email = self.cell(row, "email")
        if not self.forms_anonymous:
            return name, email, False
        anonymous = fold(name) == "anonymous"
        return ("" if anonymous else name), ("" if fold(email) == "anonymous" else email), anonymous

    def problems(self, row: tuple[str, ...]) -> list[str]:
        """Why the row cannot be imported, one reason per field at fault (none when good)."""
        found = [
            f"the {FIELDS[name]} in column {column_letter(self.fields[name])} has a "
            "control character in it (such as NUL or an escape code); type it "
            "again in the sheet"
            for name in _TYPED_FIELDS
            if has_control_characters(self.cell(row, name))
        ]
        name, email, anonymous = self.name_and_email(row)
        if not name:
            found.append(
                "the name is empty (an anonymous response)" if anonymous else "the name is empty"
            )
        if problem := email_problem(email):
            found.append(
                f"the email in column {column_letter(self.fields.get('email', 0))} {problem}"
            )
        return found

    def handle(self, row: tuple[str, ...]) -> tuple[str, str]:
        """The social handle in the row, and a note when its answer was not one."""
        answer = self.cell(row, "handle")
        if not answer or is_answer(answer):
            return "", ""
        try:
            return normalise_handle(answer), ""
        except ValueError:
            letter = column_letter(self.fields["handle"])
            return (
                "",
                f"the answer in column {letter} is not a social handle, so no handle was kept",
            )

    def ready(self, row: tuple[str, ...]) -> frozenset[str]:
        handle_column = self.fields.get("handle")
        ready = set()
        for check, column in self.readiness.items():
            value = row[column].strip() if column < len(row) else ""
            if is_yes(value) or (column == handle_column and handle_like(value)):
                ready.add(check)
        return frozenset(ready)

    def details(self, row: tuple[str, ...]) -> tuple[AttendeeDetails, str]:
        """A good row's person, and a note on what was done with it (or "")."""
        name, email, _anonymous = self.name_and_email(row)
        handle, note = self.handle(row)
        details = AttendeeDetails(
            name=name,
            role=self.cell(row, "role"),
            department=self.cell(row, "department"),
            email=email,
            staff_number=self.cell(row, "staff_number"),
            handle=handle,
            consent=is_yes(self.cell(row, "consent")),
            note=self.cell(row, "note"),
            ready=self.ready(row),
        )
        return details, note


class _People:
    """The people found so far; a second response from one of them replaces the first."""

    def __init__(self) -> None:
        self.people: list[tuple[int, AttendeeDetails]] = []
        self.repeats: list[tuple[int, int]] = []
        self.by_email: dict[str, int] = {}  # folded email -> index in people
        self.by_name: dict[str, int] = {}

    def add(self, number: int, details: AttendeeDetails) -> int | None:
        """Add the person on row `number`; the earlier row they repeat, if they do."""
        email_key, name_key = details.email.casefold(), fold(details.name)
        index = self.by_email.get(email_key) if details.email else None
        if index is None and name_key in self.by_name:
            earlier = self.people[self.by_name[name_key]][1]
            if not details.email or not earlier.email:
                index = self.by_name[name_key]  # the same name, and no email to tell them apart
        earlier_row = None
        if index is None:
            index = len(self.people)
            self.people.append((number, details))
        else:
            earlier_row, earlier = self.people[index]
            self.repeats.append((number, earlier_row))
            self.people[index] = (number, _later_kept(details, earlier))
        if details.email:
            self.by_email[email_key] = index
        self.by_name.setdefault(name_key, index)
        return earlier_row
