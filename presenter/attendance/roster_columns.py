"""Which column of a roster holds each detail: guessed from the headers (and, for a form's
questions, from the answers), shown for the facilitator to confirm, and overridden by
`--column FIELD=HEADER`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from presenter.attendance.roster_files import RosterTable, column_letter
from presenter.attendance.signups import (
    FORMS_MARKERS,
    MICROSOFT_FORMS,
    asks_about,
    detect_layout,
    fixed_column,
    is_answer,
    looks_like_handles,
)
from presenter.attendance.text import fold, words

FIELDS = {
    "name": "name",
    "first_name": "first name",
    "last_name": "last name",
    "email": "email",
    "role": "role",
    "department": "department or ward",
    "staff_number": "staff number",
    "handle": "social handle",
    "consent": "consent to contact",
    "note": "note",
    "status": "ticket status",
}

# (phrase, score): a header equal to the phrase scores it plus 10; a header containing the
# phrase as whole words (a Forms question such as "What is your job title?") scores it.
_PHRASES: dict[str, tuple[tuple[str, int], ...]] = {
    "name": (
        ("name", 100),
        ("full name", 100),
        ("your name", 90),
        ("attendee name", 90),
        ("participant name", 90),
        ("delegate name", 90),
        ("name of attendee", 90),
    ),
    "first_name": (("first name", 100), ("firstname", 100), ("forename", 100), ("given name", 95)),
    "last_name": (("last name", 100), ("lastname", 100), ("surname", 100), ("family name", 95)),
    "email": (("email", 100), ("e mail", 100), ("email address", 100)),
    "role": (
        ("role", 100),
        ("job title", 100),
        ("job role", 100),
        ("position", 80),
        ("profession", 80),
        ("occupation", 80),
        ("staff group", 70),
        ("designation", 70),
    ),
    "department": (
        ("department", 100),
        ("dept", 90),
        ("ward", 90),
        ("directorate", 70),
        ("team", 70),
        ("division", 60),
        ("service", 60),
        ("specialty", 60),
        ("speciality", 60),
        ("unit", 50),
        ("location", 40),
    ),
    "staff_number": (
        ("staff number", 100),
        ("staff no", 100),
        ("staff id", 100),
        ("employee number", 100),
        ("employee id", 100),
        ("payroll number", 90),
        ("assignment number", 90),
        ("esr number", 90),
    ),
    "handle": (
        ("twitter", 100),
        ("x handle", 100),
        ("handle", 90),
        ("social media", 70),
        ("username", 60),
    ),
    "consent": (
        ("consent", 100),
        ("follow up", 80),
        ("contacted", 80),
        ("contact", 70),
        ("keep in touch", 80),
        ("mailing list", 60),
    ),
    "note": (
        ("note", 100),
        ("notes", 100),
        ("comment", 80),
        ("comments", 80),
        ("anything else", 70),
        ("access requirements", 60),
    ),
    "status": (("attendee status", 100),),
}
_EXACT_ONLY = {"name"}  # "Company name", "Buyer last name" are not the person's name


@dataclass(frozen=True)
class Columns:
    """Which column (0-based) holds each field, and which hold readiness checks."""

    fields: Mapping[str, int]
    readiness: Mapping[str, int] = field(default_factory=dict)

    def describe(self, headers: tuple[str, ...]) -> list[str]:
        """One line per field, for the facilitator to confirm: 'name  ← B "Full name"'."""
        lines = []
        chosen = [(FIELDS[f], c) for f, c in self.fields.items()]
        chosen += [(check, c) for check, c in self.readiness.items()]
        width = max((len(label) for label, _ in chosen), default=0)
        for label, column in sorted(chosen, key=lambda item: item[1]):
            lines.append(f'{label:<{width}}  ← {column_letter(column)} "{headers[column]}"')
        unused = [i for i in range(len(headers)) if i not in set(c for _, c in chosen)]
        if unused:
            lines.append("not imported: " + ", ".join(f'"{headers[i]}"' for i in unused))
        return lines


def guess_columns(source: RosterTable | Iterable[str], readiness: Iterable[str] = ()) -> Columns:
    """Match each field to the header that names it best; each column used once.

    Given the table (not just its headers), a column of answers (Yes / No / Not sure) is
    never taken for social handles, and a question about the app or a username feeds the
    readiness check it asks about (a username question also gives the handle, when its
    answers look like handles).
    """
    sheet = _Sheet(source)
    used: set[int] = set()
    ready = _readiness_columns(sheet, tuple(readiness), used)
    fields: dict[str, int] = {}
    for _score, column, name in sorted(_scores(sheet), key=lambda s: (-s[0], s[1])):
        if name in fields:
            continue
        if name == "handle":
            if sheet.table is not None and (
                sheet.answers(column) or not looks_like_handles(sheet.values[column])
            ):
                continue  # "Do you use Twitter?" answered Yes / No is not a handle
            if column in used and column not in ready.values():
                continue
        elif column in used:
            continue
        fields[name] = column
        used.add(column)
    return Columns(fields, ready)


class _Sheet:
    """A sheet's headers (and, given the table, its columns' values) as the guess reads them."""

    def __init__(self, source: RosterTable | Iterable[str]) -> None:
        if isinstance(source, RosterTable):
            self.headers, self.layout, self.table = source.headers, source.layout, source
        else:
            self.headers, self.table = tuple(source), None
            self.layout = detect_layout(self.headers)
        self.normal = [" ".join(words(h)) for h in self.headers]
        self.forms = self.layout == MICROSOFT_FORMS or bool(FORMS_MARKERS & set(self.normal))
        self.fixed = {i for i, h in enumerate(self.headers) if fixed_column(self.layout, fold(h))}
        table = self.table
        self.values = [table.column_values(i) if table else [] for i in range(len(self.headers))]

    def answers(self, column: int) -> bool:
        """Every filled cell of the column is an answer such as Yes / No / Not sure."""
        filled = [v for v in self.values[column] if v.strip()]
        return bool(filled) and all(is_answer(v) for v in filled)

    def question(self, column: int) -> bool:
        """The column is a question the organiser asked, not one the service always has."""
        if column in self.fixed:
            return False
        header = self.headers[column]
        return bool(self.layout) or header.rstrip().endswith("?") or self.answers(column)


def _readiness_columns(sheet: _Sheet, readiness: tuple[str, ...], used: set[int]) -> dict[str, int]:
    """The column each readiness check is read from: one headed with the check's label, or
    a question asking about it. The columns taken are added to `used`."""
    checks = {fold(c): c for c in readiness}
    ready: dict[str, int] = {}
    for column, header in enumerate(sheet.headers):
        if fold(header) in checks and checks[fold(header)] not in ready:
            ready[checks[fold(header)]] = column
            used.add(column)
    for check in readiness:
        for column, header in enumerate(sheet.headers):
            if check in ready:
                break
            if column not in used and sheet.question(column) and asks_about(check, header):
                ready[check] = column
                used.add(column)
    return ready


def _scores(sheet: _Sheet) -> list[tuple[int, int, str]]:
    """(score, column, field) for every header that names a field."""
    scores: list[tuple[int, int, str]] = []
    for column, header in enumerate(sheet.normal):
        if not header:
            continue
        padded = f" {header} "
        for name, phrases in _PHRASES.items():
            best = 0
            for phrase, score in phrases:
                if header == phrase:
                    best = max(best, score + 10)
                elif phrase not in _EXACT_ONLY and f" {phrase} " in padded:
                    best = max(best, score)
            if not best:
                continue
            if "buyer" in padded or "purchaser" in padded:
                best -= 30  # Eventbrite: the person who paid, not the attendee
            if sheet.forms and header in ("name", "email"):
                best -= 30  # Microsoft Forms: the responder's account, often "anonymous"
            scores.append((best, column, name))
    return scores


def override_columns(
    headers: tuple[str, ...],
    columns: Columns,
    overrides: Mapping[str, str],
    readiness: Iterable[str] = (),
) -> Columns:
    """Apply `--column FIELD=HEADER` choices (a header's text or its column letter); FIELD
    is a detail ("name", "email", ...) or one of the run's readiness checks by its label."""
    fields = dict(columns.fields)
    ready = dict(columns.readiness)
    checks = {fold(c): c for c in readiness}
    for name, wanted in overrides.items():
        key = name.strip().lower().replace(" ", "_").replace("-", "_")
        check = checks.get(fold(name))
        if check is None and key not in FIELDS:
            known = ", ".join(FIELDS)
            if checks:
                known += ", or a readiness check: " + ", ".join(f'"{c}"' for c in readiness)
            raise ValueError(f'unknown field "{name}"; choose from {known}')
        if not wanted.strip():
            if check is not None:
                ready.pop(check, None)
            else:
                fields.pop(key, None)
            continue
        letters = [column_letter(i) for i in range(len(headers))]
        matches = [i for i, h in enumerate(headers) if fold(h) == fold(wanted)]
        if not matches and wanted.strip().upper() in letters:
            matches = [letters.index(wanted.strip().upper())]
        if not matches:
            raise ValueError(f'no column is headed "{wanted}"')
        if check is not None:
            ready[check] = matches[0]
            continue
        for other, column in list(fields.items()):
            if column == matches[0]:
                del fields[other]
        fields[key] = matches[0]
    return Columns(fields, ready)
