"""Exports of a run: CSV for Excel, XLSX, and the data behind the PDF register and
certificates (which the windows' layer draws with Qt, called by the command line and the
app). Only the chosen columns leave the file; every export is written whole or not at all."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from presenter.attendance.model import Attendee, Run, Summary
from presenter.attendance.store import AttendanceStore
from presenter.attendance.text import fold, neutralise
from presenter.files import atomic_write, write_bytes, zip_check

# Column name on the command line → heading in the file.
COLUMNS = {
    "name": "Name",
    "role": "Role",
    "department": "Department or ward",
    "email": "Email",
    "staff_number": "Staff number",
    "handle": "Social handle",
    "consent": "Consent to contact",
    "checked_in": "Checked in",
    "late": "Late",
    "note": "Note",
}
# Personal contact details stay out unless asked for.
DEFAULT_COLUMNS = ("name", "role", "department", "checked_in", "late", "readiness")
EXPORT_FORMATS = (".csv", ".xlsx", ".pdf")


@dataclass(frozen=True)
class AttendanceReport:
    """What an export shows: the run, the chosen headings, one row per person present."""

    run: Run
    headings: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    names: tuple[str, ...]
    summary: Summary


def choose_columns(run: Run, wanted: str | Iterable[str] | None = None) -> list[str]:
    """Resolve a comma list of column names ('readiness' stands for every check).

    Raises ValueError naming the first unknown column and the choices.
    """
    if wanted is None:
        wanted = DEFAULT_COLUMNS
    elif isinstance(wanted, str):
        wanted = [w for w in wanted.split(",") if w.strip()]
    checks = {fold(c): c for c in run.readiness}
    chosen: list[str] = []
    for item in wanted:
        key = item.strip().lower().replace(" ", "_").replace("-", "_")
        if key == "readiness":
            chosen += [c for c in run.readiness if c not in chosen]
        elif key in COLUMNS:
            chosen.append(key)
        elif fold(item) in checks:
            chosen.append(checks[fold(item)])
        else:
            choices = [*COLUMNS, "readiness", *run.readiness]
            raise ValueError(f'unknown column "{item.strip()}"; choose from {", ".join(choices)}')
    if not chosen:
        raise ValueError("choose at least one column")
    return chosen


def _value(person: Attendee, column: str) -> str:
    if column == "checked_in":
        return person.checked_in_at.strftime("%H:%M") if person.checked_in_at else ""
    if column == "late":
        return "late" if person.late else ""
    if column == "consent":
        return "yes" if person.consent else "no"
    if column in COLUMNS:
        return getattr(person, column)
    return "yes" if column in person.ready else "no"


def build_report(
    store: AttendanceStore, run_id: int, columns: str | Iterable[str] | None = None
) -> AttendanceReport:
    """The people checked in to a run, with only the chosen columns."""
    run = store.run(run_id)
    chosen = choose_columns(run, columns)
    people = store.attendees(run_id, checked_in_only=True)
    return AttendanceReport(
        run=run,
        headings=tuple(COLUMNS.get(c, c) for c in chosen),
        rows=tuple(tuple(_value(p, c) for c in chosen) for p in people),
        names=tuple(p.name for p in people),
        summary=store.summary(run_id),
    )


def write_csv(path: str | Path, headings: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    """UTF-8 with a BOM, so Excel shows accents right; formulas neutralised."""
    with atomic_write(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow([neutralise(h) for h in headings])
        writer.writerows([neutralise(c) for c in row] for row in rows)


def write_xlsx(
    path: str | Path, headings: Sequence[str], rows: Iterable[Sequence[str]], title: str
) -> None:
    """One sheet; every cell stored as text, so nothing in it runs as a formula."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "".join(c for c in title if c not in "[]:*?/\\")[:31].strip() or "Attendance"
    for row_number, row in enumerate([list(headings), *map(list, rows)], start=1):
        for column_number, text in enumerate(row, start=1):
            cell = sheet.cell(row=row_number, column=column_number)
            cell.value = ILLEGAL_CHARACTERS_RE.sub("", text)
            cell.data_type = "s"
            if row_number == 1:
                cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    # Built in memory: a zip that fails half-way onto a full disk would complain again
    # from its finaliser.
    data = io.BytesIO()
    book.save(data)
    write_bytes(path, data.getvalue(), check=zip_check)


def check_target(path: str | Path, *, certificates: bool = False) -> str:
    """The format of an export to `path` (its extension), or ValueError saying what to fix."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in EXPORT_FORMATS:
        raise ValueError(f'cannot write "{suffix or target.name}"; use .csv, .xlsx or .pdf')
    if certificates and suffix != ".pdf":
        raise ValueError("certificates are a PDF; give an output file ending in .pdf")
    if not target.parent.is_dir():
        raise ValueError(f"the folder {target.parent} does not exist")
    return suffix


def write_table(path: str | Path, report: AttendanceReport) -> None:
    """Write a report as a .csv or .xlsx file; the format follows the extension."""
    if Path(path).suffix.lower() == ".xlsx":
        write_xlsx(path, report.headings, report.rows, report.run.title)
    else:
        write_csv(path, report.headings, report.rows)


def export_run(
    store: AttendanceStore,
    run_id: int,
    path: str | Path,
    *,
    columns: str | Iterable[str] | None = None,
) -> AttendanceReport:
    """Write a run's attendance to a .csv or .xlsx file; the format follows the extension.

    A .pdf is drawn by the windows' layer from `build_report`: ValueError here."""
    if check_target(path) == ".pdf":
        raise ValueError("a PDF is drawn with Qt, by presenter.ui.attendance.register_pdf")
    report = build_report(store, run_id, columns)
    write_table(path, report)
    return report


def length_text(minutes: int) -> str:
    """'1 hour', '90 minutes (1.5 hours)', '45 minutes': as a CPD log wants it."""
    if minutes % 60 == 0:
        hours = minutes // 60
        return f"{hours} hour" + ("s" if hours != 1 else "")
    if minutes > 60:
        return f"{minutes} minutes ({minutes / 60:g} hours)"
    return f"{minutes} minutes"
