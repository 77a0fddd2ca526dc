"""Roster import: pre-registered people from a CSV or XLSX sheet, an Eventbrite attendee
export, or Microsoft Forms / Google Forms responses.

Columns are guessed from the header row and shown for confirmation; every bad row is
reported by its row number (as the spreadsheet shows it); nothing is imported unless every
row is good, in one transaction.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from presenter.attendance.model import AttendeeDetails
from presenter.attendance.text import email_problem, fold, normalise_handle, restore, words

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
_YES = {"yes", "y", "true", "1", "x", "agree", "i agree", "ok", "happy to", "ticked", "done"}
_NOT_COMING = ("not attending", "refunded", "cancelled", "canceled", "transferred", "deleted")
_FORMS_MARKERS = {"completion time", "start time"}


class RosterError(Exception):
    """The file cannot be imported. Each problem prints as FILE:ROW: error: message."""

    def __init__(self, source: Path, problems: Iterable[tuple[int, str]]) -> None:
        self.source = source
        self.problems = tuple(problems)
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        return [f"{self.source}:{row}: error: {message}" for row, message in self.problems]


@dataclass(frozen=True)
class RosterTable:
    """A sheet as read: its header row and the data rows, each with its row number."""

    source: Path
    headers: tuple[str, ...]
    header_row: int
    rows: tuple[tuple[int, tuple[str, ...]], ...]


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


@dataclass(frozen=True)
class RosterPlan:
    """The people a sheet holds, ready to store, with the rows skipped and why."""

    people: tuple[tuple[int, AttendeeDetails], ...]
    skipped: tuple[tuple[int, str], ...] = ()
    repeats: tuple[tuple[int, int], ...] = ()  # (row, the earlier row it repeats)


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA: as a spreadsheet labels its columns."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    return restore(str(value))  # undo the quote an export put before a formula


def _decode(source: Path, raw: bytes) -> str:
    """UTF-8 with or without a BOM, UTF-16 (Excel's 'Unicode text'), else Windows-1252."""
    if raw.startswith(codecs.BOM_UTF8):
        raw, encodings = raw[len(codecs.BOM_UTF8) :], ("utf-8",)
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ("utf-16",)
    else:
        encodings = ("utf-8", "cp1252", "latin-1")
    for encoding in encodings:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise RosterError(source, [(1, "the file is not text in UTF-8; save it again as CSV UTF-8")])


def _read_csv(source: Path) -> list[list[str]]:
    text = _decode(source, source.read_bytes())
    first_line = text.split("\n", 1)[0]
    delimiter = ","
    if first_line.count("\t") > first_line.count(","):
        delimiter = "\t"
    elif first_line.count(";") > first_line.count(","):
        delimiter = ";"
    try:
        return [
            [_cell_text(c) for c in row]
            for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        ]
    except csv.Error as exc:
        raise RosterError(
            source, [(1, f"cannot read the CSV ({exc}); save it again as CSV")]
        ) from None


def _read_xlsx(source: Path) -> list[list[str]]:
    from zipfile import BadZipFile

    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(source, read_only=True, data_only=True)
    except (BadZipFile, InvalidFileException, KeyError, OSError, ValueError):
        raise RosterError(
            source, [(1, "is not an Excel workbook (.xlsx); save it again as .xlsx or .csv")]
        ) from None
    try:
        sheet = book.worksheets[0]
        return [[_cell_text(c) for c in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def read_table(path: str | Path) -> RosterTable:
    """Read a .csv, .tsv, .txt or .xlsx sheet; the first non-empty row is the header."""
    source = Path(path)
    if not source.is_file():
        raise RosterError(source, [(0, "no such file")])
    suffix = source.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        rows = _read_xlsx(source)
    elif suffix in (".csv", ".tsv", ".txt"):
        rows = _read_csv(source)
    elif suffix == ".xls":
        raise RosterError(source, [(1, "old .xls workbooks cannot be read; save as .xlsx or .csv")])
    else:
        raise RosterError(source, [(1, "is not a .csv or .xlsx file; export the sheet as one")])
    numbered = [(n, row) for n, row in enumerate(rows, start=1)]
    while numbered and not any(c.strip() for c in numbered[0][1]):
        numbered.pop(0)
    if not numbered:
        raise RosterError(source, [(1, "the file is empty; it needs a header row and people")])
    header_row, headers = numbered[0]
    headers = [" ".join(h.split()) for h in headers]
    while headers and not headers[-1]:
        headers.pop()
    width = len(headers)
    body = tuple(
        (n, tuple((list(row) + [""] * width)[:width]) if width else tuple(row))
        for n, row in numbered[1:]
    )
    return RosterTable(source, tuple(headers), header_row, body)


def guess_columns(headers: Iterable[str], readiness: Iterable[str] = ()) -> Columns:
    """Match each field to the header that names it best; each column used once."""
    normal = [" ".join(words(h)) for h in headers]
    forms = bool(_FORMS_MARKERS & set(normal))
    scores: list[tuple[int, int, str]] = []
    for column, header in enumerate(normal):
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
            if forms and header in ("name", "email"):
                best -= 30  # Microsoft Forms: the responder's account, often "anonymous"
            scores.append((best, column, name))
    fields: dict[str, int] = {}
    used: set[int] = set()
    checks = {fold(c): c for c in readiness}
    ready: dict[str, int] = {}
    for column, header in enumerate(normal):
        if header in checks:
            ready[checks[header]] = column
            used.add(column)
    for _score, column, name in sorted(scores, key=lambda s: (-s[0], s[1])):
        if name not in fields and column not in used:
            fields[name] = column
            used.add(column)
    return Columns(fields, ready)


def override_columns(
    headers: tuple[str, ...], columns: Columns, overrides: Mapping[str, str]
) -> Columns:
    """Apply `--column FIELD=HEADER` choices (a header's text or its column letter)."""
    fields = dict(columns.fields)
    for name, wanted in overrides.items():
        key = name.strip().lower().replace(" ", "_").replace("-", "_")
        if key not in FIELDS:
            raise ValueError(f'unknown field "{name}"; choose from {", ".join(FIELDS)}')
        if not wanted.strip():
            fields.pop(key, None)
            continue
        letters = [column_letter(i) for i in range(len(headers))]
        matches = [i for i, h in enumerate(headers) if fold(h) == fold(wanted)]
        if not matches and wanted.strip().upper() in letters:
            matches = [letters.index(wanted.strip().upper())]
        if not matches:
            raise ValueError(f'no column is headed "{wanted}"')
        for other, column in list(fields.items()):
            if column == matches[0]:
                del fields[other]
        fields[key] = matches[0]
    return Columns(fields, columns.readiness)


def _yes(text: str) -> bool:
    folded = fold(text)
    return folded in _YES or folded.startswith(("yes", "i agree", "i consent", "i am happy"))


def plan_import(table: RosterTable, columns: Columns) -> RosterPlan:
    """Turn the rows into people, or raise RosterError listing every bad row."""
    fields = columns.fields
    if "name" not in fields and not ({"first_name", "last_name"} & set(fields)):
        raise RosterError(
            table.source,
            [
                (
                    table.header_row,
                    "no column looks like a name; name it with --column name=HEADER "
                    "(headers: " + ", ".join(f'"{h}"' for h in table.headers) + ")",
                )
            ],
        )

    people: list[tuple[int, AttendeeDetails]] = []
    problems: list[tuple[int, str]] = []
    skipped: list[tuple[int, str]] = []
    repeats: list[tuple[int, int]] = []
    seen: dict[str, int] = {}

    def cell(row: tuple[str, ...], name: str) -> str:
        column = fields.get(name)
        return row[column].strip() if column is not None and column < len(row) else ""

    for number, row in table.rows:
        if not any(c.strip() for c in row):
            continue
        status = fold(cell(row, "status"))
        if status and any(word in status for word in _NOT_COMING):
            skipped.append((number, "ticket not attending, cancelled or refunded"))
            continue
        name = cell(row, "name") or " ".join(
            p for p in (cell(row, "first_name"), cell(row, "last_name")) if p
        )
        email = cell(row, "email")
        if fold(email) == "anonymous":
            email = ""
        letter = column_letter(fields.get("email", 0))
        row_problems = []
        if not name:
            row_problems.append("the name is empty")
        if problem := email_problem(email):
            row_problems.append(f"the email in column {letter} {problem}")
        try:
            handle = normalise_handle(cell(row, "handle"))
        except ValueError as exc:
            handle = ""
            row_problems.append(
                f"the social handle in column {column_letter(fields['handle'])} {exc}"
            )
        if row_problems:
            problems.append((number, "; ".join(row_problems)))
            continue
        for key in (f"email:{email.casefold()}" if email else "", f"name:{fold(name)}"):
            if key and key in seen:
                repeats.append((number, seen[key]))
                break
        for key in (f"email:{email.casefold()}" if email else "", f"name:{fold(name)}"):
            if key:
                seen.setdefault(key, number)
        ready = frozenset(check for check, column in columns.readiness.items() if _yes(row[column]))
        people.append(
            (
                number,
                AttendeeDetails(
                    name=name,
                    role=cell(row, "role"),
                    department=cell(row, "department"),
                    email=email,
                    staff_number=cell(row, "staff_number"),
                    handle=handle,
                    consent=_yes(cell(row, "consent")),
                    note=cell(row, "note"),
                    ready=ready,
                ),
            )
        )
    if problems:
        raise RosterError(table.source, problems)
    return RosterPlan(tuple(people), tuple(skipped), tuple(repeats))
