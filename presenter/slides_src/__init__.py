"""The sessions that ship with the app: data files inside the package.

`FOLDER` is where they are, the same for a wheel, an editable install and a checkout (see
`presenter.resources`)."""

from pathlib import Path

FOLDER = Path(__file__).resolve().parent
