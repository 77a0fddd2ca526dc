"""The app's two looks, dark and light high-contrast, each one palette for every window.

A `Theme` holds named colours. They give the `QPalette` that every window and dialog (message
boxes, file dialogs, the editor, the wrap-up) draws with, and they fill the `$name`
placeholders of `presenter/resources/style.qss`, the style sheet for the run's own panels. Both are set
on the application, so a dialog can never get the style sheet's text colour without the
background that goes with it.

Warning colours come from the Okabe–Ito palette (blue, sky blue, bluish green, yellow,
orange, vermillion), chosen to stay apart for people with colour-blindness; a warning always
shows its words too. Text on every warning background has at least 4.5:1 contrast.
"""

from __future__ import annotations

from string import Template
from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from presenter.ui.shared.resources import read_text

DEFAULT_THEME = "dark"
STYLE_TEMPLATE = "style.qss"
# Give these to `QApplication` to start it in the Fusion style. Asking a running app for its
# style makes PySide6 build the whole Python face of `QStyle` (about 10 ms at start-up), so
# an app started this way is marked, and `apply_theme` does not ask.
FUSION_ARGUMENTS = ("-style", "Fusion")
FUSION_MARK = "presenterFusion"

# The same in both themes: a coloured panel with its own text colour (Okabe–Ito colours).
WARNING_COLOURS = {
    "on_time": ("#009E73", "#000000"),  # bluish green
    "soon": ("#F0E442", "#000000"),  # yellow
    "due": ("#E69F00", "#000000"),  # orange
    "over": ("#D55E00", "#000000"),  # vermillion
    "paused": ("#0072B2", "#FFFFFF"),  # blue
    "before": ("#56B4E9", "#000000"),  # sky blue
    "finished": ("#595959", "#FFFFFF"),  # grey
}


def _warning_placeholders() -> dict[str, str]:
    names = {}
    for level, (background, text) in WARNING_COLOURS.items():
        names[f"warn_{level}_bg"] = background
        names[f"warn_{level}_text"] = text
    return names


class Theme(NamedTuple):
    """A look: its name in the settings (and in the View menu's action `theme_NAME`) and
    every colour it uses. (A named tuple, not a dataclass: it is made at every start.)"""

    name: str
    colours: dict[str, str]

    def colour(self, name: str) -> QColor:
        return QColor(self.colours[name])

    def palette(self) -> QPalette:
        """The palette every widget without a style rule of its own draws with."""
        c = self.colour
        palette = QPalette()
        roles = QPalette.ColorRole
        for role, name in (
            (roles.Window, "window"),
            (roles.WindowText, "text"),
            (roles.Base, "base"),
            (roles.AlternateBase, "base_alt"),
            (roles.Text, "text"),
            (roles.Button, "button"),
            (roles.ButtonText, "text"),
            (roles.BrightText, "bright_text"),
            (roles.ToolTipBase, "base"),
            (roles.ToolTipText, "text"),
            (roles.PlaceholderText, "muted"),
            (roles.Highlight, "highlight"),
            (roles.HighlightedText, "highlight_text"),
            (roles.Link, "link"),
            (roles.LinkVisited, "link"),
            (roles.Light, "bevel_light"),
            (roles.Midlight, "bevel_midlight"),
            (roles.Mid, "bevel_mid"),
            (roles.Dark, "bevel_dark"),
            (roles.Shadow, "bevel_shadow"),
        ):
            palette.setColor(role, c(name))
        disabled = QPalette.ColorGroup.Disabled
        for role in (roles.WindowText, roles.Text, roles.ButtonText):
            palette.setColor(disabled, role, c("disabled_text"))
        palette.setColor(disabled, roles.Highlight, c("bevel_mid"))
        return palette

    def style_sheet(self, template: str | None = None) -> str:
        """`style.qss` with this theme's colours in place of its `$name` placeholders."""
        text = read_text(STYLE_TEMPLATE) if template is None else template
        return Template(text).substitute(self.colours)


