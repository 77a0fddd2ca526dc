"""Pictures in a session file: the image line, its path's rules, and every bad picture
named at its line without a crash."""

from __future__ import annotations

import string
import struct
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from presenter.agenda.model import Picture
from presenter.agenda.pictures import picture_line, write_picture
from presenter.agenda.problems import SessionFileError
from presenter.agenda.reader import load_session, parse_session
from presenter.agenda.writer import save_session, write_session

FRONT = '---\ntitle: Pictures\nstart: "12:00"\nlength: 60\n---\n\n'


def write(folder: Path, body: str, front: str = FRONT) -> Path:
    path = folder / "session.md"
    path.write_text(front + body, encoding="utf-8")
    return path


def picture(path: Path, size=(40, 30), kind="PNG") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, "teal").save(path, kind)
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(SessionFileError) as caught:
        load_session(path)
    return [str(p) for p in caught.value.problems]


def test_an_image_standing_alone_is_the_items_picture_not_a_point(tmp_path):
    picture(tmp_path / "images" / "icons.png")
    picture(tmp_path / "images" / "bell.jpg", kind="JPEG")
    path = write(
        tmp_path,
        "## Icons [5 min]\n\n- A point\n\n![The icons](images/icons.png)\n\n"
        "![A bell \\] ringing](images/bell.jpg)\n\nSee ![inline](images/icons.png) here.\n",
    )
    session, warnings = load_session(path)
    item = session.items[0]
    assert item.pictures == (
        Picture("images/icons.png", "The icons"),
        Picture("images/bell.jpg", "A bell ] ringing"),
    )
    assert item.points == ("A point", "See ![inline](images/icons.png) here.")
    assert warnings == []
    assert Path(session.picture_file(item.pictures[0])) == tmp_path / "images" / "icons.png"


def test_the_front_matter_names_the_arrival_screens_picture(tmp_path):
    picture(tmp_path / "poster.png")
    front = FRONT.replace("---\n\n", "picture: {file: poster.png, alt: The poster}\n---\n\n")
    session, _ = load_session(write(tmp_path, "## One [5 min]\n", front))
    assert session.picture == Picture("poster.png", "The poster")


def test_the_writer_gives_back_the_same_pictures(tmp_path):
    picture(tmp_path / "images" / "a b.png")
    picture(tmp_path / "poster.png")
    front = FRONT.replace("---\n\n", "picture: {file: poster.png, alt: Poster}\n---\n\n")
    body = "## One [5 min]\n\n- Point\n\n![Alt with \\\\ and \\]](<images/a b.png>)\n"
    session, _ = load_session(write(tmp_path, body, front))
    again = tmp_path / "again.md"
    save_session(session, again)
    assert load_session(again)[0] == session
    assert "![Alt with \\\\ and \\]](<images/a b.png>)" in write_session(session)


def test_a_picture_without_alt_text_is_a_warning_naming_its_line(tmp_path):
    picture(tmp_path / "a.png")
    _, warnings = load_session(write(tmp_path, "## One [5 min]\n\n![](a.png)\n"))
    assert [w.line for w in warnings] == [9]
    assert "no alt text" in warnings[0].message


@pytest.mark.parametrize(
    ("written", "says"),
    [
        ("https://example.org/a.png", "web address"),
        ("/etc/a.png", "full path"),
        ("C:/pictures/a.png", "full path"),
        ("images\\a.png", "write / instead"),
        ("../a.png", "outside the session's folder"),
        ("images/../../a.png", "outside the session's folder"),
        ("a.gif", "not a PNG or JPEG"),
    ],
)
def test_a_path_that_leaves_the_folder_or_fetches_is_an_error_at_its_line(tmp_path, written, says):
    problems = problems_of(write(tmp_path, f"## One [5 min]\n\n![A picture]({written})\n"))
    assert len(problems) == 1
    assert f"session.md:9: error: '{written}'" in problems[0]
    assert says in problems[0]


def _png_header(width: int, height: int) -> bytes:
    ihdr = b"IHDR" + struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + struct.pack(">I", 13)
        + ihdr
        + struct.pack(">I", zlib.crc32(ihdr))
        + b"\x00\x00\x00\x00IEND\xaeB`\x82"
    )


