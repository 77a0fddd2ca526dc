"""Every file Presenter writes goes out whole or not at all, through this one module.

A file is written to a temporary file beside its target, flushed and synced to the disk,
read back and checked (a PDF parses and has its pages, a zip opens and its entries are
whole), and only then renamed over the target. If any step fails the temporary file is
removed, anything already at the target is unchanged, and one `WriteError` says in a line
what happened ("the disk is full: 0 bytes free on /media/usb; nothing was written").

Plain standard library, so every layer (agenda, attendance, deck, ui) may use it.
"""

from __future__ import annotations

import contextlib
import errno
import itertools
import os
import re
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

_numbers = itertools.count()

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
SHARED_FILE = 0o644

Check = Callable[[Path], None]


class WriteError(OSError):
    """A file could not be written; nothing was left behind and the old file is unchanged.

    `str()` is one line for the facilitator, naming the file and what to do; `strerror` is
    the reason alone ("the disk is full: 0 bytes free on /media/usb"), for callers that
    name the file themselves."""

    def __init__(self, message: str, code: int | None = None, reason: str | None = None) -> None:
        super().__init__(code, reason or message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class NotWhole(ValueError):
    """What was written does not read back as a whole file of its kind."""


def _mount_point(folder: Path) -> Path:
    folder = folder.resolve()
    while not os.path.ismount(folder) and folder.parent != folder:
        folder = folder.parent
    return folder


def _amount(free: int) -> str:
    if free < 10 * 1024:
        return f"{free} byte" + ("" if free == 1 else "s")
    if free < 10 * 1024 * 1024:
        return f"{free // 1024} KB"
    return f"{free // (1024 * 1024)} MB"


def _free(folder: Path) -> int:
    import shutil

    return shutil.disk_usage(folder).free


def disk_full_text(folder: Path) -> str:
    """'the disk is full: 0 bytes free on /media/usb'."""
    try:
        free = _free(folder)
        where = _mount_point(folder)
    except OSError:
        return "the disk is full"
    return f"the disk is full: {_amount(free)} free on {where}"


def reason(exc: OSError, folder: Path) -> str:
    """What went wrong, in the facilitator's words."""
    code = exc.errno
    if code in (errno.ENOSPC, errno.EDQUOT):
        return disk_full_text(folder)
    if code in (errno.EACCES, errno.EPERM):
        return f"there is no permission to write in {folder}; choose another folder"
    if code == errno.EROFS:
        return f"{folder} is on a disk that cannot be written to; choose another folder"
    if code == errno.ENOENT:
        return f"the folder {folder} does not exist; create it first"
    if code == errno.ENOTDIR:
        return f"{folder} is not a folder"
    if code == errno.EIO:
        return "the disk reported an error; check it is still connected"
    return (exc.strerror or str(exc)).rstrip(".").lower()


def _failed(target: Path, why: str, code: int | None = None) -> WriteError:
    return WriteError(f"{target}: {why}; nothing was written", code, why)


def _folder(target: Path) -> Path:
    return target.parent if str(target.parent) else Path(".")


def _check_target(target: Path) -> None:
    if target.is_dir():
        raise WriteError(f"{target}: is a folder; give a file name inside it")
    folder = _folder(target)
    if not folder.is_dir():
        raise _failed(target, f"the folder {folder} does not exist; create it first")


def _mode_for(target: Path, mode: int | None) -> int:
    """The new file's permissions: `mode`, else the replaced file's own, else private."""
    if mode is not None:
        return mode
    with contextlib.suppress(OSError):
        return stat.S_IMODE(target.stat().st_mode)
    return PRIVATE_FILE


@contextlib.contextmanager
def atomic_write(
    path: str | os.PathLike[str],
    mode: str = "wb",
    *,
    check: Check | None = None,
    permissions: int | None = None,
    **open_args,
) -> Iterator[IO]:
    """Yield a file to write; it replaces `path` only if the block finishes and `check` passes.

    New files are readable by their owner only (exports hold people's names) unless
    `permissions` says otherwise; a replaced file keeps its own mode.
    Raises WriteError (an OSError) with a one-line message."""
    target = Path(path)
    _check_target(target)
    folder = _folder(target)
    try:
        fd, temp = _temporary_beside(target)
    except OSError as exc:
        raise _failed(target, reason(exc, folder), exc.errno) from None
    handle = None
    try:
        try:
            os.chmod(temp, _mode_for(target, permissions))
            handle = os.fdopen(fd, mode, **open_args)
        except BaseException:
            if handle is None:
                os.close(fd)
            raise
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
            written = os.lseek(handle.fileno(), 0, os.SEEK_CUR)
            if os.fstat(handle.fileno()).st_size != written:
                raise NotWhole("the disk kept less than was written")
        if check is not None:
            check(temp)
        os.replace(temp, target)
        _sync_folder(folder)
    except OSError as exc:
        _discard(temp, handle)
        raise _failed(target, reason(exc, folder), exc.errno) from None
    except NotWhole as exc:
        _discard(temp, handle)
        why = str(exc)
        with contextlib.suppress(OSError):
            if _free(folder) < 64 * 1024:
                why = disk_full_text(folder)
        raise _failed(target, why) from None
    except BaseException:
        _discard(temp, handle)
        raise


def _temporary_beside(target: Path) -> tuple[int, Path]:
    """A new owner-only file in the target's folder, hidden, with a name no one else uses."""
    while True:
        temp = target.with_name(f".{target.name}.{os.getpid()}.{next(_numbers)}.part")
        try:
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
            return os.open(temp, flags, PRIVATE_FILE), temp
        except FileExistsError:
            continue


def _discard(temp: Path, handle: IO | None) -> None:
    if handle is not None:
        # A full disk can make the close itself fail; without this the file object's
        # finaliser would print that error to stderr later.
        with contextlib.suppress(OSError, ValueError):
            handle.close()
    with contextlib.suppress(OSError):
        temp.unlink()


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (where the system allows opening a folder)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_bytes(
    path: str | os.PathLike[str],
    data: bytes,
    *,
    check: Check | None = None,
    permissions: int | None = None,
) -> None:
    """Write `data` to `path` whole or not at all."""
    with atomic_write(path, "wb", check=check, permissions=permissions) as handle:
        handle.write(data)


def write_text(
    path: str | os.PathLike[str],
    text: str,
    *,
    encoding: str = "utf-8",
    permissions: int | None = None,
) -> None:
    """Write `text` to `path` whole or not at all, with the line ends as given."""
    with atomic_write(path, "w", encoding=encoding, newline="", permissions=permissions) as handle:
        handle.write(text)


# -- checks of what was written ---------------------------------------------------------


def zip_check(path: Path) -> None:
    """The file is a zip whose every entry reads back whole (XLSX, PPTX)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            bad = archive.testzip()
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise NotWhole(f"what was written is not a whole file ({exc})") from None
    if bad is not None:
        raise NotWhole(f"what was written is damaged ({bad} does not read back)")


# Compiled by `re` when a PDF is first checked, not when the app loads.
PAGE = rb"/Type\s*/Page(?![a-zA-Z])"
PAGES_COUNT = rb"(?s)/Type\s*/Pages\b(?:(?!>>).)*?/Count\s+(\d+)"
START_XREF = rb"startxref\s+(\d+)\s+%%EOF\s*$"


def pdf_pages(data: bytes) -> int:
    """The number of pages in a PDF Presenter wrote; NotWhole if it is cut short.

    Checks the header, the end-of-file marker, that the cross-reference table the trailer
    points at is where it says, and that the page tree counts the pages the file holds."""
    if not data.startswith(b"%PDF-"):
        raise NotWhole("what was written is not a PDF")
    end = re.search(START_XREF, data[-1024:])
    if end is None:
        raise NotWhole("the PDF was cut short (it has no end)")
    offset = int(end.group(1))
    if not (data[offset : offset + 4] == b"xref" or re.match(rb"\d+ \d+ obj", data[offset:])):
        raise NotWhole("the PDF is damaged (its table of contents is not where it says)")
    pages = len(re.findall(PAGE, data))
    counts = [int(n) for n in re.findall(PAGES_COUNT, data)]
    if counts and max(counts) != pages:
        raise NotWhole(f"the PDF is damaged (it lists {max(counts)} pages and holds {pages})")
    return pages


def pdf_check(pages: int | None = None) -> Check:
    """A check that the file is a whole PDF with `pages` pages (or at least one)."""

    def check(path: Path) -> None:
        found = pdf_pages(path.read_bytes())
        if pages is None and found < 1:
            raise NotWhole("the PDF has no pages")
        if pages is not None and found != pages:
            raise NotWhole(f"the PDF has {found} pages instead of {pages}")

    return check


# -- folders and files holding people's data -----------------------------------------------


def private_folder(folder: str | os.PathLike[str]) -> Path:
    """Create `folder` (and its parents) if needed; a folder made here is owner-only (0700)."""
    folder = Path(folder)
    missing = []
    probe = folder
    while not probe.exists() and probe.parent != probe:
        missing.append(probe)
        probe = probe.parent
    folder.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    for made in missing:
        with contextlib.suppress(OSError):
            os.chmod(made, PRIVATE_FOLDER)  # mkdir's mode is cut by the umask
    return folder


def private_file(path: str | os.PathLike[str]) -> None:
    """Make sure `path` exists and is owner-only (0600), for files other code then writes."""
    with contextlib.suppress(OSError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, PRIVATE_FILE))
        if stat.S_IMODE(os.stat(path).st_mode) != PRIVATE_FILE:
            os.chmod(path, PRIVATE_FILE)
