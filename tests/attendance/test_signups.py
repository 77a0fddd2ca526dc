"""Sign-up exports as the services write them, imported with no --column flags, and one
file per fault a real roster can hold, each with its exact message and row.

The files in tests/fixtures/signups/ are invented (example.org people) in the layouts of an
Eventbrite attendee report, a Google Forms response CSV and, written here with openpyxl, a
Microsoft Forms "Open in Excel" workbook.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from presenter.attendance.store import open_store

SIGNUPS = Path(__file__).resolve().parents[1] / "fixtures" / "signups"
FAULTS = SIGNUPS / "faults"


@pytest.fixture
def presenter(presenter):
    """The command line (see conftest), with a run of twitter-hour made first."""
    assert presenter("runs", "new", "twitter-hour", "--venue", "Library")[0] == 0
    return presenter


def people(tmp_path) -> dict[str, tuple[str, str, frozenset[str]]]:
    """Everyone on run 1: name -> (email, handle, readiness ticked)."""
    with open_store(tmp_path / "data") as store:
        return {p.name: (p.email, p.handle, p.ready) for p in store.attendees(1)}


BOTH = frozenset({"App installed", "Username ready"})
USERNAME = frozenset({"Username ready"})
NONE: frozenset[str] = frozenset()

EVENTBRITE_PEOPLE = {
    "Ada Example": ("ada.example@example.org", "@ada_example", BOTH),
    "Bram Sample": ("bram.sample@example.org", "", NONE),
    "Cleo Placeholder": ("cleo.placeholder@example.org", "@cleo_ph", USERNAME),  # Not sure
    "Dev Fictional": ("dev.fictional@example.org", "@dev_fictional", BOTH),
    "Edie Madeup": ("edie.madeup@example.org", "@edie_m", BOTH),  # bought by Dev
}


def test_an_eventbrite_report_imports_as_it_comes(presenter, tmp_path):
    """A yes/no question naming Twitter is not the handle column; the username question is,
    and it ticks "Username ready"; the app question ticks "App installed"."""
    path = SIGNUPS / "eventbrite-attendees.csv"
    status, out, err = presenter("roster", "import", "1", str(path), "--yes")
    assert status == 0, err
    assert f"{path}: an Eventbrite attendee report; columns found on row 1:" in out
    assert (
        '  App installed       ← W "Do you have the X (Twitter) app installed on your phone?"'
        in out
    )
    assert '  social handle       ← X "What is your X (Twitter) username?"' in out
    assert '  Username ready      ← X "What is your X (Twitter) username?"' in out
    assert f"{path}:7: note: skipped: ticket not attending, cancelled or refunded" in out
    assert "imported 5 people to run 1" in out
    assert people(tmp_path) == EVENTBRITE_PEOPLE  # names trimmed, no "@Yes" handles


def _as_unicode_text(source: Path, target: Path) -> Path:
    """What Excel's "Save as Unicode Text" makes of a sheet: UTF-16 with a BOM, tabs."""
    rows = list(csv.reader(io.StringIO(source.read_text("utf-8-sig"), newline="")))
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter="\t", lineterminator="\r\n").writerows(rows)
    target.write_bytes(buffer.getvalue().encode("utf-16"))
    return target


def test_an_eventbrite_report_saved_as_unicode_text_imports_the_same(presenter, tmp_path):
    path = _as_unicode_text(SIGNUPS / "eventbrite-attendees.csv", tmp_path / "attendees.txt")
    status, _out, err = presenter("roster", "import", "1", str(path), "--yes")
    assert status == 0, err
    assert people(tmp_path) == EVENTBRITE_PEOPLE


def test_an_eventbrite_report_as_xlsx_imports_the_same(presenter, tmp_path):
    rows = list(
        csv.reader(io.StringIO((SIGNUPS / "eventbrite-attendees.csv").read_text("utf-8-sig")))
    )
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(tmp_path / "attendees.xlsx")
    status, _out, err = presenter(
        "roster", "import", "1", str(tmp_path / "attendees.xlsx"), "--yes"
    )
    assert status == 0, err
    assert people(tmp_path) == EVENTBRITE_PEOPLE