DARK = Theme(
    "dark",
    {
        "window": "#14181D",
        "text": "#E8EAED",
        "muted": "#A9B2BC",
        "soft": "#C3C8CE",
        "panel": "#1E242B",
        "panel_alt": "#1A1F25",
        "line": "#262D35",
        "selected": "#2E3742",
        "scroll_handle": "#4A5562",
        "base": "#1A1F25",
        "base_alt": "#1E242B",
        "button": "#2A323C",
        "bright_text": "#FFFFFF",
        "highlight": "#1F5F9E",
        "highlight_text": "#FFFFFF",
        "link": "#8AB4F8",
        "disabled_text": "#8A939D",
        "bevel_light": "#3A4450",
        "bevel_midlight": "#2E3742",
        "bevel_mid": "#262D35",
        "bevel_dark": "#0F1317",
        "bevel_shadow": "#000000",
        "caution": "#F0B35A",
        "problem": "#FF8A7A",
        "count_soon": "#F0E442",
        "count_due": "#E69F00",
        "count_over": "#FF7F66",
        "count_paused": "#7CC4F2",
        "pace_ahead": "#5FD3A8",
        "pace_behind": "#E69F00",
        "pace_late": "#FF7F66",
        "overlay": "rgba(10, 12, 15, 240)",
        "overlay_text": "#E8EAED",
        "audience_bg": "#0F2741",
        "audience_text": "#FFFFFF",
        "audience_soft": "#CFE0F2",
        "audience_accent": "#FFD54F",
        **_warning_placeholders(),
    },
)

# Off-white (cream) rather than white and dark grey rather than black, as the British
# Dyslexia Association's style guide advises for easier reading.
LIGHT = Theme(
    "light",
    {
        "window": "#FAF7EF",
        "text": "#1A1A1A",
        "muted": "#4D4D4D",
        "soft": "#333333",
        "panel": "#EFEADC",
        "panel_alt": "#F3EFE3",
        "line": "#D6CFBE",
        "selected": "#E0D8C4",
        "scroll_handle": "#9C9482",
        "base": "#FFFDF8",
        "base_alt": "#F3EEE1",
        "button": "#E9E3D3",
        "bright_text": "#000000",
        "highlight": "#1F5F9E",
        "highlight_text": "#FFFFFF",
        "link": "#0B57A4",
        "disabled_text": "#66625A",
        "bevel_light": "#FFFFFF",
        "bevel_midlight": "#F3EEE1",
        "bevel_mid": "#B8B0A0",
        "bevel_dark": "#8A8375",
        "bevel_shadow": "#5C574D",
        "caution": "#8A4B00",
        "problem": "#B3261E",
        "count_soon": "#6B5A00",
        "count_due": "#8F4500",
        "count_over": "#B3261E",
        "count_paused": "#0B5394",
        "pace_ahead": "#00664A",
        "pace_behind": "#8F4500",
        "pace_late": "#B3261E",
        "overlay": "rgba(250, 247, 239, 245)",
        "overlay_text": "#1A1A1A",
        "audience_bg": "#FAF7EF",
        "audience_text": "#1A1A1A",
        "audience_soft": "#333333",
        "audience_accent": "#0B4F8A",
        **_warning_placeholders(),
    },
)

THEMES: dict[str, Theme] = {theme.name: theme for theme in (DARK, LIGHT)}
_current: list[Theme] = [DARK]


def theme_named(name: str | None) -> Theme:
    """The theme called `name`, or the default one for a name this version does not know."""
    return THEMES.get(name or "", THEMES[DEFAULT_THEME])


def current_theme() -> Theme:
    """The theme last applied (the dark one until then)."""
    return _current[0]


def colour(name: str) -> QColor:
    """A colour of the current theme, for models that colour their own cells."""
    return current_theme().colour(name)


def apply_theme(theme: Theme | str, app: QApplication | None = None) -> Theme:
    """Give the whole application this theme's palette and style sheet, live.

    Qt's own file dialog is used instead of the system's, so it takes the palette too; the
    Fusion style draws every control from the palette on every system."""
    if isinstance(theme, str):
        theme = theme_named(theme)
    app = app or QApplication.instance()
    app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    if not app.property(FUSION_MARK):
        if app.style().name().lower() != "fusion":
            app.setStyle("Fusion")
        app.setProperty(FUSION_MARK, True)
    app.setPalette(theme.palette())
    app.setStyleSheet(theme.style_sheet())
    _current[0] = theme
    return theme


def set_style_state(widget: QWidget, name: str, value: str) -> None:
    """Set a property the style sheet selects on (e.g. `[warning="over"]`) and repaint with it.

    A widget not yet shown is styled when it is first shown, so it only needs the property."""
    if widget.property(name) != value:
        widget.setProperty(name, value)
        if widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
            widget.style().unpolish(widget)
            widget.style().polish(widget)
