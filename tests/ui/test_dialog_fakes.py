"""The dialog fakes every window test runs with: a dialog no test answered fails the test
at once instead of waiting for a click that never comes."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from presenter.timing import RunState
from presenter.ui.shared.dialogs import ConfirmDialog
from tests.ui.dialog_fakes import UnexpectedDialog


def test_an_answered_dialog_is_recorded_with_its_title_and_text(windows, dialogs):
    dialogs.answer(ConfirmDialog, True)
    windows.registry.trigger("next")
    windows.registry.trigger("finish")
    assert windows.controller.state is RunState.FINISHED
    assert dialogs.titles() == ["End the session"]
    assert dialogs.of(ConfirmDialog)[0].text == "End the session now?"


def test_a_dialog_nobody_answered_fails_instead_of_waiting(windows, dialogs):
    windows.registry.trigger("next")
    with pytest.raises(UnexpectedDialog, match="End the session"):
        windows.finish()
    assert windows.controller.state is RunState.RUNNING
    assert dialogs.unexpected == ["ConfirmDialog.ask('End the session')"]
    with pytest.raises(pytest.fail.Exception, match="did not expect"):
        dialogs.check()  # what the fixture does after the test
    dialogs.unexpected.clear()  # opened here on purpose


def test_a_dialog_opened_from_a_key_fails_the_test_too(windows, dialogs, qtbot):
    windows.registry.trigger("next")
    with qtbot.capture_exceptions() as raised:
        windows.registry.trigger("finish")
    assert dialogs.unexpected == ["ConfirmDialog.ask('End the session')"]
    assert [type(error) for _kind, error, _trace in raised] == [UnexpectedDialog]
    assert windows.controller.state is RunState.RUNNING
    dialogs.unexpected.clear()


def test_answers_in_turn_run_out(windows, dialogs):
    dialogs.answer(ConfirmDialog, False, True)
    windows.registry.trigger("next")
    windows.finish()
    assert windows.controller.state is RunState.RUNNING
    windows.finish()
    assert windows.controller.state is RunState.FINISHED
    with pytest.raises(UnexpectedDialog, match="asked again"):
        ConfirmDialog.ask(None, "Once more", "A third question")
    dialogs.unexpected.clear()


def test_a_modal_dialog_with_no_classmethod_in_front_fails_too(qapp, dialogs):
    box = QMessageBox(QMessageBox.Icon.Question, "Sure?", "Really?")
    with pytest.raises(UnexpectedDialog, match="Sure"):
        box.exec()
    with pytest.raises(UnexpectedDialog, match="Careful"):
        QMessageBox.warning(None, "Careful", "Something went wrong")
    dialogs.unexpected.clear()
