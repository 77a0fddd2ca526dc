"""Both themes: every window and dialog readable (text contrast measured on grabbed pixels),
warning colours told apart by colour-blind eyes, every control named for screen readers,
and the View menu's choice applied live and remembered."""

from __future__ import annotations

import itertools
import math
from datetime import datetime
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAccessible, QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMenuBar,
    QMessageBox,
    QPlainTextEdit,
    QStyle,
    QTextEdit,
    QWidget,
)

from presenter.attendance.clock_log import ResumeOffer
from presenter.attendance.roster import guess_columns, read_table
from presenter.attendance.store import open_store
from presenter.ui.attendance.history_view import HistoryView
from presenter.ui.attendance.merge_dialog import MergeDialog
from presenter.ui.attendance.roster_import import RosterImportDialog
from presenter.ui.attendance.wrapup_view import WrapUpView
from presenter.ui.run.resume import ResumeDialog
from presenter.ui.shared.dialogs import ConfirmDialog, JumpDialog, ProblemsDialog, SaveChangesDialog
from presenter.ui.shared.file_dialogs import SESSION_FILTER
from presenter.ui.shared.settings import Settings
from presenter.ui.shared.theme import DARK, THEMES, WARNING_COLOURS, apply_theme, theme_named
from tests.contrast import (
    AA_NORMAL_TEXT,
    channel,
    contrast_ratio,
    hex_rgb,
    read_ppm,
    region_pixels,
    rgb_rows,
    text_contrast,
)
from tests.ui.test_wrapup import SESSION, replay_run

THEME_NAMES = sorted(THEMES)
INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QAbstractItemView,
    QComboBox,
    QAbstractSpinBox,
    QPlainTextEdit,
    QTextEdit,
)


@pytest.fixture(autouse=True)
def dark_again_afterwards(qapp):
    yield
    apply_theme(DARK)


# -- measuring ------------------------------------------------------------------------------


def _text_rect(widget: QWidget) -> QRect:
    """Where a widget's text is drawn: a button without its frame, a tick box without its box."""
    rect = widget.visibleRegion().boundingRect()
    if isinstance(widget, QCheckBox):
        style = widget.style()
        box = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, widget)
        gap = style.pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing, None, widget)
        return rect.adjusted(box + gap + 2, 0, 0, 0)
    if isinstance(widget, (QAbstractButton, QLineEdit)):
        return rect.adjusted(4, 4, -4, -4)
    return rect


def _shows_text(widget: QWidget) -> bool:
    if isinstance(widget, QLabel):
        return bool(widget.text().strip()) and widget.pixmap().isNull()
    if isinstance(widget, QAbstractButton):
        return bool(widget.text().strip())
    if isinstance(widget, QLineEdit):
        return bool(widget.text().strip())
    return False


def low_contrast(window: QWidget) -> list[str]:
    """Every enabled label, button and filled line edit of `window` whose text is under 4.5:1
    on its background, measured on the window's own pixels as grabbed."""
    QApplication.processEvents()
    image = window.grab().toImage()
    scale = image.devicePixelRatio()
    rows = rgb_rows(image)
    problems = []
    measured = 0
    for widget in window.findChildren(QWidget):
        if widget.window() is not window.window() or not widget.isVisibleTo(window):
            continue  # another window (a dialog of this one) or hidden
        if not widget.isEnabled() or not _shows_text(widget):
            continue  # WCAG asks no contrast of a control that cannot be used
        rect = _text_rect(widget)
        if rect.width() < 4 or rect.height() < 4:
            continue
        corner = widget.mapTo(window, rect.topLeft())
        box = QRect(QPoint(corner), rect.size())
        pixels = region_pixels(
            rows,
            int(box.x() * scale),
            int(box.y() * scale),
            int(box.width() * scale),
            int(box.height() * scale),
        )
        if not pixels:
            continue
        measured += 1
        found = text_contrast(pixels)
        if found.ratio < AA_NORMAL_TEXT:
            text = widget.text().replace("\n", " ")[:40]
            problems.append(
                f"{type(widget).__name__} {widget.objectName()!r} {text!r}: "
                f"{found.ratio:.2f}:1 ({found.text} on {found.background})"
            )
    assert measured, f"nothing with text was measured in {window!r}"
    return problems


