"""An item's table on the audience screen: each row a point, read against the header."""

from __future__ import annotations

from dataclasses import replace

from presenter.agenda.model import AgendaItem


def test_the_room_sees_a_tables_rows_as_points(make_windows, session):
    table = (("Icon", "Meaning"), ("Heart", "Like"), ("Arrows", "Share <it>"))
    items = list(session.items)
    items[0] = replace(items[0], points=("Each icon does one thing",), table=table)
    windows = make_windows(replace(session, items=tuple(items)))
    windows.registry.trigger("next")
    shown = windows.audience.item.points.points.text()
    assert "<li>Each icon does one thing</li>" in shown
    assert "<li>Heart: Like</li>" in shown
    assert "<li>Arrows: Share &lt;it&gt;</li>" in shown
    assert "Icon" not in shown


def test_an_item_without_a_table_shows_only_its_points(make_windows, session):
    items = (AgendaItem("Welcome", 5, points=("Hello",)), *session.items[1:])
    windows = make_windows(replace(session, items=items))
    windows.registry.trigger("next")
    assert windows.audience.item.points.points.text().count("<li>") == 1
