"""The presenter window shows what a facilitator reads at a glance, from a fake clock."""

from __future__ import annotations

from presenter.timing import RunState
from presenter.ui.run.agenda_model import ACTUAL, PLANNED, STATUS
from presenter.ui.run.rebalance_dialog import RebalanceDialog
from presenter.ui.shared.dialogs import ConfirmDialog
from presenter.ui.shared.settings import Settings


def test_before_the_start_counts_down_to_the_slot(windows, clock):
    countdown = windows.presenter.countdown
    assert countdown.title.text() == "Twitter hour"
    assert countdown.countdown.text() == "5:00"  # 11:55 now, slot at 12:00
    clock.advance(72.4)
    windows.controller.refresh()
    assert countdown.countdown.text() == "3:48"
    assert countdown.warning.text() == "Starts in"
    assert windows.presenter.slot_clock.time_of_day.text() == "11:56"
    assert windows.presenter.slot_clock.pace.text() == "Not started"


def test_next_starts_the_first_item_and_counts_down(windows, clock, session):
    windows.registry.trigger("next")
    countdown = windows.presenter.countdown
    first = session.items[0]
    assert windows.controller.state is RunState.RUNNING
    assert countdown.title.text() == first.title
    assert countdown.countdown.text() == f"{first.minutes}:00"
    assert countdown.warning.text() == "On time"
    assert windows.presenter.current_points.title.text() == first.title
    assert windows.presenter.next_points.title.text() == session.items[1].title
    clock.advance(61.2)
    windows.controller.refresh()
    assert countdown.countdown.text() == f"{first.minutes - 2}:59"


def test_warning_is_colour_and_words_together(windows, clock, session):
    windows.registry.trigger("next")
    minutes = session.items[0].minutes
    clock.advance(minutes * 60 - 30)
    windows.controller.refresh()
    label = windows.presenter.countdown.warning
    assert label.property("warning") == "soon"
    assert label.text() == "30 s left"
    clock.advance(45)
    windows.controller.refresh()
    assert windows.presenter.countdown.countdown.text() == "+0:15"
    assert label.property("warning") == "due"
    assert label.text() == "Time's up"
    clock.advance(120)
    windows.controller.refresh()
    assert label.property("warning") == "over"
    assert "over" in label.text()


def test_pause_freezes_the_item_countdown(windows, clock):
    windows.registry.trigger("next")
    clock.advance(10)
    windows.registry.trigger("toggle_pause")
    shown = windows.presenter.countdown.countdown.text()
    clock.advance(95)
    windows.controller.refresh()
    assert windows.presenter.countdown.countdown.text() == shown
    assert windows.presenter.countdown.warning.text().startswith("Paused")
    windows.registry.trigger("toggle_pause")
    clock.advance(5)
    windows.controller.refresh()
    assert windows.presenter.countdown.countdown.text() != shown


def test_lengthen_and_shorten_change_the_countdown_by_a_minute(windows, session):
    windows.registry.trigger("next")
    minutes = session.items[0].minutes
    windows.registry.trigger("lengthen")
    assert windows.presenter.countdown.countdown.text() == f"{minutes + 1}:00"
    windows.registry.trigger("shorten")
    windows.registry.trigger("shorten")
    assert windows.presenter.countdown.countdown.text() == f"{minutes - 1}:00"


def test_agenda_list_marks_done_current_and_actual_minutes(windows, clock, session):
    model = windows.presenter.agenda_model
    windows.registry.trigger("next")
    clock.advance(200)
    windows.registry.trigger("next")
    clock.advance(30)
    windows.controller.refresh()
    assert model.index(0, STATUS).data() == "✓"
    assert model.index(1, STATUS).data() == "▶"
    assert model.index(2, STATUS).data() == ""
    assert model.index(0, ACTUAL).data() == "3:20"
    assert model.index(1, ACTUAL).data() == "0:30"
    # Plan and Actual in one notation, minutes and seconds.
    assert model.index(1, PLANNED).data() == f"{session.items[1].minutes}:00"


def test_previous_goes_back_an_item(windows, session):
    windows.registry.trigger("next")
    windows.registry.trigger("next")
    windows.registry.trigger("previous")
    assert windows.presenter.countdown.title.text() == session.items[0].title


def test_jump_goes_to_the_chosen_item(windows, session, dialogs):
    from presenter.ui.shared.dialogs import JumpDialog

    dialogs.answer(JumpDialog, (4, True))
    windows.registry.trigger("next")
    windows.registry.trigger("jump")
    assert windows.presenter.countdown.title.text() == session.items[4].title


def test_rebalance_asks_then_changes_the_rest_of_the_plan(windows, clock, session, dialogs):
    asked = []
    dialogs.answer_with(RebalanceDialog, lambda parent, proposal: asked.append(proposal) or True)
    windows.registry.trigger("next")
    clock.advance(session.items[0].minutes * 60 + 6 * 60 + 27)  # 6 min 27 s over on the first
    windows.registry.trigger("next")
    before = windows.controller.view().planned_minutes
    windows.registry.trigger("rebalance")
    after = windows.controller.view().planned_minutes
    assert asked, "the facilitator is shown the proposal before it is applied"
    assert sum(after[2:]) < sum(before[2:])
    assert all(minutes == int(minutes) for minutes in after)  # never a fraction of a minute
    plan = [windows.presenter.agenda_model.index(row, PLANNED).data() for row in range(len(after))]
    assert plan == [f"{int(minutes)}:00" for minutes in after]


