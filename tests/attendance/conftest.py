"""A fresh attendance file in a temporary folder, its clock in the test's hands."""

from __future__ import annotations

from datetime import date

import pytest

from presenter.attendance.store import AttendanceStore, open_store


@pytest.fixture
def store(tmp_path, clock) -> AttendanceStore:
    with open_store(tmp_path / "data", clock=clock.wall) as opened:
        yield opened


@pytest.fixture
def run_id(store) -> int:
    return store.create_run(
        "Twitter hour",
        on=date(2026, 11, 25),
        venue="Library",
        facilitators=["A. Facilitator", "B. Facilitator"],
        agenda=[("Welcome and check-in", 5), ("Who to follow", 8)],
        readiness=["App installed", "Username ready"],
    ).id
