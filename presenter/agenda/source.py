"""Turning a file's bytes into text a parser can trust, with a clear problem for each trap."""

from __future__ import annotations

import os

from presenter.agenda.problems import Problems

MAX_BYTES = 1024 * 1024  # a session is a few kilobytes; anything over 1 MiB is the wrong file
BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
SAVE_AS_UTF8 = (
    "save it as UTF-8 (in Notepad: File, Save As, Encoding: UTF-8; in TextEdit: "
    "Format, Make Plain Text, then Save with Plain Text Encoding: Unicode (UTF-8))"
)


def read_source(path: str | os.PathLike[str]) -> bytes:
    """The file's bytes, up to one more than MAX_BYTES (enough to say it is too large).

    Raises OSError when it cannot be read."""
    with open(path, "rb") as handle:
        return handle.read(MAX_BYTES + 1)


def _looks_like_utf16(data: bytes) -> bool:
    """UTF-16 ("Unicode" in Notepad): a UTF-16 byte order mark, or text whose every other
    byte is zero."""
    if data.startswith(UTF16_BOMS):
        return True
    sample = data[:4096]
    if len(sample) < 8:
        return False
    zeros = [half.count(0) / len(half) for half in (sample[0::2], sample[1::2])]
    return max(zeros) > 0.9 and min(zeros) < 0.1


def decode_source(data: bytes, problems: Problems) -> str | None:
    """Text with plain line ends, or None with an error in `problems`."""
    if len(data) > MAX_BYTES:
        problems.error(
            1,
            "the file is over the 1 MiB limit for a session; "
            "check you picked the session's .md file",
        )
        return None
    if _looks_like_utf16(data):
        problems.error(
            1, f'the file is saved as UTF-16 (Notepad calls it "Unicode"); {SAVE_AS_UTF8}'
        )
        return None
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        problems.error(
            line, "this is a binary file, not a text file; a session is a Markdown text file (.md)"
        )
        return None
    # A UTF-8 byte order mark and Windows line ends are what Windows editors write: read
    # silently, and saving writes plain UTF-8 with plain line ends.
    if data.startswith(BOM):
        data = data[len(BOM) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.error(
            line,
            f"byte 0x{data[exc.start]:02x} is not UTF-8 text; {SAVE_AS_UTF8}",
        )
        return None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        problems.error(
            1,
            "the file is empty; start with a front matter block (--- title: ... ---) and one "
            "'## Item title [5 min]' heading per agenda item",
        )
        return None
    return text
