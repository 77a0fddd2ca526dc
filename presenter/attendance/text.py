"""Cleaning and comparing what people type: names, emails, handles, search keys."""

from __future__ import annotations

import re

# Letters that do not decompose into a base letter and an accent.
_EXTRA_FOLDS = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i"}
)
# Patterns, compiled by `re` (and kept in its cache) the first time one is used rather than
# as the windows load.
_EMAIL = r"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$"
_HANDLE_URL = (
    r"(?i)^(?:https?://)?(?:www\.|mobile\.)?(?:twitter\.com|x\.com)/@?([A-Za-z0-9_]+)/?(?:\?.*)?$"
)
_HANDLE = r"^@?([A-Za-z0-9_.]{1,30})$"
_FEDIVERSE = r"^@?([A-Za-z0-9_.]+)@([A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+)$"
_WORDS = r"[^\W_]+"


def fold(text: str) -> str:
    """Lower case, no accents, single spaces: 'Zoë  ÅSE' and 'zoe ase' compare equal."""
    import unicodedata  # loaded with the first name, not with the windows

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.translate(_EXTRA_FOLDS).split())


def words(text: str) -> list[str]:
    """The folded words of a text, punctuation dropped: used for search as you type."""
    return re.findall(_WORDS, fold(text))


def clean_name(name: str) -> str:
    """A name as typed, without surrounding spaces (line breaks inside are kept)."""
    return name.strip()


def has_control_characters(text: str) -> bool:
    """True when the text holds a control character other than tab and line breaks: a NUL,
    an escape code that would recolour a terminal, a backspace. Nobody types these."""
    import unicodedata

    return any(unicodedata.category(c) == "Cc" and c not in "\t\n\r" for c in text)


def email_problem(email: str) -> str | None:
    """Why an email address is not one, or None if it looks right."""
    if email and not re.match(_EMAIL, email):
        return "is not an email address (it needs one @ and a domain, e.g. name@nhs.net)"
    return None


def normalise_handle(handle: str) -> str:
    """'jo_bloggs', '@jo_bloggs' and 'https://x.com/jo_bloggs' all become '@jo_bloggs'.

    Raises ValueError when the text cannot be a social handle.
    """
    handle = handle.strip()
    if not handle:
        return ""
    if match := re.match(_HANDLE_URL, handle):
        return "@" + match.group(1)
    if match := re.match(_FEDIVERSE, handle):
        return f"@{match.group(1)}@{match.group(2)}"
    if match := re.match(_HANDLE, handle):
        return "@" + match.group(1)
    raise ValueError("is not a social handle (letters, digits and _ after an @)")


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _needs_quote(cell: str) -> bool:
    return cell.startswith(FORMULA_STARTS) or (cell.startswith("'") and _needs_quote(cell[1:]))


def neutralise(cell: str) -> str:
    """A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a
    leading quote, so it opens as text; `restore` takes it off again on import."""
    return "'" + cell if _needs_quote(cell) else cell


def restore(cell: str) -> str:
    """The text `neutralise` was given."""
    return cell[1:] if cell.startswith("'") and _needs_quote(cell[1:]) else cell
