"""Pictures in a session file: the `![alt](images/icons.png)` line, the rules its path
follows, and a check of the file that reads only its header.

A picture's path is relative to the session file and stays inside its folder: the app
never fetches anything, so no URLs, no absolute paths and no `..` out of the folder. PNG
and JPEG are taken. Finding a picture's size reads the PNG `IHDR` chunk or the JPEG
start-of-frame segment, never the pixels, so a huge or hostile file costs nothing.
"""

from __future__ import annotations

import os
import posixpath
import re
import struct
import zlib
from dataclasses import dataclass

from presenter.agenda.model import Picture
from presenter.agenda.problems import Problems

MAX_PIXELS = 40_000_000
MAX_BYTES = 20 * 1024 * 1024
KINDS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG"}

# `![alt](path)` alone on its line; `]` and `\` in the alt are written `\]` and `\\`, a
# path with spaces in angle brackets.
IMAGE_LINE = re.compile(
    r"!\[(?P<alt>(?:[^\]\\]|\\.)*)\]\(\s*(?:<(?P<bracketed>[^<>\n]+)>|(?P<path>[^\s()<>]+))\s*\)"
)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_END = b"\x00\x00\x00\x00IEND\xaeB`\x82"
# JPEG start-of-frame markers (baseline, progressive, lossless, ...): they carry the size.
_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


class PictureError(Exception):
    """A picture file that cannot be shown; the message says why and what to do."""


@dataclass(frozen=True)
class PictureSize:
    kind: str  # "PNG" or "JPEG"
    width: int
    height: int


def picture_line(text: str) -> Picture | None:
    """The picture a paragraph stands for, when it is one Markdown image and nothing else."""
    found = IMAGE_LINE.fullmatch(text.strip())
    if found is None:
        return None
    alt = re.sub(r"\\(.)", r"\1", found["alt"])
    return Picture(path=found["bracketed"] or found["path"], alt=alt)


def write_picture(picture: Picture) -> str:
    """The line `picture_line` reads back as `picture`."""
    alt = picture.alt.replace("\\", "\\\\").replace("]", "\\]")
    path = f"<{picture.path}>" if re.search(r"[\s()]", picture.path) else picture.path
    return f"![{alt}]({path})"


def path_problem(path: str) -> str | None:
    """What is wrong with a picture's path as written, or None when it may be used."""
    if _SCHEME.match(path) and not re.match(r"^[A-Za-z]:[\\/]", path):
        return (
            f"'{path}' is a web address; the app never fetches pictures, so save it "
            "beside the session (for example in images/) and give that path"
        )
    if path.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", path):
        return f"'{path}' is a full path; give it from the session's folder, such as images/a.png"
    if "\\" in path:
        return f"'{path}' uses \\ between folders; write / instead"
    if posixpath.normpath(path).split("/")[0] == "..":
        return f"'{path}' is outside the session's folder; keep pictures beside the session"
    if posixpath.splitext(path)[1].lower() not in KINDS:
        return f"'{path}' is not a PNG or JPEG picture; save it as .png or .jpg"
    return None


def check_picture(
    picture: Picture, line: int, folder: str | None, problems: Problems
) -> Picture | None:
    """The picture if it may be used: errors for a bad path or file, a warning for no alt.

    `folder` is where the session file is; None (a session read from text) checks only
    what is written."""
    problem = path_problem(picture.path)
    if problem is not None:
        problems.error(line, problem)
        return None
    if not picture.alt:
        problems.warn(
            line,
            f"the picture '{picture.path}' has no alt text; write what it shows between the "
            "brackets, such as ![The like icon, a heart](images/like.png), for those who "
            "cannot see it",
        )
    if folder is not None:
        try:
            picture_size(os.path.join(folder, *picture.path.split("/")))
        except PictureError as exc:
            problems.error(line, f"the picture '{picture.path}' {exc}")
            return None
    return picture