def unnamed(window: QWidget) -> list[str]:
    """Controls a screen reader would announce without a name."""
    missing = []
    for widget in [window, *window.findChildren(QWidget)]:
        if widget.window() is not window.window():
            continue  # a dialog of this window: checked on its own
        if isinstance(widget, QAbstractSlider):  # scroll bars: named by their role
            continue
        parent = widget.parentWidget()
        if isinstance(parent, (QComboBox, QAbstractSpinBox, QLineEdit, QMenuBar)):
            continue  # their own inner parts (a clear button, the menu bar's overflow arrow)
        if isinstance(parent, QAbstractItemView):
            continue  # an item view's headers and corner button: read out as its cells
        interactive = isinstance(widget, INTERACTIVE)
        focusable = widget.focusPolicy() != Qt.FocusPolicy.NoFocus and not isinstance(
            widget, QLabel
        )
        if not (interactive or focusable):
            continue
        face = QAccessible.queryAccessibleInterface(widget)
        name = face.text(QAccessible.Text.Name).strip() if face is not None else ""
        if not name:
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def assert_none(found: dict[str, list[str]]) -> None:
    lines = [f"{title}: {problem}" for title, problems in found.items() for problem in problems]
    assert not lines, "\n".join(lines)


# -- what is opened -------------------------------------------------------------------------


@pytest.fixture
def record(tmp_path, clock):
    """An attendance file with one run as the app records it (four people, every action)."""
    with open_store(tmp_path / "record", clock=clock.wall) as store:
        run_id = replay_run(store, clock)
        yield store, run_id


@pytest.fixture
def modal(dialogs):
    """Modal dialogs are shown, checked by `check(dialog)`, and closed instead of waiting."""
    checks = []
    seen: list[QWidget] = []

    def fake_exec(dialog) -> int:
        dialog.show()
        QApplication.processEvents()
        seen.append(dialog)
        for check in checks:
            check(dialog)
        dialog.hide()
        return 0

    dialogs.open_for_real(exec_=fake_exec)
    return SimpleNamespace(checks=checks, seen=seen)


def _roster(tmp_path):
    path = tmp_path / "roster.csv"
    path.write_text("Name,Email,Did you install the app?\nSam Patel,sam@example.org,Yes\n")
    table = read_table(path)
    return table, guess_columns(table.headers, SESSION.readiness)


def open_modal_dialogs(parent: QWidget, tmp_path) -> None:
    """Every modal dialog the run windows open, each through its own classmethod."""
    ConfirmDialog.ask(parent, "End the session", "End the session now?", "End the session")
    ConfirmDialog.ask(parent, "Quit during the session", "The session is still running.", "Quit")
    ProblemsDialog.show_problems(
        parent, "This file cannot be opened", ["a.md:3: error: one", "a.md:9: error: two"]
    )
    SaveChangesDialog.ask(parent, "twitter-hour.md")
    offer = ResumeOffer(
        run=SimpleNamespace(title="Twitter hour", venue="Library"),
        save=None,
        started_at=datetime(2026, 11, 25, 12, 2),
        item_index=3,
        item_title="Who to follow",
    )
    ResumeDialog.ask(parent, offer)
    person = SimpleNamespace(name="Sam Patel", checked_in_at=datetime(2026, 11, 25, 12, 1))
    MergeDialog.ask(parent, person, None, "email")
    JumpDialog.ask(parent, SESSION, 2)
    table, columns = _roster(tmp_path)
    RosterImportDialog.confirm(parent, table, columns, SESSION.readiness)


def file_dialog(parent: QWidget, folder) -> QFileDialog:
    dialog = QFileDialog(parent, "Open a session", str(folder), SESSION_FILTER)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.show()
    return dialog


