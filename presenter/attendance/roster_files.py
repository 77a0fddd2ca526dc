"""Reading a roster file: a CSV in whatever encoding Excel saved it, or an XLSX workbook,
as a header row and numbered rows. A stray quote that swallows people is reported by its
row, and a first row that holds a person instead of headings is refused.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from presenter.attendance.signups import detect_layout
from presenter.attendance.text import email_problem, restore


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
