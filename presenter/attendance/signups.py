"""The sign-up services a roster comes from, and what their answers mean.

Eventbrite attendee reports, Microsoft Forms and Google Forms responses are recognised by
the columns their exports always have; every other column of theirs is a question the
organiser added. An answer such as "Yes", "Not sure" or "Yes, on my phone" is an answer and
never a social handle; the questions about the app or a username feed the run's readiness.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from presenter.attendance.text import fold, normalise_handle, words

_YES = {"yes", "y", "true", "1", "x", "agree", "i agree", "ok", "happy to", "ticked", "done"}
FORMS_MARKERS = {"completion time", "start time"}  # headers only a form's export has
# What an Eventbrite ticket's status says when its holder is not coming.
NOT_COMING = ("not attending", "refunded", "cancelled", "canceled", "transferred", "deleted")

# The sign-up services, recognised by the columns their exports always have (folded).
EVENTBRITE = "an Eventbrite attendee report"
MICROSOFT_FORMS = "Microsoft Forms responses"
GOOGLE_FORMS = "Google Forms responses"
_EVENTBRITE_FIXED = frozenset(
    {
        "order #", "order date", "prefix", "first name", "last name", "suffix", "email",
        "quantity", "price tier", "ticket type", "attendee #", "barcode #", "group",
        "order type", "currency", "total paid", "fees paid", "eventbrite fees",
        "eventbrite payment processing", "attendee status", "event name", "event id",
        "venue name", "device name", "check-in date", "discount", "seat", "delivery method",
    }
)  # fmt: skip
_MICROSOFT_FORMS_FIXED = frozenset(
    {
        "id", "start time", "completion time", "email", "name", "last modified time",
        "total points", "quiz feedback", "grade posted time",
    }
)  # fmt: skip
_GOOGLE_FORMS_FIXED = frozenset({"timestamp", "email address", "score"})

# What a form's yes/no question is answered with; any of them alone, or leading a longer
# answer ("Yes, on my phone"), is an answer and never a social handle.
_ANSWERS = {
    "yes", "no", "y", "n", "not sure", "unsure", "maybe", "don't know", "dont know",
    "do not know", "not yet", "n/a", "na", "none", "no idea", "true", "false", "tbc",
    "later", "not applicable", "prefer not to say", "i don't know", "i'm not sure",
}  # fmt: skip
_ANSWER_START = re.compile(r"^(yes|no|not|maybe|unsure)\b")
_APP_WORDS = ("install", "download", "have", "got", "set")
_USERNAME_WORDS = {"username", "usernames", "handle", "account", "login"}


def detect_layout(headers: Iterable[str]) -> str:
    """Which sign-up service exported a sheet with these headers, by its fixed columns."""
    folded = [fold(h) for h in headers]
    present = set(folded)
    if {"order #", "ticket type"} <= present and ({"attendee #", "first name"} & present):
        return EVENTBRITE
    if folded[:3] == ["id", "start time", "completion time"]:
        return MICROSOFT_FORMS
    if folded[:1] == ["timestamp"]:
        return GOOGLE_FORMS
    return ""


def fixed_column(layout: str, header: str) -> bool:
    """Whether a (folded) header is one of the columns the service always exports."""
    if layout == EVENTBRITE:
        return header in _EVENTBRITE_FIXED or header.startswith(("buyer ", "billing "))
    if layout == MICROSOFT_FORMS:
        return header in _MICROSOFT_FORMS_FIXED or header.startswith(("points - ", "feedback - "))
    if layout == GOOGLE_FORMS:
        return header in _GOOGLE_FORMS_FIXED
    return False


def is_answer(value: str) -> bool:
    """Yes / No / Not sure and the like, alone or leading a longer answer ("Yes, on my
    phone"), or a multi-choice answer joined by ";" (Microsoft Forms) or ", " (Google)."""
    folded = fold(value).replace("\u2019", "'").rstrip(" .!;")
    if not folded:
        return False
    if folded in _ANSWERS or _ANSWER_START.match(folded):
        return True
    return ";" in folded or ", " in folded


def handle_like(value: str) -> bool:
    if not value.strip() or is_answer(value):
        return False
    try:
        normalise_handle(value)
    except ValueError:
        return False
    return True


def looks_like_handles(values: Iterable[str]) -> bool:
    """Most of what is not a plain answer is a handle, and there is at least one."""
    filled = [v for v in values if v.strip()]
    handles = sum(handle_like(v) for v in filled)
    others = sum(not is_answer(v) for v in filled)
    return handles > 0 and handles * 2 >= others


def asks_about(check: str, header: str) -> bool:
    """Whether a question's header asks about a readiness check: "Do you have the X app
    installed?" asks about "App installed", "What is your username?" about "Username ready"."""
    heard = words(header)
    wanted = words(check)
    if "app" in wanted:
        return bool({"app", "apps", "application"} & set(heard)) and any(
            w.startswith(_APP_WORDS) for w in heard
        )
    if _USERNAME_WORDS & set(wanted) or "user" in wanted:
        return bool(_USERNAME_WORDS & set(heard)) or "user name" in " ".join(heard)
    stems = [w[:5] for w in wanted if len(w) >= 3]
    return bool(stems) and all(any(h.startswith(s) for h in heard) for s in stems)


def is_yes(text: str) -> bool:
    folded = fold(text).rstrip(" .!;")
    return folded in _YES or folded.startswith(("yes", "i agree", "i consent", "i am happy"))
