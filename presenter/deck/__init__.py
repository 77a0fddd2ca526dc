"""PowerPoint export and import (python-pptx). No Qt here: the window runs these in a worker."""

from presenter.deck.package import DeckWriteError
from presenter.deck.reader import DeckReadError, import_deck
from presenter.deck.template import TemplateError
from presenter.deck.writer import deck_for, export_deck

__all__ = [
    "DeckReadError",
    "DeckWriteError",
    "TemplateError",
    "deck_for",
    "export_deck",
    "import_deck",
]
