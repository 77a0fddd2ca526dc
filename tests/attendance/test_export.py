"""Exports: Excel-safe CSV, XLSX as text, only the chosen columns, written whole."""

from __future__ import annotations

import ast
import csv
import os
import tempfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from presenter.attendance.export import (
    build_report,
    check_target,
    export_run,
    neutralise,
    write_csv,
)
from presenter.attendance.model import AttendeeDetails
from presenter.attendance.roster import guess_columns, plan_import, read_table
from presenter.attendance.store import open_store
from presenter.attendance.text import fold

AWKWARD = 'Smith, "Jo"\nÓlafsdóttir Ζωή 王芳'
FORMULA = '=HYPERLINK("http://x","y")'


@pytest.fixture
def people(store, run_id):
    store.check_in(run_id, AttendeeDetails(FORMULA, department="+44 ward", ready={"App installed"}))
    store.check_in(run_id, AttendeeDetails(AWKWARD, role="@ward sister", email="jo@nhs.net"))
    store.add_to_roster(run_id, [AttendeeDetails("Not Yet Here")])
    return run_id


def read_back(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def test_csv_has_a_bom_and_formulas_open_as_text(store, people, tmp_path):
    path = tmp_path / "attendance.csv"
    export_run(store, people, path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = read_back(path)
    assert rows[0] == [
        "Name", "Role", "Department or ward", "Checked in", "Late", "App installed",
        "Username ready",
    ]  # fmt: skip
    assert rows[1][0] == "'" + FORMULA
    assert rows[1][2] == "'+44 ward"
    assert rows[2][1] == "'@ward sister"
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_every_formula_start_is_neutralised(start):
    assert neutralise(f"{start}1+1") == f"'{start}1+1"
    assert neutralise("Sam") == "Sam"


def test_an_awkward_name_survives_the_round_trip(store, people, tmp_path, run_id):
    path = tmp_path / "attendance.csv"
    export_run(store, people, path, columns="name,email")
    assert read_back(path)[2] == [AWKWARD, "jo@nhs.net"]
    # and back in as a roster for the next run
    table = read_table(path)
    plan = plan_import(table, guess_columns(table.headers))
    assert [p.name for _, p in plan.people] == [FORMULA, AWKWARD]


def test_only_checked_in_people_and_only_the_chosen_columns(store, people, tmp_path):
    path = tmp_path / "attendance.csv"
    export_run(store, people, path)
    text = path.read_text(encoding="utf-8-sig")
    assert "jo@nhs.net" not in text  # email is left out unless chosen
    assert "Not Yet Here" not in text
    export_run(store, people, path, columns="name,email,readiness")
    assert read_back(path)[0] == ["Name", "Email", "App installed", "Username ready"]
    with pytest.raises(ValueError, match="unknown column"):
        export_run(store, people, path, columns="name,shoe size")


def test_xlsx_keeps_every_cell_as_text(store, people, tmp_path):
    path = tmp_path / "attendance.xlsx"
    export_run(store, people, path, columns="name,department")
    sheet = openpyxl.load_workbook(path).active
    assert sheet["A1"].value == "Name"
    assert sheet["A2"].value == FORMULA
    assert sheet["A2"].data_type == "s"
    assert sheet["A3"].value == AWKWARD
    assert sheet["B2"].value == "+44 ward"


def test_a_failed_export_leaves_the_old_file_and_no_litter(tmp_path):
    path = tmp_path / "attendance.csv"
    path.write_text("the old export")

    def broken_rows():
        yield ["Sam"]
        raise OSError("disk full")

    with pytest.raises(OSError):
        write_csv(path, ["Name"], broken_rows())
    assert path.read_text() == "the old export"
    assert os.listdir(tmp_path) == ["attendance.csv"]


def test_exports_are_private_to_their_owner(store, people, tmp_path):
    path = tmp_path / "attendance.csv"
    export_run(store, people, path)
    assert oct(path.stat().st_mode & 0o777) == oct(0o600)


def test_unknown_formats_are_refused(store, people, tmp_path):
    with pytest.raises(ValueError, match=r"\.csv, \.xlsx or \.pdf"):
        export_run(store, people, tmp_path / "attendance.docx")
    with pytest.raises(ValueError, match="certificates are a PDF"):
        check_target(tmp_path / "attendance.csv", certificates=True)


def test_the_report_counts_only_people_present(store, people):
    report = build_report(store, people)
    assert report.names == (FORMULA, AWKWARD)
    assert report.summary.checked_in == 2


NAME_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"))
    | st.sampled_from(["\n", "\r", "\t", ",", '"', "'", "=", "+", "-", "@", ";"]),
    min_size=1,
    max_size=30,
).filter(lambda text: text.strip())


@settings(max_examples=60, deadline=None)
@given(names=st.lists(NAME_TEXT, min_size=1, max_size=4, unique_by=fold))
@example(names=["0\r,"])  # a quoted line break is a cell, not a quote that swallowed a row
def test_any_name_survives_export_and_import_again(names):
    with tempfile.TemporaryDirectory() as folder:
        with open_store(folder) as store:
            run = store.create_run("Twitter hour", on=date(2026, 11, 25))
            for name in names:
                store.check_in(run.id, AttendeeDetails(name))
            stored = [p.name for p in store.attendees(run.id)]
            path = Path(folder) / "attendance.csv"
            export_run(store, run.id, path, columns="name")
        table = read_table(path)
        plan = plan_import(table, guess_columns(table.headers))
        assert [p.name for _, p in plan.people] == stored


def test_an_xlsx_export_imports_again_as_a_roster(store, people, tmp_path):
    path = tmp_path / "attendance.xlsx"
    export_run(store, people, path, columns="name,role,email")
    table = read_table(path)
    plan = plan_import(table, guess_columns(table.headers))
    assert [(p.name, p.role, p.email) for _, p in plan.people] == [
        (FORMULA, "", ""),
        (AWKWARD, "@ward sister", "jo@nhs.net"),
    ]


def imported_modules(source: str) -> set[str]:
    """Every module a source file imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


@pytest.mark.parametrize("module", ["export.py", "report.py"])
def test_the_exports_leave_pdf_drawing_to_the_windows_layer(module):
    source = (Path(export_run.__code__.co_filename).parent / module).read_text(encoding="utf-8")
    upward = {m for m in imported_modules(source) if m.startswith(("presenter.ui", "PySide6"))}
    assert not upward, f"{module} imports {sorted(upward)}"


def test_a_pdf_is_refused_here_with_where_it_is_drawn(store, people, tmp_path):
    with pytest.raises(ValueError, match="drawn with Qt"):
        export_run(store, people, tmp_path / "register.pdf")
    assert not (tmp_path / "register.pdf").exists()
