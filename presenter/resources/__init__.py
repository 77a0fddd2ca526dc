"""Stylesheet, icons, fonts and the default deck template: data files inside the package.

`FOLDER` is where they are, the same for a wheel, an editable install and a checkout: the
package is always installed as files. (`importlib.resources` gives the same folder, but
loading it costs the app's start-up more than a megabyte, for one path.)"""

from pathlib import Path

FOLDER = Path(__file__).resolve().parent
