"""Holding off the screen saver is best effort: with no session bus nothing breaks."""

from __future__ import annotations

import sys

import pytest

from presenter.ui.screensaver import ScreenSaverBlock


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="D-Bus is the Linux route")
def test_without_a_session_bus_hold_and_release_do_nothing(qapp, monkeypatch):
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    block = ScreenSaverBlock()
    if block.supported:
        pytest.skip("this machine has a session bus; the no-bus case cannot be shown here")
    assert block.hold() is False
    block.release()
    block.set_held(True)
    block.set_held(False)


def test_the_run_holds_the_screen_saver_while_it_runs(windows, monkeypatch):
    calls = []
    monkeypatch.setattr(ScreenSaverBlock, "set_held", lambda self, held: calls.append(held))
    windows.registry.trigger("next")
    windows.registry.trigger("toggle_pause")  # paused is still a run: the screen stays on
    from presenter.ui.dialogs import ConfirmDialog

    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda cls, *a: True))
    windows.registry.trigger("finish")
    assert calls == [True, False]