def every_window(windows, store, run_id, tmp_path) -> dict[str, QWidget]:
    """The presenter, audience and editor windows and the non-modal views, shown."""
    windows.edit_agenda()
    views = {
        "presenter window": windows.presenter,
        "audience window": windows.audience,
        "agenda editor": windows.editor,
        "wrap-up": WrapUpView.show_for(store, run_id, windows.presenter),
        "history": HistoryView(store, SESSION.title, session=SESSION, parent=windows.presenter),
        "file dialog": file_dialog(windows.presenter, tmp_path),
    }
    views["history"].show()
    return views


# -- the tests ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", THEME_NAMES)
def test_every_dialog_is_readable_in_each_theme(make_windows, session, name, modal, tmp_path):
    windows = make_windows(session, check_in=True)
    windows.set_theme(name)
    problems: dict[str, list[str]] = {}
    modal.checks.append(lambda d: problems.setdefault(d.windowTitle(), []).extend(low_contrast(d)))
    open_modal_dialogs(windows.presenter, tmp_path)
    assert len(modal.seen) == 8
    assert_none(problems)


@pytest.mark.parametrize("name", THEME_NAMES)
def test_every_window_and_view_is_readable_in_each_theme(
    make_windows, session, name, record, tmp_path
):
    windows = make_windows(session, check_in=True)
    windows.set_theme(name)
    views = every_window(windows, *record, tmp_path)
    problems = {title: low_contrast(view) for title, view in views.items()}
    windows.registry.trigger("next")  # the item, its countdown and the room's screen
    windows.registry.trigger("audience_countdown")
    problems["presenter window, running"] = low_contrast(windows.presenter)
    problems["audience window, running"] = low_contrast(windows.audience)
    windows.registry.trigger("help")
    problems["keys and help"] = low_contrast(windows.presenter.help)
    for view in views.values():
        if view.isWindow() and view not in (windows.presenter, windows.audience):
            view.close()
    assert_none(problems)


def test_each_warning_state_is_readable_in_each_theme(make_windows, session, clock):
    """The countdown and its warning through on time, soon, due, over and paused."""
    windows = make_windows(session)
    windows.registry.trigger("next")
    item = windows.controller.clock.session.items[0]
    states = {}
    for name in THEME_NAMES:
        windows.set_theme(name)
        for seconds in (0, item.minutes * 60 - 60, 65, 120):  # on time, soon, due, over
            clock.advance(seconds)
            windows.controller.refresh()
            level = windows.presenter.countdown.warning.property("warning")
            states.setdefault(name, set()).add(level)
            assert low_contrast(windows.presenter.countdown) == [], (name, level)
        windows.registry.trigger("toggle_pause")
        windows.controller.refresh()
        states[name].add(windows.presenter.countdown.warning.property("warning"))
        assert low_contrast(windows.presenter.countdown) == [], (name, "paused")
        windows.registry.trigger("toggle_pause")
    assert states["dark"] >= {"on_time", "soon", "due", "over", "paused"}


def test_the_measure_sees_the_old_fault_light_text_in_a_light_dialog(qapp):
    """A window style sheet's label colour reaching a dialog that keeps the light palette:
    what made the presenter window's dialogs unreadable."""
    parent = QWidget()
    parent.setStyleSheet("QLabel { color: #e8eaed; }")
    box = QMessageBox(QMessageBox.Icon.Question, "End the session", "End the session now?")
    box.setParent(parent, box.windowFlags())
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#efefef"))
    box.setPalette(palette)
    box.show()
    try:
        assert any("End the session now?" in p for p in low_contrast(box))
    finally:
        box.close()
        parent.deleteLater()