def test_google_forms_responses_import_as_they_come(presenter, tmp_path):
    """ "Not sure" is kept as not ready; "no" and "Not yet" are not handles; a second response
    from the same email keeps the later answers, with a note."""
    path = SIGNUPS / "google-forms-responses.csv"
    status, out, err = presenter("roster", "import", "1", str(path), "--yes")
    assert status == 0, err
    assert f"{path}: Google Forms responses; columns found on row 1:" in out
    assert (
        f"{path}:6: note: a second response from the person on row 2; the later answers are kept"
        in out
    )
    assert "imported 4 people to run 1" in out
    assert people(tmp_path) == {
        "Gail Sample": ("gail.sample@example.org", "@gail_sample", USERNAME),  # later: no app
        "Harry Example": ("harry.example@example.org", "@harry_ex", USERNAME),
        "Inès Fictive": ("ines.fictive@example.org", "", NONE),
        "Jo Placeholder": ("jo.placeholder@example.org", "", NONE),
    }


MS_FORMS_HEADERS = [
    "ID", "Start time", "Completion time", "Email", "Name", "Full name",
    "What is your job title?", "Do you have the Twitter app on your phone?",
    "What is your Twitter username?", "Which devices do you use?",
]  # fmt: skip


def _ms_forms(path: Path, rows: list[list[object]], headers=MS_FORMS_HEADERS) -> Path:
    """A workbook as Microsoft Forms' "Open in Excel" writes it: dates as dates."""
    book = openpyxl.Workbook()
    book.active.title = "Sheet1"
    book.active.append(headers)
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def _times(minute: int) -> list[datetime]:
    return [datetime(2026, 11, 20, 9, minute, 2), datetime(2026, 11, 20, 9, minute + 2, 40)]


def test_microsoft_forms_anonymous_responses_import_as_they_come(presenter, tmp_path):
    path = _ms_forms(
        tmp_path / "Twitter hour sign-up(1-4).xlsx",
        [
            [1, *_times(1), "anonymous", "", "Kit Example", "Nurse", "Yes", "@kit_example",
             "Phone;Laptop;"],
            [2, *_times(5), "anonymous", "", "Lou Sample", "Porter", "Not sure", "", "Phone;"],
            [3, *_times(9), "anonymous", "", "Mo Fictional", "Radiographer", "No",
             "I don't have one", ""],
            [4, *_times(20), "anonymous", "", "Lou Sample", "Porter", "Yes", "lou_s", "Phone;"],
        ],
    )  # fmt: skip
    status, out, err = presenter("roster", "import", "1", str(path), "--yes")
    assert status == 0, err
    assert "Microsoft Forms responses; columns found on row 1:" in out
    assert (
        f"{path}:5: note: a second response from the person on row 3; the later answers are kept"
        in out
    )
    assert (
        f"{path}:4: note: the answer in column I is not a social handle, so no handle was kept"
        in out
    )
    assert "don't have" not in out + err  # what the person typed is not repeated
    assert people(tmp_path) == {
        "Kit Example": ("", "@kit_example", BOTH),
        "Lou Sample": ("", "@lou_s", BOTH),  # the later response
        "Mo Fictional": ("", "", NONE),
    }


def test_microsoft_forms_with_recorded_names_takes_the_responders(presenter, tmp_path):
    headers = [*MS_FORMS_HEADERS[:5], *MS_FORMS_HEADERS[6:]]  # no "Full name" question
    path = _ms_forms(
        tmp_path / "responses.xlsx",
        [
            [1, *_times(1), "nia.example@example.org", "Nia Example", "Nurse", "Yes",
             "@nia_ex", "Phone;"],
            [2, *_times(3), "oli.sample@example.org", "Oli Sample", "Doctor", "Not sure", "", ""],
        ],
        headers,
    )  # fmt: skip
    status, _out, err = presenter("roster", "import", "1", str(path), "--yes")
    assert status == 0, err
    assert people(tmp_path) == {
        "Nia Example": ("nia.example@example.org", "@nia_ex", BOTH),
        "Oli Sample": ("oli.sample@example.org", "", NONE),
    }


def test_a_readiness_check_is_mapped_on_the_command_line(presenter, tmp_path):
    path = tmp_path / "list.csv"
    path.write_text("Name,Got it?,Ready\nPip Example,yes,no\nQuin Sample,no,yes\n")
    status, out, err = presenter(
        "roster", "import", "1", str(path), "--yes",
        "--column", "App installed=Got it?", "--column", "username ready=C",
    )  # fmt: skip
    assert status == 0, err
    assert 'App installed   ← B "Got it?"' in out
    assert people(tmp_path) == {
        "Pip Example": ("", "", frozenset({"App installed"})),
        "Quin Sample": ("", "", USERNAME),
    }
    status, _out, err = presenter("roster", "import", "1", str(path), "--column", "Fed=B")
    assert status == 2
    assert 'unknown field "Fed"' in err and '"App installed", "Username ready"' in err


