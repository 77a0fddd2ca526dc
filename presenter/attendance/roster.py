"""Roster import: pre-registered people from a CSV or XLSX sheet, an Eventbrite attendee
export, or Microsoft Forms / Google Forms responses.

Columns are guessed from the header row and shown for confirmation; every bad row is
reported by its row number (as the spreadsheet shows it); nothing is imported unless every
row is good, in one transaction. The three sign-up services are recognised by the columns
their exports always have; every other column of theirs is a question the organiser added,
and the questions about the app or a username feed the run's readiness checks. No message
repeats what a person typed: rows and columns are named, never their values.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from dataclasses import fields as dataclass_fields
from datetime import date, datetime
from pathlib import Path

from presenter.attendance.model import AttendeeDetails
from presenter.attendance.text import (
    email_problem,
    fold,
    has_control_characters,
    normalise_handle,
    restore,
    words,
)

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

# The sign-up services, recognised by the columns their exports always have (folded).
EVENTBRITE = "an Eventbrite attendee report"
MICROSOFT_FORMS = "Microsoft Forms responses"
GOOGLE_FORMS = "Google Forms responses"
_EVENTBRITE_FIXED = frozenset(
    {
        "order #", "order date", "prefix", "first name", "last name", "suffix", "email",
        "quantity", "price tier", "ticket type", "attendee #", "barcode #", "group",
        "order type", "currency", "total paid", "fees paid", "eventbrite fees",
        "eventbrite payment processing", "attendee status", "event name", "event id",
        "venue name", "device name", "check-in date", "discount", "seat", "delivery method",
    }
)  # fmt: skip
_MICROSOFT_FORMS_FIXED = frozenset(
    {
        "id", "start time", "completion time", "email", "name", "last modified time",
        "total points", "quiz feedback", "grade posted time",
    }
)  # fmt: skip
_GOOGLE_FORMS_FIXED = frozenset({"timestamp", "email address", "score"})

# What a form's yes/no question is answered with; any of them alone, or leading a longer
# answer ("Yes, on my phone"), is an answer and never a social handle.
_ANSWERS = {
    "yes", "no", "y", "n", "not sure", "unsure", "maybe", "don't know", "dont know",
    "do not know", "not yet", "n/a", "na", "none", "no idea", "true", "false", "tbc",
    "later", "not applicable", "prefer not to say", "i don't know", "i'm not sure",
}  # fmt: skip
_ANSWER_START = re.compile(r"^(yes|no|not|maybe|unsure)\b")
_APP_WORDS = ("install", "download", "have", "got", "set")
_USERNAME_WORDS = {"username", "usernames", "handle", "account", "login"}


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
    layout: str = ""  # EVENTBRITE, MICROSOFT_FORMS, GOOGLE_FORMS, or "" for any other sheet

    def column_values(self, column: int) -> list[str]:
        """What each row holds in one column (blank where the row is short)."""
        return [row[column] if column < len(row) else "" for _number, row in self.rows]


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
    notes: tuple[tuple[int, str], ...] = ()  # (row, what was done), e.g. a later response kept


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
    elif len(raw) >= 4 and raw[1::2].count(0) * 2 > len(raw) // 2:
        encodings = ("utf-16-le",)  # UTF-16 without its BOM: every other byte is zero
    elif len(raw) >= 4 and raw[0::2].count(0) * 2 > len(raw) // 2:
        encodings = ("utf-16-be",)
    else:
        encodings = ("utf-8", "cp1252", "latin-1")
    for encoding in encodings:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise RosterError(source, [(1, "the file is not text in UTF-8; save it again as CSV UTF-8")])


def _swallowed_lines(record: list[str], delimiter: str, width: int) -> int:
    """How many lines inside the record's cells look like further rows of the sheet: a
    quote that is never closed runs the cell on over the people after it."""
    least = max(2, width - 1)
    return sum(
        1
        for cell in record
        for line in cell.splitlines()[1:]
        if sum(1 for part in line.split(delimiter) if part.strip()) >= least
    )


def _swallowed(line_number: int, lines: int) -> str:
    what = "a line that looks" if lines == 1 else f"{lines} lines that look"
    return (
        f"a quote on this row opens a cell that runs on to line {line_number} of the file, "
        f'swallowing {what} like more people; a quote inside a cell must be doubled (""), so '
        "fix the quotes on this row and import again"
    )


def _read_csv(source: Path) -> list[list[str]]:
    text = _decode(source, source.read_bytes())
    first_line = text.split("\n", 1)[0]
    delimiter = ","
    if first_line.count("\t") > first_line.count(","):
        delimiter = "\t"
    elif first_line.count(";") > first_line.count(","):
        delimiter = ";"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records: list[list[str]] = []
    problems: list[tuple[int, str]] = []
    width = 0
    try:
        for record in reader:
            if not width and any(c.strip() for c in record):
                width = len(record)  # the header row
            elif width and (swallowed := _swallowed_lines(record, delimiter, width)):
                # A well-made cell may hold line breaks; a stray quote shows as a row with the
                # wrong number of cells, or as a last cell that runs on, unclosed, to the end.
                unclosed = not text.rstrip().endswith('"')
                if len(record) != width or (unclosed and reader.line_num >= text.count("\n")):
                    problems.append((len(records) + 1, _swallowed(reader.line_num, swallowed)))
            records.append(record)
    except csv.Error as exc:
        raise RosterError(
            source, [(len(records) + 1, f"cannot read the CSV ({exc}); save it again as CSV")]
        ) from None
    if problems:
        raise RosterError(source, problems)
    return [[_cell_text(c) for c in row] for row in records]


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


def detect_layout(headers: Iterable[str]) -> str:
    """Which sign-up service exported a sheet with these headers, by its fixed columns."""
    folded = [fold(h) for h in headers]
    present = set(folded)
    if {"order #", "ticket type"} <= present and ({"attendee #", "first name"} & present):
        return EVENTBRITE
    if folded[:3] == ["id", "start time", "completion time"]:
        return MICROSOFT_FORMS
    if folded[:1] == ["timestamp"]:
        return GOOGLE_FORMS
    return ""


def _fixed_column(layout: str, header: str) -> bool:
    """Whether a (folded) header is one of the columns the service always exports."""
    if layout == EVENTBRITE:
        return header in _EVENTBRITE_FIXED or header.startswith(("buyer ", "billing "))
    if layout == MICROSOFT_FORMS:
        return header in _MICROSOFT_FORMS_FIXED or header.startswith(("points - ", "feedback - "))
    if layout == GOOGLE_FORMS:
        return header in _GOOGLE_FORMS_FIXED
    return False


def _looks_like_a_person(cells: Iterable[str]) -> bool:
    """A first row holding an email address, a handle or a number is data, not headings."""
    for cell in (c.strip() for c in cells):
        if not cell:
            continue
        if "@" in cell and email_problem(cell) is None:
            return True
        if cell.startswith("@") or re.fullmatch(r"\S*(twitter|x)\.com/\S+", cell, re.IGNORECASE):
            return True
        if re.fullmatch(r"[\d\s/.:+-]+", cell) and any(c.isdigit() for c in cell):
            return True
    return False


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
    if _looks_like_a_person(headers):
        raise RosterError(
            source,
            [
                (
                    header_row,
                    f"row {header_row} looks like a person, not headers; add a row of "
                    "headings (such as Name, Email) above the first person",
                )
            ],
        )
    headers = [" ".join(h.split()) for h in headers]
    while headers and not headers[-1]:
        headers.pop()
    width = len(headers)
    body = tuple(
        (n, tuple((list(row) + [""] * width)[:width]) if width else tuple(row))
        for n, row in numbered[1:]
    )
    return RosterTable(source, tuple(headers), header_row, body, detect_layout(headers))


def is_answer(value: str) -> bool:
    """Yes / No / Not sure and the like, alone or leading a longer answer ("Yes, on my
    phone"), or a multi-choice answer joined by ";" (Microsoft Forms) or ", " (Google)."""
    folded = fold(value).replace("\u2019", "'").rstrip(" .!;")
    if not folded:
        return False
    if folded in _ANSWERS or _ANSWER_START.match(folded):
        return True
    return ";" in folded or ", " in folded


def _handle_like(value: str) -> bool:
    if not value.strip() or is_answer(value):
        return False
    try:
        normalise_handle(value)
    except ValueError:
        return False
    return True


def _looks_like_handles(values: Iterable[str]) -> bool:
    """Most of what is not a plain answer is a handle, and there is at least one."""
    filled = [v for v in values if v.strip()]
    handles = sum(_handle_like(v) for v in filled)
    others = sum(not is_answer(v) for v in filled)
    return handles > 0 and handles * 2 >= others


def _asks_about(check: str, header: str) -> bool:
    """Whether a question's header asks about a readiness check: "Do you have the X app
    installed?" asks about "App installed", "What is your username?" about "Username ready"."""
    heard = words(header)
    wanted = words(check)
    if "app" in wanted:
        return bool({"app", "apps", "application"} & set(heard)) and any(
            w.startswith(_APP_WORDS) for w in heard
        )
    if _USERNAME_WORDS & set(wanted) or "user" in wanted:
        return bool(_USERNAME_WORDS & set(heard)) or "user name" in " ".join(heard)
    stems = [w[:5] for w in wanted if len(w) >= 3]
    return bool(stems) and all(any(h.startswith(s) for h in heard) for s in stems)


def guess_columns(source: RosterTable | Iterable[str], readiness: Iterable[str] = ()) -> Columns:
    """Match each field to the header that names it best; each column used once.

    Given the table (not just its headers), a column of answers (Yes / No / Not sure) is
    never taken for social handles, and a question about the app or a username feeds the
    readiness check it asks about (a username question also gives the handle, when its
    answers look like handles).
    """
    if isinstance(source, RosterTable):
        headers, layout, table = source.headers, source.layout, source
    else:
        headers, table = tuple(source), None
        layout = detect_layout(headers)
    readiness = tuple(readiness)
    normal = [" ".join(words(h)) for h in headers]
    forms = layout == MICROSOFT_FORMS or bool(_FORMS_MARKERS & set(normal))
    fixed = {i for i, h in enumerate(headers) if _fixed_column(layout, fold(h))}
    values = [table.column_values(i) if table else [] for i in range(len(headers))]

    def answers(column: int) -> bool:
        filled = [v for v in values[column] if v.strip()]
        return bool(filled) and all(is_answer(v) for v in filled)

    def question(column: int) -> bool:
        if column in fixed:
            return False
        return bool(layout) or headers[column].rstrip().endswith("?") or answers(column)

    used: set[int] = set()
    checks = {fold(c): c for c in readiness}
    ready: dict[str, int] = {}
    for column, header in enumerate(headers):
        if fold(header) in checks and checks[fold(header)] not in ready:
            ready[checks[fold(header)]] = column
            used.add(column)
    for check in readiness:
        for column, header in enumerate(headers):
            if check in ready:
                break
            if column not in used and question(column) and _asks_about(check, header):
                ready[check] = column
                used.add(column)

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
    for _score, column, name in sorted(scores, key=lambda s: (-s[0], s[1])):
        if name in fields:
            continue
        if name == "handle":
            if table is not None and (answers(column) or not _looks_like_handles(values[column])):
                continue  # "Do you use Twitter?" answered Yes / No is not a handle
            if column in used and column not in ready.values():
                continue
        elif column in used:
            continue
        fields[name] = column
        used.add(column)
    return Columns(fields, ready)


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


def _yes(text: str) -> bool:
    folded = fold(text).rstrip(" .!;")
    return folded in _YES or folded.startswith(("yes", "i agree", "i consent", "i am happy"))


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


def plan_import(table: RosterTable, columns: Columns) -> RosterPlan:
    """Turn the rows into people, or raise RosterError listing every bad row."""
    fields = columns.fields
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

    people: list[tuple[int, AttendeeDetails]] = []
    problems: list[tuple[int, str]] = []
    skipped: list[tuple[int, str]] = []
    repeats: list[tuple[int, int]] = []
    notes: list[tuple[int, str]] = []
    by_email: dict[str, int] = {}  # folded email -> index in people
    by_name: dict[str, int] = {}
    handle_column = fields.get("handle")

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
        row_problems = []
        for name in ("name", "first_name", "last_name", "email", "role", "department",
                     "staff_number", "handle", "note"):  # fmt: skip
            if has_control_characters(cell(row, name)):
                row_problems.append(
                    f"the {FIELDS[name]} in column {column_letter(fields[name])} has a "
                    "control character in it (such as NUL or an escape code); type it "
                    "again in the sheet"
                )
        name = cell(row, "name") or " ".join(
            p for p in (cell(row, "first_name"), cell(row, "last_name")) if p
        )
        anonymous = fold(name) == "anonymous"
        if anonymous:
            name = ""
        email = cell(row, "email")
        if fold(email) == "anonymous":
            email = ""
        letter = column_letter(fields.get("email", 0))
        if not name:
            row_problems.append(
                "the name is empty (an anonymous response)" if anonymous else "the name is empty"
            )
        if problem := email_problem(email):
            row_problems.append(f"the email in column {letter} {problem}")
        if row_problems:
            problems.append((number, "; ".join(row_problems)))
            continue
        handle = ""
        answer = cell(row, "handle")
        if answer and not is_answer(answer):
            try:
                handle = normalise_handle(answer)
            except ValueError:
                notes.append(
                    (
                        number,
                        f"the answer in column {column_letter(fields['handle'])} is not a "
                        "social handle, so no handle was kept",
                    )
                )
        ready = set()
        for check, column in columns.readiness.items():
            value = row[column].strip() if column < len(row) else ""
            if _yes(value) or (column == handle_column and _handle_like(value)):
                ready.add(check)
        details = AttendeeDetails(
            name=name,
            role=cell(row, "role"),
            department=cell(row, "department"),
            email=email,
            staff_number=cell(row, "staff_number"),
            handle=handle,
            consent=_yes(cell(row, "consent")),
            note=cell(row, "note"),
            ready=frozenset(ready),
        )
        email_key, name_key = email.casefold(), fold(name)
        index = by_email.get(email_key) if email else None
        if index is None and name_key in by_name:
            earlier = people[by_name[name_key]][1]
            if not email or not earlier.email:
                index = by_name[name_key]  # the same name, and no email to tell them apart
        if index is None:
            index = len(people)
            people.append((number, details))
        else:
            earlier_row, earlier = people[index]
            repeats.append((number, earlier_row))
            notes.append(
                (
                    number,
                    f"a second response from the person on row {earlier_row}; the later "
                    "answers are kept",
                )
            )
            people[index] = (number, _later_kept(details, earlier))
        if email:
            by_email[email_key] = index
        by_name.setdefault(name_key, index)
    if problems:
        raise RosterError(table.source, problems)
    return RosterPlan(
        tuple(people), tuple(skipped), tuple(repeats), tuple(sorted(notes, key=lambda n: n[0]))
    )
