"""Roster import from the sheets facilitators are sent: generic, Eventbrite, Forms."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from presenter.attendance.roster import (
    RosterError,
    guess_columns,
    override_columns,
    plan_import,
    read_table,
)

READINESS = ("App installed", "Username ready")


def write_csv(path, rows, encoding="utf-8", delimiter=","):
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def write_xlsx(path, rows):
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def import_file(store, run_id, path, overrides=None):
    """What `presenter roster import --yes` does."""
    table = read_table(path)
    columns = guess_columns(table.headers, READINESS)
    if overrides:
        columns = override_columns(table.headers, columns, overrides)
    plan = plan_import(table, columns)
    store.add_to_roster(run_id, [p for _, p in plan.people])
    return table, columns, plan


GENERIC = [
    ["EMAIL", "Department", "full name", "Job Title"],
    ["zoe.smith@nhs.net", "Ward 12", "Zoë Smith", "Staff nurse"],
    ["", "Pharmacy", "Renée O’Brien", "Pharmacist"],
]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_a_generic_csv_in_any_encoding(store, run_id, tmp_path, encoding):
    path = write_csv(tmp_path / "signups.csv", GENERIC, encoding)
    _table, _columns, plan = import_file(store, run_id, path)
    people = {p.name: p for p in store.attendees(run_id)}
    assert set(people) == {"Zoë Smith", "Renée O’Brien"}
    zoe = people["Zoë Smith"]
    assert (zoe.email, zoe.department, zoe.role) == ("zoe.smith@nhs.net", "Ward 12", "Staff nurse")
    assert zoe.on_roster and not zoe.checked_in
    assert [row for row, _ in plan.people] == [2, 3]


def test_a_semicolon_csv_from_a_european_excel(store, run_id, tmp_path):
    path = write_csv(tmp_path / "signups.csv", GENERIC, "utf-8-sig", delimiter=";")
    import_file(store, run_id, path)
    assert len(store.attendees(run_id)) == 2


def test_an_xlsx_with_first_and_last_names(store, run_id, tmp_path):
    path = write_xlsx(
        tmp_path / "list.xlsx",
        [
            ["Surname", "First name", "Ward", "Staff number", "App installed"],
            ["Patel", "Sam", "ED", 123456, "Yes"],
            ["Costa", "Ana", "ICU", 98765, "no"],
        ],
    )
    import_file(store, run_id, path)
    people = {p.name: p for p in store.attendees(run_id)}
    assert set(people) == {"Sam Patel", "Ana Costa"}
    assert people["Sam Patel"].staff_number == "123456"
    assert people["Sam Patel"].ready == {"App installed"}
    assert people["Ana Costa"].ready == frozenset()


def test_an_eventbrite_attendee_export(store, run_id, tmp_path):
    headers = [
        "Order #", "Order Date", "First Name", "Last Name", "Email", "Quantity",
        "Ticket Type", "Attendee #", "Buyer Last Name", "Buyer First Name", "Buyer Email",
        "Job Title", "Attendee Status",
    ]  # fmt: skip
    rows = [
        headers,
        ["101", "2026-11-01", "Sam", "Patel", "sam@nhs.net", "1", "General", "1", "Lee", "Kim",
         "kim@nhs.net", "Nurse", "Attending"],
        ["102", "2026-11-02", "Ana", "Costa", "ana@nhs.net", "1", "General", "2", "Costa", "Ana",
         "ana@nhs.net", "Physio", "Attending"],
        ["103", "2026-11-03", "Bo", "Li", "bo@nhs.net", "1", "General", "3", "Li", "Bo",
         "bo@nhs.net", "Porter", "Refunded"],
    ]  # fmt: skip
    path = write_csv(tmp_path / "eventbrite.csv", rows, "utf-8")
    _table, columns, plan = import_file(store, run_id, path)
    assert columns.fields["first_name"] == 2 and columns.fields["email"] == 4
    people = {p.name: p for p in store.attendees(run_id)}
    assert set(people) == {"Sam Patel", "Ana Costa"}
    assert people["Sam Patel"].email == "sam@nhs.net"  # the attendee, not the buyer
    assert people["Sam Patel"].role == "Nurse"
    assert plan.skipped == ((4, "ticket not attending, cancelled or refunded"),)


def test_microsoft_forms_responses(store, run_id, tmp_path):
    path = write_xlsx(
        tmp_path / "Twitter hour sign-up(1-2).xlsx",
        [
            ["ID", "Start time", "Completion time", "Email", "Name", "Full name",
             "Your work email", "What is your job title?", "Which department or ward?",
             "Are you happy to be contacted about future sessions?"],
            [1, "11/20/26 9:01:02", "11/20/26 9:03:10", "anonymous", "", "Sam Patel",
             "sam.patel@nhs.net", "Nurse", "Ward 12", "Yes"],
            [2, "11/20/26 9:05:02", "11/20/26 9:06:10", "anonymous", "", "Ana Costa", "",
             "Physio", "Therapies", "No"],
        ],
    )  # fmt: skip
    import_file(store, run_id, path)
    people = {p.name: p for p in store.attendees(run_id)}
    assert set(people) == {"Sam Patel", "Ana Costa"}
    sam = people["Sam Patel"]
    assert (sam.email, sam.role, sam.department, sam.consent) == (
        "sam.patel@nhs.net", "Nurse", "Ward 12", True,
    )  # fmt: skip
    assert people["Ana Costa"].consent is False


def test_google_forms_responses(store, run_id, tmp_path):
    rows = [
        ["Timestamp", "Email Address", "Your name", "Role", "Department / ward",
         "Twitter handle (if you have one)"],
        ["2026/11/20 9:01:02 AM GMT", "sam@nhs.net", "Sam Patel", "Nurse", "ED", "@sam_rn"],
        ["2026/11/20 9:02:02 AM GMT", "jo@nhs.net", "Jo Bloggs", "HCA", "Ward 3",
         "https://twitter.com/jobloggs"],
    ]  # fmt: skip
    path = write_csv(tmp_path / "responses.csv", rows, "utf-8")
    import_file(store, run_id, path)
    people = {p.name: p for p in store.attendees(run_id)}
    assert people["Jo Bloggs"].handle == "@jobloggs"
    assert people["Sam Patel"].department == "ED"
    assert people["Sam Patel"].email == "sam@nhs.net"


def test_bad_rows_import_nothing_and_are_named_by_row(store, run_id, tmp_path):
    rows = [
        ["Name", "Email"],
        ["Sam Patel", "sam@nhs.net"],
        ["", "nobody@nhs.net"],
        ["Ana Costa", "ana-at-nhs"],
        ["Jo Bloggs", "jo@nhs.net"],
    ]
    path = write_csv(tmp_path / "signups.csv", rows)
    with pytest.raises(RosterError) as caught:
        import_file(store, run_id, path)
    assert [row for row, _ in caught.value.problems] == [3, 4]
    lines = caught.value.lines()
    assert lines[0].startswith(f"{path}:3: error: the name is empty")
    assert "ana-at-nhs" not in lines[1]  # the message names the column, not the data
    assert "column B" in lines[1]
    assert store.attendees(run_id) == []


def test_an_anonymous_microsoft_forms_response_is_a_row_without_a_name(tmp_path):
    path = write_xlsx(
        tmp_path / "Sign-up(1-2).xlsx",
        [
            ["ID", "Start time", "Completion time", "Email", "Name", "Job title"],
            [1, "11/20/26 9:01:02", "11/20/26 9:03:10", "anonymous", "anonymous", "Nurse"],
            [2, "11/20/26 9:05:02", "11/20/26 9:06:10", "kit@nhs.net", "Kit Example", "Porter"],
        ],
    )
    table = read_table(path)
    with pytest.raises(RosterError) as caught:
        plan_import(table, guess_columns(table.headers))
    assert caught.value.lines() == [f"{path}:2: error: the name is empty (an anonymous response)"]


def test_someone_called_anonymous_in_any_other_sheet_is_kept(tmp_path):
    """Presenter's own export of a person checked in as "Anonymous" imports again."""
    path = write_csv(tmp_path / "attendance.csv", [["Name", "Email"], ["Anonymous", ""]])
    table = read_table(path)
    plan = plan_import(table, guess_columns(table.headers))
    assert [p.name for _, p in plan.people] == ["Anonymous"]


