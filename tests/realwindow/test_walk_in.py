"""The acceptance walk-through, at 1366x768 on a fresh data folder, keyboard and mouse only.

Click in the presenter window, Right: the session starts. Ctrl+I, a name, Tab, Space,
Enter: that person is checked in with the first readiness check ticked, and the session
has not moved. Esc, Right, P: the second item is on and the run is paused. The saved
clock actions, the attendance export and the report say exactly this.
"""

from __future__ import annotations

import csv

from tests.realwindow.desktop import cli

NAME = "Sam Patel"


def test_keyboard_only_walk_in_between_next_and_pause(laptop, start_app, tmp_path):
    app = start_app(laptop)
    window = laptop.geometry(app.presenter)
    laptop.activate(app.presenter)
    laptop.click(*window.point(0.5, 0.45))  # somewhere in the middle of the window
    laptop.key("Right")
    saves = app.wait_for_saves(1, "Right")
    assert [(s.action, s.item, s.state) for s in saves] == [("start", 0, "running")]

    laptop.key("ctrl+i")
    laptop.type(NAME)
    laptop.key("Tab", "space", "Return")
    people = app.wait_for(f"{NAME} to be checked in", app.attendees)
    assert people == [(NAME, ["App installed"])], "the first readiness check is ticked"
    assert [s.action for s in app.clock_saves()] == ["start"], "checking in moved the session"

    laptop.key("Escape", "Right", "p")
    saves = app.wait_for_saves(3, "Esc, Right, P")
    assert [(s.action, s.item, s.state) for s in saves] == [
        ("start", 0, "running"),
        ("next", 1, "running"),
        ("pause", 1, "paused"),
    ]
    assert app.attendees() == [(NAME, ["App installed"])]
    app.stop()

    listed = cli(app.data_dir, "runs", "list")
    assert listed.returncode == 0, listed.stderr
    assert "Twitter hour" in listed.stdout and "1 checked in" in listed.stdout, listed.stdout

    export = tmp_path / "who-came.csv"
    done = cli(app.data_dir, "attendance", "export", "latest", "-o", str(export))
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(export.read_text(encoding="utf-8-sig").splitlines()))
    assert [row["Name"] for row in rows] == [NAME]
    assert rows[0]["App installed"] == "yes"
    assert rows[0]["Username ready"] == "no"

    report = tmp_path / "wrap-up.csv"
    done = cli(app.data_dir, "report", "latest", "-o", str(report))
    assert done.returncode == 0, done.stderr
    text = report.read_text(encoding="utf-8-sig")
    assert NAME not in text, "the report writes no names"
    lines = list(csv.reader(text.splitlines()))
    assert ["Checked in", "1"] in lines
    assert ["App installed", "1", "100%"] in lines
    assert ["Username ready", "0", "0%"] in lines
    items = {line[0]: line[2] for line in lines[1:10]}  # item -> actual minutes
    shown = [title for title, actual in items.items() if actual != ""]
    assert len(shown) == 2, f"only the first two items were on: {items}"