# -- one file per fault ---------------------------------------------------------------------


def test_a_stray_quote_is_reported_with_its_row_not_merged(presenter, tmp_path):
    path = FAULTS / "stray-quote.csv"
    status, out, err = presenter("roster", "import", "1", str(path), "--yes")
    assert status == 2
    assert err.splitlines() == [
        f"presenter: {path}:3: error: a quote on this row opens a cell that runs on to line 6 "
        "of the file, swallowing 3 lines that look like more people; a quote inside a cell "
        'must be doubled (""), so fix the quotes on this row and import again'
    ]
    assert "imported" not in out
    assert people(tmp_path) == {}


def test_a_stray_quote_in_the_last_column_is_reported_too(presenter, tmp_path):
    path = tmp_path / "last-column.csv"
    path.write_text(
        "Name,Email,Job title\n"
        'Ada Example,ada.example@example.org,"Staff nurse\n'
        "Bram Sample,bram.sample@example.org,Pharmacist\n"
        "Cleo Placeholder,cleo.placeholder@example.org,Physiotherapist\n",
        encoding="utf-8",
    )
    status, _out, err = presenter("roster", "import", "1", str(path), "--yes")
    assert status == 2
    assert f"{path}:2: error: a quote on this row opens a cell" in err
    assert people(tmp_path) == {}


def test_a_quoted_line_break_in_a_cell_is_kept_not_refused(presenter, tmp_path):
    """What a spreadsheet writes for a cell with a line break: the quotes close the cell."""
    path = tmp_path / "line-break.csv"
    path.write_text(
        'Name,Email\n"Ada Example\r\nWard 7,Bay 2",ada.example@example.org\n'
        "Bram Sample,bram.sample@example.org\n",
        encoding="utf-8",
    )
    status, out, err = presenter("roster", "import", "1", str(path), "--yes")
    assert status == 0, err
    assert "imported 2 people" in out


def test_control_characters_in_names_are_refused_with_their_rows(presenter, tmp_path):
    path = FAULTS / "control-characters.csv"
    status, _out, err = presenter("roster", "import", "1", str(path), "--yes")
    assert status == 2
    message = (
        "error: the name in column A has a control character in it (such as NUL or an "
        "escape code); type it again in the sheet"
    )
    assert err.splitlines() == [
        f"{path}:3: {message}",
        f"{path}:4: {message}",
        "presenter: nothing imported: 2 bad row(s); fix them and import again",
    ]  # row 5 holds a tab, which is kept
    assert "\x1b" not in err and "\x00" not in err
    assert people(tmp_path) == {}


def test_a_roster_without_a_header_row_does_not_print_the_first_person(presenter, tmp_path):
    path = FAULTS / "no-header-row.csv"
    status, out, err = presenter("roster", "import", "1", str(path), "--yes")
    assert status == 2
    assert err.strip() == (
        f"presenter: {path}:1: error: row 1 looks like a person, not headers; add a row of "
        "headings (such as Name, Email) above the first person"
    )
    assert "Ada" not in out + err and "example.org" not in out + err


def test_bad_rows_in_a_form_import_nobody_and_are_each_named(presenter, tmp_path):
    path = FAULTS / "bad-rows.csv"
    status, _out, err = presenter("roster", "import", "1", str(path), "--yes")
    assert status == 2
    assert err.splitlines() == [
        f"{path}:3: error: the name is empty",
        f"{path}:4: error: the email in column B is not an email address (it needs one @ "
        "and a domain, e.g. name@nhs.net)",
        "presenter: nothing imported: 2 bad row(s); fix them and import again",
    ]
    assert "(at)" not in err
    assert people(tmp_path) == {}


def test_a_name_with_an_escape_code_is_refused_at_check_in(presenter, tmp_path):
    status, _out, err = presenter("checkin", "1", "\x1b[31mRue Example")
    assert status == 2
    assert "the name has a control character in it" in err
    assert people(tmp_path) == {}


def test_what_a_person_typed_is_kept_but_for_spaces_around_it(presenter, tmp_path):
    path = tmp_path / "list.csv"
    path.write_text(
        'Name,Job title,Ward\n  Rue  Example ,"Nurse  (nights)\tband 5 ","  Ward 12 "\n',
        encoding="utf-8",
    )
    status, _out, err = presenter("roster", "import", "1", str(path), "--yes")
    assert status == 0, err
    with open_store(tmp_path / "data") as store:
        (person,) = store.attendees(1)
    assert (person.name, person.role, person.department) == (
        "Rue  Example",
        "Nurse  (nights)\tband 5",
        "Ward 12",
    )