@pytest.mark.parametrize("name", THEME_NAMES)
def test_every_control_has_a_name_for_screen_readers(
    make_windows, session, name, modal, record, tmp_path
):
    windows = make_windows(session, check_in=True)
    windows.set_theme(name)
    windows.presenter.check_in_panel.more.setChecked(True)  # the details form too
    views = every_window(windows, *record, tmp_path)
    windows.registry.trigger("help")
    views["keys and help"] = windows.presenter.help
    missing = {title: unnamed(view) for title, view in views.items()}
    modal.checks.append(lambda d: missing.setdefault(d.windowTitle(), []).extend(unnamed(d)))
    open_modal_dialogs(windows.presenter, tmp_path)
    for view in views.values():
        if view.isWindow() and view not in (windows.presenter, windows.audience):
            view.close()
    assert_none(missing)
    # The figures read out though they take no keys: a screen reader hears the value shown
    # ("4:58", "2 min behind") with what it is; the notes and agenda by their names.
    presenter = windows.presenter
    for widget, what in (
        (presenter.countdown.countdown, "Time left in this item"),
        (presenter.countdown.warning, "Warning"),
        (presenter.slot_clock.slot_left, "Left in slot"),
        (presenter.slot_clock.pace, "Pace"),
        (presenter.slot_clock.finish, "Forecast finish"),
    ):
        face = QAccessible.queryAccessibleInterface(widget)
        assert widget.text() and face.text(QAccessible.Text.Name) == widget.text(), what
        assert face.text(QAccessible.Text.Description) == what
    for widget, name in ((presenter.notes, "Speaker notes"), (presenter.agenda, "Agenda")):
        assert widget.accessibleName() == name


def test_the_view_menu_switches_the_theme_live_and_remembers_it(make_windows, session, settings):
    windows = make_windows(session)
    dark, light = windows.registry.action("theme_dark"), windows.registry.action("theme_light")
    assert dark.isChecked() and not light.isChecked()
    background = windows.presenter.palette().color(QPalette.ColorRole.Window).name().upper()
    assert background == THEMES["dark"].colours["window"]

    light.trigger()
    assert light.isChecked() and not dark.isChecked()
    cream = THEMES["light"].colours["window"]
    assert windows.presenter.palette().color(QPalette.ColorRole.Window).name().upper() == cream
    box = QMessageBox(QMessageBox.Icon.Question, "t", "a dialog opened later", parent=None)
    assert box.palette().color(QPalette.ColorRole.Window).name().upper() == cream
    assert Settings(settings.path).theme == "light"

    again = make_windows(session)  # the next start
    assert again.registry.action("theme_light").isChecked()
    assert QApplication.palette().color(QPalette.ColorRole.Window).name().upper() == cream


def test_the_themes_are_in_the_view_menu_without_keys(windows):
    view = next(a.menu() for a in windows.presenter.menuBar().actions() if a.text() == "&View")
    names = [a.objectName() for a in view.actions()]
    assert {"theme_dark", "theme_light"} <= set(names)
    for name in ("theme_dark", "theme_light"):
        action = windows.registry.action(name)
        assert action.isCheckable() and action.shortcuts() == []


def test_an_unknown_theme_in_the_settings_gives_the_dark_one(settings):
    settings.theme = "sepia"
    assert theme_named(Settings(settings.path).theme) is DARK


def test_every_placeholder_of_the_style_sheet_has_a_colour_in_each_theme():
    for theme in THEMES.values():
        sheet = theme.style_sheet()
        assert "$" not in sheet and "#ItemCountdown" in sheet


def test_the_contrast_maths_gives_the_wcag_figures(tmp_path):
    assert contrast_ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21)
    assert contrast_ratio((119, 119, 119), (255, 255, 255)) == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio((10, 20, 30), (10, 20, 30)) == 1
    # A 4x2 picture: white background, two black text pixels, one grey stray pixel.
    rows = [bytes([255] * 9 + [0] * 3), bytes([0] * 3 + [128] * 3 + [255] * 6)]
    found = text_contrast(region_pixels(rows, 0, 0, 4, 2))
    assert (found.background, found.text) == ((255, 255, 255), (0, 0, 0))
    assert found.ratio == pytest.approx(21)
    assert text_contrast(region_pixels(rows, 0, 0, 3, 1)).ratio == 1
    shot = tmp_path / "shot.ppm"
    shot.write_bytes(b"P6\n# made by hand\n4 2\n255\n" + b"".join(rows))
    assert read_ppm(shot) == rows
    deep = tmp_path / "deep.ppm"  # 16 bits a channel
    deep.write_bytes(
        b"P6\n4 2\n65535\n" + b"".join(bytes(b for v in r for b in (v, 7)) for r in rows)
    )
    assert read_ppm(deep) == rows


