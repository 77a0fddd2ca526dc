"""presenter.files: every file goes out whole or not at all, checked after writing."""

from __future__ import annotations

import io
import stat
import zipfile

import pytest

from presenter.files import (
    NotWhole,
    WriteError,
    atomic_write,
    pdf_check,
    pdf_pages,
    write_bytes,
    zip_check,
)

# A two-page PDF laid out as Qt writes one: page tree, pages, cross-reference table, trailer.
OBJECTS = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
    b"<< /Type /Page /Parent 2 0 R >>",
    b"<< /Type /Page /Parent 2 0 R >>",
]


def pdf(objects=OBJECTS) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def test_a_whole_pdf_counts_its_pages():
    assert pdf_pages(pdf()) == 2


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (pdf()[:-40], "cut short"),
        (pdf()[: len(pdf()) // 2], "cut short"),
        (pdf(OBJECTS[:3]), "lists 2 pages and holds 1"),
        (b"PK\x03\x04 not a pdf", "not a PDF"),
    ],
    ids=["end cut off", "half", "a page missing", "not a pdf"],
)
def test_a_pdf_that_is_not_whole_is_refused(data, words):
    with pytest.raises(NotWhole, match=words):
        pdf_pages(data)


def test_a_check_that_fails_keeps_the_old_file_and_leaves_nothing(tmp_path):
    target = tmp_path / "register.pdf"
    target.write_bytes(b"the old register")
    with pytest.raises(WriteError) as caught:
        write_bytes(target, pdf(), check=pdf_check(pages=3))
    assert str(caught.value) == (f"{target}: the PDF has 2 pages instead of 3; nothing was written")
    assert target.read_bytes() == b"the old register"
    assert [p.name for p in tmp_path.iterdir()] == ["register.pdf"]


def test_a_zip_cut_short_is_refused(tmp_path):
    whole = io.BytesIO()
    with zipfile.ZipFile(whole, "w") as archive:
        archive.writestr("sheet.xml", "x" * 10_000)
    with pytest.raises(WriteError, match="not a whole file"):
        write_bytes(tmp_path / "a.xlsx", whole.getvalue()[:-30], check=zip_check)
    assert list(tmp_path.iterdir()) == []


def test_an_error_while_writing_leaves_nothing(tmp_path):
    with pytest.raises(RuntimeError), atomic_write(tmp_path / "a.csv", "w") as handle:
        handle.write("half")
        raise RuntimeError("stopped")
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder_is_one_line(tmp_path):
    target = tmp_path / "nowhere" / "a.csv"
    with pytest.raises(WriteError) as caught:
        write_bytes(target, b"x")
    assert str(caught.value) == (
        f"{target}: the folder {target.parent} does not exist; create it first; nothing was written"
    )


def test_new_files_are_private_and_replaced_ones_keep_their_mode(tmp_path):
    new = tmp_path / "new.csv"
    write_bytes(new, b"x")
    assert stat.S_IMODE(new.stat().st_mode) == 0o600
    shared = tmp_path / "shared.md"
    shared.write_bytes(b"old")
    shared.chmod(0o644)
    write_bytes(shared, b"new")
    assert stat.S_IMODE(shared.stat().st_mode) == 0o644
    assert shared.read_bytes() == b"new"
