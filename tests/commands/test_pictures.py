"""`presenter validate` of sessions with pictures, and the bundled session's own pictures."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from presenter.agenda.reader import load_session
from presenter.cli import main
from tests.deck.decks import BUNDLED

SESSION = (
    '---\ntitle: Pictures\nstart: "12:00"\nlength: 60\n---\n\n'
    "## Icons [10 min]\n\n- Each icon\n\n![The icons](images/icons.png)\n"
)


def session_with(folder: Path, picture: bytes | None) -> Path:
    (folder / "images").mkdir()
    if picture is not None:
        (folder / "images" / "icons.png").write_bytes(picture)
    path = folder / "session.md"
    path.write_text(SESSION, encoding="utf-8")
    return path


def validate(path: Path, capsys) -> tuple[int, str, str]:
    status = main(["validate", str(path)])
    out, err = capsys.readouterr()
    return status, out, err


def png_bytes(folder: Path, size=(60, 40)) -> bytes:
    Image.new("RGB", size, "navy").save(folder / "made.png")
    return (folder / "made.png").read_bytes()


def test_validate_passes_a_session_with_a_whole_picture(tmp_path, capsys):
    path = session_with(tmp_path, png_bytes(tmp_path))
    status, out, err = validate(path, capsys)
    assert status == 0, err
    assert err == ""
    assert "Icons" in out


def test_validate_names_the_file_and_line_of_a_missing_cut_or_huge_picture(tmp_path, capsys):
    whole = png_bytes(tmp_path)
    huge = png_bytes(tmp_path, size=(8000, 6000))
    for name, picture, says in (
        ("missing", None, "is not there"),
        ("truncated", whole[: len(whole) - 20], "is a damaged or cut-short PNG"),
        ("oversized", huge, "is 8000 by 6000 pixels"),
    ):
        folder = tmp_path / name
        folder.mkdir()
        path = session_with(folder, picture)
        status, _out, err = validate(path, capsys)
        assert status == 2, name
        assert f"{path}:11: error: the picture 'images/icons.png' {says}" in err, err
        assert "Traceback" not in err


def test_the_bundled_twitter_hour_shows_its_own_pictures_with_alt_text():
    session, warnings = load_session(BUNDLED)
    assert warnings == []
    illustrated = {item.title: item.pictures for item in session.items if item.pictures}
    assert set(illustrated) == {"What the icons mean", "Who to follow", "Top tips"}
    for pictures in illustrated.values():
        for picture in pictures:
            assert len(picture.alt) > 40  # says what the picture shows
            assert Path(session.picture_file(picture)).is_file()
            assert picture.path.startswith("images/") and picture.path.endswith(".png")
