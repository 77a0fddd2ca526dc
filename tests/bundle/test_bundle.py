"""The frozen app works from a copy on a machine with no Python, and with no network."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pptx import Presentation

from presenter import __version__
from tests.bundle.conftest import Bundle

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def ok(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 0, f"exit {result.returncode}\n{result.stdout}\n{result.stderr}"
    assert "Traceback" not in result.stderr, result.stderr
    return result.stdout


def test_it_says_its_version(bundle: Bundle):
    assert ok(bundle.run("--version")).strip() == f"presenter {__version__}"


def test_the_bundled_session_validates(bundle: Bundle):
    assert "60 minutes planned" in ok(bundle.run("validate", "twitter-hour"))


def test_a_bad_session_gets_a_message_not_a_traceback(bundle: Bundle):
    (bundle.work / "bad.md").write_text("---\ntitle: [unclosed\n---\n", encoding="utf-8")
    result = bundle.run("validate", "bad.md")
    assert result.returncode == 2
    assert "bad.md" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.timeout(200)
def test_the_exported_deck_opens_in_libreoffice(bundle: Bundle, tmp_path):
    ok(bundle.run("export", "twitter-hour", "-o", "deck.pptx"))
    deck = bundle.work / "deck.pptx"
    assert deck.stat().st_size > 10_000
    assert SOFFICE, "LibreOffice is needed to open the deck: install libreoffice-impress"
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to",
         "pdf", "--outdir", str(tmp_path), str(deck)],
        check=True, capture_output=True, timeout=150,
    )  # fmt: skip
    info = subprocess.run(["pdfinfo", str(tmp_path / "deck.pdf")], capture_output=True, text=True)
    pages = int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))
    assert pages == len(Presentation(str(deck)).slides) >= 12


def test_a_run_check_in_and_attendance_export(bundle: Bundle):
    data = str(bundle.work / "data")
    assert "run 1" in ok(bundle.run("runs", "new", "twitter-hour", "--venue", "Ward 7",
                                    "--data-dir", data))  # fmt: skip
    ok(bundle.run("checkin", "--data-dir", data, "--role", "Nurse", "latest", "Sam Sample"))
    ok(bundle.run("attendance", "export", "--data-dir", data, "latest", "-o", "people.csv"))
    text = (bundle.work / "people.csv").read_text(encoding="utf-8-sig")
    assert "Sam Sample" in text and "Nurse" in text


def test_the_windows_open_offscreen(bundle: Bundle):
    result = bundle.run(
        "twitter-hour", "--quit-when-ready", "--data-dir", str(bundle.work / "offscreen"),
        QT_QPA_PLATFORM="offscreen",
    )  # fmt: skip
    ok(result)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Xvfb is a Linux X server")
def test_the_windows_open_in_a_real_x_session(bundle: Bundle, tmp_path):
    from tests.realwindow.desktop import XServer, missing_tools

    assert not missing_tools(), f"a real X session needs {missing_tools()} (see .ci/run)"
    server = XServer(1366, 768, tmp_path / "x").start()
    try:
        result = subprocess.run(
            [str(bundle.program), "twitter-hour", "--quit-when-ready",
             "--data-dir", str(bundle.work / "x11")],
            env=bundle.env(DISPLAY=server.display, QT_QPA_PLATFORM="xcb"),
            cwd=bundle.work, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
    finally:
        server.stop()
    ok(result)


def test_the_folder_carries_what_the_app_uses_and_not_what_it_does_not(bundle: Bundle):
    inside = bundle.folder / "_internal"
    plugins = inside / "PySide6" / "Qt" / "plugins"
    if not sys.platform.startswith("linux"):
        pytest.skip("the plugin names checked are Linux's")
    names = {path.name for path in plugins.rglob("*.so")}
    assert {"libqxcb.so", "libqoffscreen.so", "libqjpeg.so"} <= names
    assert not any("wayland" in name or "eglfs" in name or "gtk3" in name for name in names)
    assert not (inside / "PySide6" / "Qt" / "translations").exists()
    assert (inside / "presenter" / "slides_src" / "twitter-hour.md").is_file()
    assert (inside / "presenter" / "resources" / "templates" / "default-16x9.pptx").is_file()
    assert (inside / "presenter" / "resources" / "icons" / "presenter-256.png").is_file()


def test_the_start_up_benchmark_runs_against_the_bundle(bundle: Bundle):
    script = Path(__file__).resolve().parents[2] / "bench" / "bundle_startup.py"
    result = subprocess.run(
        [sys.executable, str(script), "--runs", "1", "--bundle", str(bundle.folder)],
        capture_output=True, text=True, timeout=180, cwd=bundle.work,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"^start-up ratio \d+\.\d\d", result.stdout, re.M), result.stdout
