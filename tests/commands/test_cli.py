"""The command line, run for real in a subprocess as a facilitator would run it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import presenter
from presenter.agenda.bundled import bundled_session_path

ROOT = Path(__file__).resolve().parents[2]


def presenter_cmd(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "presenter", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=60,
    )


def test_validate_prints_the_schedule_and_exits_0():
    result = presenter_cmd("validate", str(bundled_session_path()))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    out = result.stdout
    assert "start  end    min  kind       title" in out
    assert "12:00  12:05    5  talk       Welcome and check-in (fixed)" in out
    assert "12:52  13:00    8  questions  Questions and next steps (fixed)" in out
    assert "60 minutes planned: exactly the 60-minute slot" in out


def test_validate_errors_exit_2_with_file_and_line_and_no_traceback(tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_text('---\ntitle: x\nstart: "12:00"\n---\n\n## Who to follow [zero min]\n')
    result = presenter_cmd("validate", str(bad))
    assert result.returncode == 2
    assert f"{bad}:6: error: 'zero' in 'Who to follow' is not a number" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_warnings_pass_unless_strict(tmp_path):
    over = tmp_path / "over.md"
    over.write_text('---\ntitle: x\nstart: "12:00"\nlength: 10\n---\n\n## Long [15 min]\n')
    relaxed = presenter_cmd("validate", str(over))
    assert relaxed.returncode == 0
    assert f"{over}:7: warning: 'Long' ends at 12:15, 5 min after the slot ends" in relaxed.stderr
    strict = presenter_cmd("validate", "--strict", str(over))
    assert strict.returncode == 2


def test_every_kind_of_unreadable_file_exits_2_cleanly(tmp_path):
    (tmp_path / "binary.md").write_bytes(b"\x00\x01\x02")
    (tmp_path / "latin1.md").write_bytes(b"---\ntitle: Caf\xe9\n---\n")
    (tmp_path / "empty.md").write_bytes(b"")
    for name in ("binary.md", "latin1.md", "empty.md", "missing.md"):
        result = presenter_cmd("validate", str(tmp_path / name))
        assert result.returncode == 2, name
        assert result.stderr.startswith(f"{tmp_path / name}:"), result.stderr
        assert "Traceback" not in result.stderr


def test_version_and_help():
    version = presenter_cmd("--version")
    assert version.stdout.strip() == f"presenter {presenter.__version__}"
    helptext = presenter_cmd("--help").stdout
    assert "validate" in helptext and "Run with no command to open the app" in helptext


def test_main_py_behaves_like_the_command():
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "validate", str(bundled_session_path())],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0
    assert result.stdout == presenter_cmd("validate", str(bundled_session_path())).stdout


def test_validate_never_imports_qt(tmp_path):
    code = (
        "import sys; from presenter.cli import main; "
        f"rc = main(['validate', {str(bundled_session_path())!r}]); "
        "assert 'PySide6' not in sys.modules, 'Qt imported'; sys.exit(rc)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_each_command_module_names_exactly_the_commands_it_adds():
    import argparse
    import importlib

    from presenter.cli import COMMAND_MODULES

    for name, names in COMMAND_MODULES.items():
        probe = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(name).register(probe)
        assert tuple(probe.choices) == names, name


def test_windows_files_pass_validate_strict(tmp_path):
    windows = tmp_path / "windows.md"
    text = '---\r\ntitle: x\r\nstart: "12:00"\r\nlength: 5\r\n---\r\n\r\n## A [5 min]\r\n'
    windows.write_bytes(b"\xef\xbb\xbf" + text.encode())
    result = presenter_cmd("validate", "--strict", str(windows))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_the_app_refuses_absurd_minutes_without_a_traceback(tmp_path):
    huge = tmp_path / "huge.md"
    huge.write_text("---\ntitle: x\n---\n\n## A [99999999999999999999 min]\n", encoding="utf-8")
    result = presenter_cmd(str(huge), "--quit-when-ready", "--data-dir", str(tmp_path / "data"))
    assert result.returncode == 2
    assert result.stderr == (
        f"{huge}:5: error: 'A' has 99999999999999999999 minutes; an item "
        "can be at most 1440 (24 hours)\n"
    )