def test_no_style_rule_fixes_a_text_colour_the_theme_does_not_give_a_background_for():
    """A text colour is the theme's own (checked against its backgrounds below) or comes in
    the same rule as its background, as in the notes and the editor's over-the-slot line."""
    import re

    from presenter.ui.shared.resources import read_text

    sheet = re.sub(r"/\*.*?\*/", "", read_text("style.qss"), flags=re.DOTALL)
    for selector, body in re.findall(r"([^{}]+)\{([^}]*)\}", sheet):
        declarations = dict(
            (part.split(":", 1)[0].strip(), part.split(":", 1)[1].strip())
            for part in body.split(";")
            if ":" in part
        )
        text = declarations.get("color")
        if text is not None and not text.startswith("$"):
            assert "background" in declarations, selector.strip()


# -- colours, by numbers --------------------------------------------------------------------


@pytest.mark.parametrize("level", sorted(WARNING_COLOURS))
def test_text_on_each_warning_colour_has_aa_contrast(level):
    background, text = WARNING_COLOURS[level]
    assert contrast_ratio(hex_rgb(background), hex_rgb(text)) >= AA_NORMAL_TEXT


@pytest.mark.parametrize("name", THEME_NAMES)
def test_each_themes_text_colours_read_on_each_of_its_backgrounds(name):
    colours = THEMES[name].colours
    backgrounds = ("window", "panel", "panel_alt", "base", "button")
    texts = ("text", "muted", "soft", "caution", "problem", "count_soon", "count_due")
    texts += ("count_over", "count_paused", "pace_ahead", "pace_behind", "pace_late")
    for text, background in itertools.product(texts, backgrounds):
        ratio = contrast_ratio(hex_rgb(colours[text]), hex_rgb(colours[background]))
        assert ratio >= AA_NORMAL_TEXT, (text, background, ratio)
    for text in ("audience_text", "audience_soft", "audience_accent"):
        assert contrast_ratio(hex_rgb(colours[text]), hex_rgb(colours["audience_bg"])) >= 4.5
    assert contrast_ratio(hex_rgb(colours["highlight_text"]), hex_rgb(colours["highlight"])) > 4.5


# Colour vision deficiency simulated with the full-severity matrices of Machado, Oliveira and
# Fernandes (2009), applied to linear RGB; the difference is CIE 1976 Delta E in CIELAB.
DEFICIENCIES = {
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "tritanopia": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}
TOLD_APART = 10.0  # Delta E: two patches side by side look plainly different


def _lab(linear: list[float]) -> tuple[float, float, float]:
    r, g, b = linear
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def _seen_with(matrix, colour: str) -> tuple[float, float, float]:
    linear = [channel(v) for v in hex_rgb(colour)]
    seen = [
        min(1.0, max(0.0, sum(m * c for m, c in zip(row, linear, strict=True)))) for row in matrix
    ]
    return _lab(seen)


@pytest.mark.parametrize("deficiency", sorted(DEFICIENCIES))
def test_warning_colours_stay_apart_for_colour_blind_eyes(deficiency):
    matrix = DEFICIENCIES[deficiency]
    for (first, (a, _)), (second, (b, _)) in itertools.combinations(WARNING_COLOURS.items(), 2):
        difference = math.dist(_seen_with(matrix, a), _seen_with(matrix, b))
        assert difference >= TOLD_APART, (first, second, difference)
