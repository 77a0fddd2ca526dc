"""Which window goes on which screen, from the screens' rectangles alone."""

from __future__ import annotations

from PySide6.QtCore import QRect

from presenter.ui.audience.screens import plan_screens

LAPTOP = QRect(0, 0, 1366, 768)
PROJECTOR = QRect(1366, 0, 1920, 1080)


def test_two_screens_audience_full_screen_on_the_other():
    plan = plan_screens([LAPTOP, PROJECTOR], 0)
    assert (plan.presenter_screen, plan.audience_screen) == (0, 1)
    assert plan.audience_full_screen
    assert plan.audience_rect == PROJECTOR


def test_swap_screens():
    plan = plan_screens([LAPTOP, PROJECTOR], 0, swapped=True)
    assert (plan.presenter_screen, plan.audience_screen) == (1, 0)


def test_one_screen_side_by_side():
    plan = plan_screens([LAPTOP], 0)
    assert not plan.audience_full_screen
    assert plan.presenter_rect == QRect(0, 0, 683, 768)
    assert plan.audience_rect == QRect(683, 0, 683, 768)


def test_screen_sharing_mode_keeps_both_on_one_screen_even_with_two():
    plan = plan_screens([LAPTOP, PROJECTOR], 0, one_screen=True)
    assert plan.presenter_screen == plan.audience_screen == 0
    assert not plan.audience_full_screen


def test_unplugging_the_projector_brings_the_audience_window_back(windows):
    windows.placer._screens_changed(None)  # as Qt calls it when a screen goes
    windows.placer.place()
    assert windows.placer.last.audience_screen == windows.placer.last.presenter_screen
    assert windows.audience.isVisible()
    assert not windows.audience.isFullScreen()
    assert not windows.registry.action("audience_full_screen").isChecked()


def test_audience_full_screen_can_be_toggled_by_hand(windows):
    windows.registry.trigger("audience_full_screen")
    assert windows.audience.isFullScreen()
    windows.registry.trigger("audience_full_screen")
    assert not windows.audience.isFullScreen()


def test_one_screen_mode_puts_both_side_by_side(windows):
    windows.registry.trigger("one_screen")
    plan = windows.placer.last
    assert plan.presenter_screen == plan.audience_screen
    assert plan.presenter_rect.right() < plan.audience_rect.left()
    windows.registry.trigger("swap_screens")
    assert windows.placer.last.presenter_rect.left() > windows.placer.last.audience_rect.left()
