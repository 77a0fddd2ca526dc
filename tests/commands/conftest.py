"""The command line run in this process against a fresh data folder, as a facilitator types it."""

from __future__ import annotations

import pytest

from presenter.cli import main


@pytest.fixture
def presenter(tmp_path, capsys):
    """Run `presenter ARGS` here, with --data-dir after the command's words (its first two)."""

    def run(*args: str) -> tuple[int, str, str]:
        status = main([*args[:2], "--data-dir", str(tmp_path / "data"), *args[2:]])
        out, err = capsys.readouterr()
        return status, out, err

    return run
