"""Problems found in a file: each names the file, the line, what is wrong and how to fix it."""

from __future__ import annotations

import os
from typing import NamedTuple


class Problem(NamedTuple):
    """One error or warning about a source file, to be shown as `FILE:LINE: message`."""

    source: str
    line: int
    message: str
    is_error: bool = True

    def __str__(self) -> str:
        label = "error" if self.is_error else "warning"
        return f"{self.source}:{self.line}: {label}: {self.message}"


class Problems(list[Problem]):
    """The problems found while reading one source, in the order found."""

    def __init__(self, source: str | os.PathLike[str]) -> None:
        super().__init__()
        self.source = os.fspath(source)

    def error(self, line: int, message: str) -> None:
        self.append(Problem(self.source, line, message, True))

    def warn(self, line: int, message: str) -> None:
        self.append(Problem(self.source, line, message, False))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self if not p.is_error]


class SessionFileError(Exception):
    """A file that cannot be read as a session; `problems` says why, line by line."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def did_you_mean(word: str, choices: list[str] | tuple[str, ...]) -> str:
    """' (did you mean "x"?)' for a close match, or an empty string."""
    import difflib  # only when a problem is reported

    close = difflib.get_close_matches(word.lower(), list(choices), n=1, cutoff=0.6)
    return f' (did you mean "{close[0]}"?)' if close else ""
