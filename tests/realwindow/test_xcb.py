"""The app opens in a real X session: Qt's xcb platform finds every library it links.

On a fresh Debian machine Qt aborts with a message naming only libxcb-cursor0 when
libxcb-icccm4 or libxcb-keysyms1 is missing; `.ci/run` and the README list them all.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.realwindow.desktop import installed_app

CI_RUN = Path(__file__).resolve().parents[2] / ".ci" / "run"


def xcb_libraries() -> list[Path]:
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    found = [qt / "plugins" / "platforms" / "libqxcb.so", *sorted(qt.glob("lib/libQt6XcbQpa.so*"))]
    return [path for path in found if path.exists()]


def test_every_library_the_xcb_platform_links_is_installed():
    if shutil.which("ldd") is None:
        pytest.skip("ldd is not available")
    libraries = xcb_libraries()
    assert libraries, "PySide6 has no xcb platform plugin"
    for library in libraries:
        out = subprocess.run(["ldd", str(library)], capture_output=True, text=True).stdout
        missing = [line.split()[0] for line in out.splitlines() if "not found" in line]
        assert not missing, f"{library.name} needs {', '.join(missing)}: see .ci/run's packages"


def test_ci_installs_the_xcb_libraries_and_the_x_tools():
    script = CI_RUN.read_text()
    for package in (
        "libxcb-icccm4",
        "libxcb-keysyms1",
        "libxcb-cursor0",
        "libxkbcommon-x11-0",
        "xvfb",
        "openbox",
        "xdotool",
        "x11-utils",
        "imagemagick",
    ):
        assert package in script, f".ci/run does not install {package}"


def test_the_app_opens_and_draws_its_windows_on_the_xcb_platform(laptop, tmp_path):
    done = subprocess.run(
        [*installed_app(), "--quit-when-ready", "--data-dir", str(tmp_path / "data")],
        env=laptop.env(QT_QPA_PLATFORM="xcb"),
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "xcb" not in done.stderr, done.stderr[-2000:]
