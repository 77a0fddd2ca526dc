"""The room's screen: arrival screen, the current item, countdown on request, black and white."""

from __future__ import annotations

from PySide6.QtCore import Qt

from presenter.ui.shared.settings import Settings


def test_arrival_screen_before_the_start(windows, clock, session):
    audience = windows.audience
    assert audience.page_name() == "arrival"
    assert audience.arrival.title.text() == session.title
    assert audience.arrival.starts.text() == "Starts in 5:00"
    for check in session.readiness:
        assert check in audience.arrival.readiness.text()
    clock.advance(192)
    windows.controller.refresh()
    assert audience.arrival.starts.text() == "Starts in 1:48"
    clock.advance(200)
    windows.controller.refresh()
    assert audience.arrival.starts.text() == "Starting shortly"


def test_the_room_sees_the_current_item_and_its_points(windows, session):
    windows.registry.trigger("next")
    windows.registry.trigger("next")
    audience = windows.audience
    assert audience.page_name() == "item"
    assert audience.item.points.title.text() == session.items[1].title
    for point in session.items[1].points:
        assert point.split()[0] in audience.item.points.points.text()
    assert audience.item.countdown.isHidden()


def test_countdown_shows_only_when_turned_on_and_is_remembered(windows, clock, settings):
    windows.registry.trigger("next")
    windows.registry.trigger("audience_countdown")
    countdown = windows.audience.item.countdown
    assert not countdown.isHidden()
    assert countdown.text() == windows.presenter.countdown.countdown.text()
    assert Settings(settings.path).audience_countdown is True
    windows.registry.trigger("audience_countdown")
    assert countdown.isHidden()


def test_blackout_and_white_screen(windows):
    audience = windows.audience
    windows.registry.trigger("blackout")
    assert audience.page_name() == "blank"
    assert audience.blank == "black"
    windows.registry.trigger("whiteout")
    assert audience.blank == "white"
    assert not windows.registry.action("blackout").isChecked()
    windows.registry.trigger("whiteout")
    assert audience.blank == ""
    assert audience.page_name() == "arrival"


def test_blackout_keys_b_and_full_stop(windows, qtbot):
    window = windows.presenter
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_B)
    assert windows.audience.blank == "black"
    qtbot.keyClick(window, Qt.Key.Key_Period)
    assert windows.audience.blank == ""
    qtbot.keyClick(window, Qt.Key.Key_W)
    assert windows.audience.blank == "white"


def test_black_screen_is_black_when_grabbed(windows, qtbot):
    windows.registry.trigger("blackout")
    windows.audience.resize(640, 360)
    image = windows.audience.grab().toImage()
    assert image.pixelColor(320, 180).name() == "#000000"
    windows.registry.trigger("whiteout")
    image = windows.audience.grab().toImage()
    assert image.pixelColor(320, 180).name() == "#ffffff"


def test_thank_you_when_finished(windows, dialogs):
    from presenter.ui.shared.dialogs import ConfirmDialog

    dialogs.answer(ConfirmDialog, True)
    windows.registry.trigger("next")
    windows.registry.trigger("finish")
    assert windows.audience.page_name() == "finished"
    assert "Thank you" in windows.audience.finished.text()


def test_font_sizes_follow_the_window_size():
    from presenter.ui.audience.audience_window import scaled_font_rules

    small = scaled_font_rules(640, 360)
    large = scaled_font_rules(1920, 1080)
    assert "QLabel#ArrivalTitle { font-size: 27pt; }" in small
    assert "QLabel#ArrivalTitle { font-size: 81pt; }" in large


def test_the_room_never_sees_a_hidden_item_and_sees_nested_points_indented(make_windows):
    from presenter.agenda.model import AgendaItem, Kind, Session

    session = Session(
        "Parts",
        (
            AgendaItem("Part one", 0, kind=Kind.SECTION),
            AgendaItem("Who to follow", 5, points=("Colleagues", "Your ward"), levels=(0, 1)),
            AgendaItem("Spare slide", 5, hidden=True, points=("Only if asked",)),
            AgendaItem("Questions", 5, points=("Anything else?",)),
        ),
        length=15,
    )
    windows = make_windows(session)
    audience = windows.audience
    windows.registry.trigger("next")  # the start: the first timed item, past the section
    assert audience.item.points.title.text() == "Who to follow"
    shown = audience.item.points.points.text()
    assert shown.index("Colleagues") < shown.index("<ul>") < shown.index("Your ward")
    windows.registry.trigger("next")  # straight past the hidden slide
    assert audience.item.points.title.text() == "Questions"
    assert "Only if asked" not in audience.item.points.points.text()
    agenda = windows.presenter.agenda_model
    titles = [agenda.index(row, 2).data() for row in range(agenda.rowCount())]
    assert titles == ["Part one", "Who to follow", "Questions"]
    assert agenda.index(0, 3).data() == ""  # a heading row: no time of its own
    assert agenda.index(2, 0).data() == "▶"  # the current item's own row


def test_a_hidden_item_given_to_the_points_view_shows_nothing(qtbot):
    from presenter.agenda.model import AgendaItem
    from presenter.ui.audience.points_view import PointsView

    view = PointsView()
    qtbot.addWidget(view)
    view.show_item(AgendaItem("Spare slide", 5, hidden=True, points=("Only if asked",)))
    assert view.title.text() == "" and view.points.text() == ""


def test_points_with_markup_characters_show_as_typed(qtbot):
    from presenter.agenda.model import AgendaItem
    from presenter.ui.audience.points_view import PointsView

    view = PointsView()
    qtbot.addWidget(view)
    view.show_item(AgendaItem("Questions", 5, points=("Q&A: <b> is not bold", "5 > 3")))
    shown = view.points.text()
    assert "<li>Q&amp;A: &lt;b&gt; is not bold</li>" in shown
    assert "<li>5 &gt; 3</li>" in shown