def _bad_files(folder: Path) -> dict[str, tuple[str, str]]:
    """Each bad picture: its file name and what the error says about it."""
    whole = picture(folder / "whole.png").read_bytes()
    jpeg = picture(folder / "whole.jpg", kind="JPEG").read_bytes()
    (folder / "cut.png").write_bytes(whole[: len(whole) // 2])
    (folder / "cut.jpg").write_bytes(jpeg[: len(jpeg) // 2])
    damaged = bytearray(whole)
    damaged[20] ^= 0xFF  # inside IHDR: its checksum no longer matches
    (folder / "damaged.png").write_bytes(bytes(damaged))
    (folder / "words.png").write_text("not a picture", encoding="utf-8")
    (folder / "jpeg.png").write_bytes(jpeg)
    (folder / "huge.png").write_bytes(_png_header(10_000, 5_000))
    with open(folder / "heavy.png", "wb") as file:
        file.write(whole)
        file.truncate(21 * 1024 * 1024)
    (folder / "folder.png").mkdir()
    (folder / "empty.jpg").write_bytes(b"")
    return {
        "missing.png": "is not there",
        "cut.png": "damaged or cut-short PNG",
        "cut.jpg": "damaged or cut-short JPEG",
        "damaged.png": "damaged or cut-short PNG",
        "words.png": "is not a PNG or JPEG picture",
        "jpeg.png": "is a JPEG picture but its name says PNG",
        "huge.png": "10000 by 5000 pixels, more than 40 million",
        "heavy.png": "21 MB, more than 20 MB",
        "folder.png": "is a folder",
        "empty.jpg": "is not a PNG or JPEG picture",
    }


def test_every_bad_picture_is_an_error_naming_the_file_and_its_line(tmp_path):
    bad = _bad_files(tmp_path)
    body = "## One [5 min]\n\n" + "".join(f"![Bad]({name})\n\n" for name in bad)
    problems = problems_of(write(tmp_path, body))
    assert len(problems) == len(bad)
    for number, (problem, (name, says)) in enumerate(zip(problems, bad.items(), strict=True)):
        assert f"session.md:{9 + 2 * number}: error: the picture '{name}' " in problem
        assert says in problem, problem


def test_a_whole_picture_of_each_kind_passes(tmp_path):
    picture(tmp_path / "a.png", size=(6000, 4000))
    picture(tmp_path / "b.jpeg", size=(30, 20), kind="JPEG")
    body = "## One [5 min]\n\n![A](a.png)\n\n![B](b.jpeg)\n"
    session, warnings = load_session(write(tmp_path, body))
    assert len(session.items[0].pictures) == 2 and warnings == []


def test_text_read_without_a_folder_checks_the_lines_not_the_files():
    # A run's saved session is read back from text: its pictures may be elsewhere now.
    session, problems = parse_session(FRONT + "## One [5 min]\n\n![A](images/gone.png)\n")
    assert session is not None and not problems.errors
    assert session.items[0].pictures == (Picture("images/gone.png", "A"),)


def test_a_bad_picture_field_says_how_to_write_it(tmp_path):
    front = FRONT.replace("---\n\n", "picture: [a.png]\n---\n\n")
    problems = problems_of(write(tmp_path, "## One [5 min]\n", front))
    assert "session.md:5: error: 'picture' must name a picture file" in problems[0]


ALT = st.text(
    alphabet=string.ascii_letters + string.digits + " .,;:!?'\"()[]{}<>*_`#@&%/\\|~^=+-$éü",
    max_size=40,
)
PATH = st.lists(
    st.text(alphabet=string.ascii_letters + string.digits + " _-()", min_size=1, max_size=12),
    min_size=1,
    max_size=3,
).map(lambda parts: "/".join(p.strip() or "x" for p in parts) + ".png")


@settings(max_examples=200, deadline=None)
@given(ALT, PATH)
def test_any_alt_text_and_path_read_back_as_written(alt, path):
    written = Picture(path, alt)
    assert picture_line(write_picture(written)) == written
    text = FRONT + "## One [5 min]\n\n" + write_picture(written) + "\n"
    session, problems = parse_session(text)
    assert not problems.errors, [str(p) for p in problems]
    assert session.items[0].pictures == (written,)


def test_a_session_saved_in_another_folder_takes_its_pictures_along(tmp_path):
    picture(tmp_path / "first" / "images" / "a.png")
    (tmp_path / "first").mkdir(exist_ok=True)
    session, _ = load_session(write(tmp_path / "first", "## One [5 min]\n\n![A](images/a.png)\n"))
    (tmp_path / "elsewhere").mkdir()
    kept = tmp_path / "elsewhere" / "images" / "a.png"
    save_session(session, tmp_path / "elsewhere" / "copy.md")
    assert kept.read_bytes() == (tmp_path / "first" / "images" / "a.png").read_bytes()
    assert load_session(tmp_path / "elsewhere" / "copy.md")[0] == session