def test_the_store_adds_all_or_none(store, run_id):
    from presenter.attendance.model import AttendeeDetails
    from presenter.attendance.store import InvalidDetails

    with pytest.raises(InvalidDetails):
        store.add_to_roster(
            run_id, [AttendeeDetails("Sam Patel"), AttendeeDetails("Ana", email="not-an-email")]
        )
    assert store.attendees(run_id) == []


def test_a_file_with_no_name_column_says_so_without_repeating_the_first_row(tmp_path):
    path = write_csv(tmp_path / "x.csv", [["Colour", "Size"], ["red", "L"]])
    table = read_table(path)
    with pytest.raises(RosterError) as caught:
        plan_import(table, guess_columns(table.headers))
    assert caught.value.lines() == [
        f"{path}:1: error: no column is headed as a name (Name, Full name, or First name and "
        "Last name); choose one with --column name=HEADER or its letter, e.g. --column name=B"
    ]  # the first row might be a person: its cells are not printed


def test_a_column_can_be_chosen_by_hand(store, run_id, tmp_path):
    path = write_csv(tmp_path / "x.csv", [["Delegate", "Where"], ["Sam Patel", "ED"]])
    import_file(store, run_id, path, {"name": "Delegate", "department": "B"})
    person = store.attendees(run_id)[0]
    assert (person.name, person.department) == ("Sam Patel", "ED")