def carry_pictures(session, folder: str) -> None:
    """Copy the session's pictures from its folder into `folder`, where it is being saved,
    so a session saved elsewhere (the bundled one, a "save as") still shows them. A file
    already there is left as it is."""
    from presenter.files import SHARED_FILE, write_bytes  # only when saving

    if not session.folder or os.path.abspath(session.folder) == os.path.abspath(folder):
        return
    pictures = [p for item in session.items for p in item.pictures]
    if session.picture is not None:
        pictures.append(session.picture)
    for picture in dict.fromkeys(pictures):
        source = session.picture_file(picture)
        target = os.path.join(folder, *picture.path.split("/"))
        if os.path.exists(target) or not os.path.isfile(source):
            continue
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(source, "rb") as file:
            write_bytes(target, file.read(), permissions=SHARED_FILE)


def picture_size(path: str) -> PictureSize:
    """The kind and size of a picture file, from its header; PictureError when it cannot
    be shown (missing, not what its name says, damaged, too big)."""
    expected = KINDS.get(os.path.splitext(path)[1].lower())
    try:
        with open(path, "rb") as file:
            length = os.fstat(file.fileno()).st_size
            if length > MAX_BYTES:
                raise PictureError(
                    f"is {length / 1024 / 1024:.0f} MB, more than {MAX_BYTES // 1024 // 1024} "
                    "MB; save it smaller (a projector needs about 2000 pixels across)"
                )
            head = file.read(8)
            if head.startswith(_PNG_SIGNATURE):
                size = _png_size(file, length)
            elif head.startswith(b"\xff\xd8"):
                size = _jpeg_size(file, length)
            else:
                raise PictureError("is not a PNG or JPEG picture; save it again as one")
    except FileNotFoundError:
        raise PictureError("is not there; check its name and that it is in that folder") from None
    except IsADirectoryError:
        raise PictureError("is a folder, not a picture; give the picture's file name") from None
    except OSError as exc:
        raise PictureError(f"cannot be read ({exc.strerror or exc})") from None
    if expected is not None and size.kind != expected:
        raise PictureError(
            f"is a {size.kind} picture but its name says {expected}; rename it to match"
        )
    if size.width * size.height > MAX_PIXELS:
        raise PictureError(
            f"is {size.width} by {size.height} pixels, more than {MAX_PIXELS // 1_000_000} "
            "million; save it smaller (a projector needs about 2000 pixels across)"
        )
    return size


def _damaged(kind: str) -> PictureError:
    return PictureError(f"is a damaged or cut-short {kind} file; save it again from the original")


def _png_size(file, length: int) -> PictureSize:
    chunk = file.read(25)
    if len(chunk) < 25 or chunk[4:8] != b"IHDR" or chunk[:4] != b"\x00\x00\x00\x0d":
        raise _damaged("PNG")
    if zlib.crc32(chunk[4:21]) != struct.unpack(">I", chunk[21:25])[0]:
        raise _damaged("PNG")
    width, height = struct.unpack(">II", chunk[8:16])
    file.seek(max(0, length - len(_PNG_END)))
    if not width or not height or file.read(len(_PNG_END)) != _PNG_END:
        raise _damaged("PNG")
    return PictureSize("PNG", width, height)


def _jpeg_size(file, length: int) -> PictureSize:
    file.seek(2)
    size = None
    while size is None:
        marker = file.read(2)
        if len(marker) < 2 or marker[0] != 0xFF:
            raise _damaged("JPEG")
        code = marker[1]
        if code == 0xFF:  # fill byte before a marker
            file.seek(-1, os.SEEK_CUR)
            continue
        if code == 0x01 or 0xD0 <= code <= 0xD7:  # markers that carry no segment
            continue
        if code in (0xD9, 0xDA):  # the end, or the pixels, before any frame header
            raise _damaged("JPEG")
        segment = file.read(2)
        if len(segment) < 2 or struct.unpack(">H", segment)[0] < 2:
            raise _damaged("JPEG")
        body = file.read(struct.unpack(">H", segment)[0] - 2)
        if code in _SOF:
            if len(body) < 5:
                raise _damaged("JPEG")
            height, width = struct.unpack(">HH", body[1:5])
            size = PictureSize("JPEG", width, height)
    # A whole JPEG ends with its end marker (some tools add a little padding after it).
    file.seek(max(0, length - 1024))
    if not size.width or not size.height or b"\xff\xd9" not in file.read(1024):
        raise _damaged("JPEG")
    return size