def test_the_rebalance_dialog_is_a_table_of_whole_minutes(windows, clock, session, qtbot):
    windows.registry.trigger("next")
    clock.advance(session.items[0].minutes * 60 + 6 * 60 + 27)
    windows.registry.trigger("next")
    proposal = windows.controller.clock.rebalance_proposal()
    dialog = RebalanceDialog(proposal, windows.presenter)
    qtbot.addWidget(dialog)
    table = dialog.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == ["Item", "Now", "Proposed"]
    cells = [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]
    assert [row[0] for row in cells] == [item.title for item in session.items[2:]]
    for _, now, proposed in cells:
        assert now.endswith(" min") and proposed.endswith(" min") and " s" not in now + proposed
    assert dialog.headline.text() == "To end at 13:00, the rest of the agenda becomes:"


def test_notes_zoom_is_remembered(windows, settings):
    size = windows.presenter.notes.point_size()
    windows.registry.trigger("notes_bigger")
    windows.registry.trigger("notes_bigger")
    assert windows.presenter.notes.point_size() == size + 4
    assert Settings(settings.path).notes_point_size == size + 4
    windows.registry.trigger("notes_smaller")
    assert Settings(settings.path).notes_point_size == size + 2


def test_notes_are_rendered_and_checklists_stay_ticked(windows, session):
    windows.registry.trigger("next")
    notes = windows.presenter.notes
    checklist = notes.checklist()
    assert checklist, "the first item's notes have a checklist"
    assert not any(ticked for _, ticked in checklist)
    assert "- [ ]" not in notes.toPlainText()  # rendered, not shown as source
    notes.toggle_line(0)
    assert notes.checklist()[0][1] is True
    windows.registry.trigger("next")
    windows.registry.trigger("previous")
    assert notes.checklist()[0][1] is True


def test_clicking_a_checklist_line_ticks_it(windows, qtbot):
    from PySide6.QtCore import QPoint, Qt

    windows.registry.trigger("next")
    notes = windows.presenter.notes
    windows.presenter.resize(1280, 800)
    qtbot.waitUntil(lambda: notes.isVisible())
    block = notes._checklist_blocks()[0]
    rect = notes.document().documentLayout().blockBoundingRect(block)
    point = QPoint(int(rect.x() + rect.width() / 2), int(rect.y() + rect.height() / 2))
    point -= QPoint(notes.horizontalScrollBar().value(), notes.verticalScrollBar().value())
    notes.verticalScrollBar().setValue(0)
    qtbot.mouseClick(notes.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert notes.checklist()[0][1] is True


def test_end_of_session_asks_first(windows, dialogs):
    dialogs.answer(ConfirmDialog, False, True)
    windows.registry.trigger("next")
    windows.registry.trigger("finish")
    assert windows.controller.state is RunState.RUNNING
    windows.registry.trigger("finish")
    assert windows.controller.state is RunState.FINISHED
    assert windows.presenter.countdown.warning.text().startswith("Session over")


def test_after_ending_early_the_windows_say_the_session_has_ended(windows, clock, dialogs):
    dialogs.answer(ConfirmDialog, True)
    windows.registry.trigger("next")
    clock.advance(158)
    windows.registry.trigger("finish")  # items are left: ended early
    presenter = windows.presenter
    assert presenter.countdown.countdown.text() == "Ended"  # not a bare "2:38"
    assert presenter.countdown.warning.text() == "Session over after 2:38"
    assert presenter.next_points.title.text() == "Nothing next: the session has ended"
    assert presenter.slot_clock.pace.text() == "Session ended"  # no "ahead" or "behind"
    assert presenter.slot_clock.finish_caption.text().startswith("Ended at")
    assert presenter.slot_clock.finish.text() == "11:57"
    clock.advance(60)
    windows.controller.refresh()
    assert presenter.slot_clock.pace.text() == "Session ended"


def test_window_titles_name_the_app_once(windows, session):
    # The window system adds " — Presenter" (the display name set at start-up) itself.
    assert windows.presenter.windowTitle() == session.title
    assert "Presenter" not in windows.audience.windowTitle()


def test_help_overlay_lists_every_key(windows):
    windows.registry.trigger("help")
    overlay = windows.presenter.help
    assert overlay.isVisible()
    text = overlay.text.text()
    for spec in windows.registry.specs:
        assert spec.text.replace("&", "").rstrip("…") in text
    windows.registry.trigger("leave_full_screen")
    assert not overlay.isVisible()


def test_before_the_start_the_room_sees_the_arrival_screen(windows, session):
    shown = windows.presenter.current_points
    assert shown.title.text() == "Arrival screen"
    for check in session.readiness:
        assert check in shown.points.text()
    assert windows.presenter.next_points.title.text() == session.items[0].title


def test_notes_stay_at_their_first_line_when_the_window_changes_size(windows, qtbot):
    windows.registry.trigger("next")
    notes = windows.presenter.notes
    for size in ((900, 500), (1280, 800), (700, 420)):
        windows.presenter.resize(*size)
        qtbot.waitUntil(lambda: notes.isVisible())
        assert notes.verticalScrollBar().maximum() > 0, "the notes are longer than the view"
        assert notes.verticalScrollBar().value() == 0


def test_a_rebalance_that_cannot_fit_says_by_how_many_minutes(qtbot):
    from datetime import datetime

    from presenter.timing import Rebalance

    proposal = Rebalance(
        minutes=(5.0, 10.0, 1.0),
        shortfall=9.0,
        previous=(5.0, 10.0, 5.0),
        titles=("Welcome", "Main topic", "Questions"),
        ends_at=datetime(2026, 11, 25, 12, 20),
        upcoming=(2,),
    )
    dialog = RebalanceDialog(proposal)
    qtbot.addWidget(dialog)
    assert dialog.headline.text().startswith("Cannot end at 12:20: 9 min over")
    assert [dialog.table.item(0, c).text() for c in range(3)] == ["Questions", "5 min", "1 min"]
    assert dialog.apply_button.text() == "Use the shortest plan"