def test_the_guess_is_shown_for_confirmation(tmp_path):
    path = write_csv(tmp_path / "x.csv", GENERIC)
    table = read_table(path)
    lines = guess_columns(table.headers).describe(table.headers)
    assert 'name                ← C "full name"' in lines
    assert any(line.startswith("email") and '"EMAIL"' in line for line in lines)


def test_someone_listed_twice_is_merged_and_reported(store, run_id, tmp_path):
    rows = [["Name", "Email", "Role"], ["Sam Patel", "sam@nhs.net", ""],
            ["Sam Patel", "sam@nhs.net", "Nurse"]]  # fmt: skip
    _table, _columns, plan = import_file(store, run_id, write_csv(tmp_path / "x.csv", rows))
    assert plan.repeats == ((3, 2),)
    people = store.attendees(run_id)
    assert [(p.name, p.role) for p in people] == [("Sam Patel", "Nurse")]


def test_not_a_spreadsheet(tmp_path):
    bogus = tmp_path / "list.xlsx"
    bogus.write_text("not a workbook")
    with pytest.raises(RosterError, match="not an Excel workbook"):
        read_table(bogus)
    pdf = tmp_path / "list.pdf"
    pdf.write_text("x")
    with pytest.raises(RosterError, match=r"\.csv or \.xlsx"):
        read_table(pdf)


@settings(max_examples=40, deadline=None)
@given(
    order=st.permutations(["Name", "Email", "Role", "Department"]),
    cases=st.lists(st.sampled_from([str.lower, str.upper, str.title]), min_size=4, max_size=4),
)
def test_generic_columns_in_any_order_and_case(order, cases):
    values = {"Name": "Zoë Smith", "Email": "zoe@nhs.net", "Role": "Nurse", "Department": "ICU"}
    headers = [case(h) for case, h in zip(cases, order, strict=True)]
    with tempfile.TemporaryDirectory() as folder:
        path = write_csv(Path(folder) / "x.csv", [headers, [values[h] for h in order]])
        table = read_table(path)
        plan = plan_import(table, guess_columns(table.headers))
    person = plan.people[0][1]
    assert (person.name, person.email, person.role, person.department) == tuple(values.values())


@pytest.mark.parametrize(
    ("first_row", "a_person"),
    [
        (["Name", "Email", "Profile link (x.com/yourname)"], False),
        (["Full name", "Twitter handle (e.g. @jo_bloggs)", "Staff no."], False),
        (["Ada Example", "ada.example@example.org"], True),
        (["Ada Example", "@ada_example"], True),
        (["Ada Example", "https://x.com/ada_example"], True),
        (["Ada Example", "123456"], True),
    ],
)
def test_a_first_row_holding_someone_is_not_taken_for_headers(tmp_path, first_row, a_person):
    path = write_csv(tmp_path / "x.csv", [first_row, ["Bram Sample"] * len(first_row)])
    if a_person:
        with pytest.raises(RosterError, match="row 1 looks like a person, not headers"):
            read_table(path)
    else:
        assert read_table(path).headers == tuple(first_row)


@pytest.mark.parametrize(
    ("answer", "is_one"),
    [("Yes", True), ("not sure", True), ("No, not yet", True), ("Don’t know", True),
     ("Phone;Laptop;", True), ("Who to follow, Top tips", True), ("@nora_n", False),
     ("nora_n", False), ("Nobody", False)],
)  # fmt: skip
def test_what_counts_as_an_answer_rather_than_a_handle(answer, is_one):
    from presenter.attendance.roster import is_answer

    assert is_answer(answer) is is_one
