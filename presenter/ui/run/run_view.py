"""The run windows' View menu and screens: themes, blanking the audience screen, its
countdown, full screen, the warning when the room may see this window, the chime, the notes'
size and the screen saver.

Mixed into `RunWindows`; it uses the windows' `registry`, `settings`, `presenter`,
`audience`, `placer` and `refresh`. Each setting the facilitator changes is remembered.
"""

from __future__ import annotations

from PySide6.QtGui import QActionGroup

from presenter.ui.shared.theme import THEMES, apply_theme


class ViewWiring:
    """What each screen shows, switched from the View menu and remembered in the settings."""

    def _connect_view(self) -> None:
        act = self.registry.action
        act("blackout").toggled.connect(lambda on: self._blank("black", on))
        act("whiteout").toggled.connect(lambda on: self._blank("white", on))
        act("audience_countdown").toggled.connect(self._audience_countdown)
        act("swap_screens").triggered.connect(self.placer.swap)
        act("one_screen").toggled.connect(self.placer.set_one_screen)
        act("audience_full_screen").toggled.connect(self._audience_full_screen)
        act("audience_only").toggled.connect(self.placer.set_audience_only)
        act("times_up_chime").toggled.connect(self._remember_chime)
        self.presenter.countdown.times_up.connect(self._times_up)
        self.placer.placed.connect(self._placed)
        self.placer.shared.connect(self._warn_shared_screen)
        act("full_screen").triggered.connect(self.presenter.toggle_full_screen)
        act("leave_full_screen").triggered.connect(self.presenter.leave_full_screen)
        act("notes_bigger").triggered.connect(self.presenter.notes.bigger)
        act("notes_smaller").triggered.connect(self.presenter.notes.smaller)
        self.presenter.notes.point_size_changed.connect(self._remember_notes_size)
        self.controller.running_changed.connect(self._hold_screen_saver)
        self._connect_themes()

    def _connect_themes(self) -> None:
        """The View menu's themes: one ticked, switched live, remembered."""
        self.theme_group = QActionGroup(self)
        for name in THEMES:
            action = self.registry.action(f"theme_{name}")
            self.theme_group.addAction(action)
            action.setChecked(name == self.theme.name)
            action.triggered.connect(lambda _checked=False, n=name: self.set_theme(n))

    def set_theme(self, name: str) -> None:
        self.theme = apply_theme(name)
        self.settings.theme = self.theme.name
        self.registry.action(f"theme_{self.theme.name}").setChecked(True)

    def _blank(self, colour: str, on: bool) -> None:
        other = self.registry.action("whiteout" if colour == "black" else "blackout")
        if on and other.isChecked():
            other.setChecked(False)
        if on:
            self.audience.set_blank(colour)
        elif self.audience.blank == colour:
            self.audience.set_blank("")
        self.refresh()

    def _audience_countdown(self, shown: bool) -> None:
        self.audience.countdown_shown = shown
        self.settings.audience_countdown = shown
        self.refresh()

    def _placed(self, audience_full_screen: bool) -> None:
        """Keep the menu's tick in step when the windows move (a screen plugged or unplugged)."""
        action = self.registry.action("audience_full_screen")
        action.blockSignals(True)
        action.setChecked(audience_full_screen)
        action.blockSignals(False)

    def _audience_full_screen(self, on: bool) -> None:
        if on:
            self.audience.showFullScreen()
        else:
            self.audience.showNormal()

    def _remember_chime(self, on: bool) -> None:
        self.settings.times_up_chime = on

    def _times_up(self) -> None:
        if self.registry.action("times_up_chime").isChecked():
            self.chime()

    def _warn_shared_screen(self, why: str) -> None:
        """Once per start: the room may see this window; offer the audience screen alone."""
        if self._shared_warned or self.placer.audience_only:
            return
        if why == "one screen" and self.placer.one_screen:
            return  # side by side on purpose, to share one window in a video call
        self._shared_warned = True
        from presenter.ui.audience.banner import Banner

        if why == "mirrored":
            text = "A projector copies this screen: the room sees "
        else:
            text = "One screen for both windows: if the room sees it, it sees "
        self.shared_banner = Banner(
            "SharedScreenBanner",
            text + "your notes and names.",
            (
                (
                    "Audience only (Ctrl+Shift+A)",
                    lambda: self.registry.action("audience_only").setChecked(True),
                ),
                ("Keep both", None),
            ),
        )
        self.presenter.show_banner(self.shared_banner)

    def _remember_notes_size(self, size: int) -> None:
        self.settings.notes_point_size = size

    def _hold_screen_saver(self, running: bool) -> None:
        if self.screensaver is None:
            from presenter.ui.run.screensaver import ScreenSaverBlock

            self.screensaver = ScreenSaverBlock()
        self.screensaver.set_held(running)
