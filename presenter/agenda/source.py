"""Turning a file's bytes into text a parser can trust, with a clear problem for each trap."""

from __future__ import annotations

from presenter.agenda.problems import Problems

MAX_BYTES = 1024 * 1024  # a session is a few kilobytes; anything over 1 MiB is the wrong file
BOM = b"\xef\xbb\xbf"


def decode_source(data: bytes, problems: Problems) -> str | None:
    """Text with plain line ends, or None with an error in `problems`."""
    if len(data) > MAX_BYTES:
        problems.error(
            1,
            "the file is over the 1 MiB limit for a session; "
            "check you picked the session's .md file",
        )
        return None
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        problems.error(
            line, "this is a binary file, not a text file; a session is a Markdown text file (.md)"
        )
        return None
    if data.startswith(BOM):
        problems.warn(1, "the file starts with a byte order mark (BOM); it was ignored")
        data = data[len(BOM) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.error(
            line,
            f"byte 0x{data[exc.start]:02x} is not UTF-8 text; save the file as UTF-8 "
            "(in Notepad: Save As, Encoding: UTF-8)",
        )
        return None
    if "\r" in text:
        first = text[: text.index("\r")].count("\n") + 1
        problems.warn(
            first, "Windows line ends (CRLF) were read as plain line ends; saving writes plain ones"
        )
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        problems.error(
            1,
            "the file is empty; start with a front matter block (--- title: ... ---) and one "
            "'## Item title [5 min]' heading per agenda item",
        )
        return None
    return text
