"""PowerPoint export and import (python-pptx). No Qt here: the window runs these in a worker.

Import each name from its module (`presenter.deck.writer`, `.reader`, `.template`,
`.package`): the package itself loads nothing, so an export does not load the reader.
"""
