"""The app opens no network connection and sends nothing: its main paths, traced.

Each path runs as the installed app in a child process under `strace`, which logs every
`socket()` and `connect()` it and its children make, and, where the kernel allows, inside a
network namespace of its own (`unshare -rn`) so that nothing could leave even if it tried.
Local sockets (AF_UNIX: the X server, D-Bus for the screen saver) are allowed; any other
family (AF_INET, AF_INET6, AF_NETLINK asking about network interfaces, ...) fails the test.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.bundle.conftest import no_network_prefix

STRACE = shutil.which("strace")
pytestmark = pytest.mark.skipif(
    not STRACE and os.environ.get("CI", "").lower() != "true",
    reason="strace is not installed (.ci/run installs it)",
)
SOCKET = re.compile(r"\bsocket\((AF_\w+|PF_\w+|\d+)")
CONNECT = re.compile(r"\bconnect\(\d+, \{sa_family=(AF_\w+)")


def traced(tmp_path: Path, name: str, *args: str) -> list[str]:
    """Run `presenter ARGS` traced; return the socket families it opened or connected to."""
    assert STRACE, "strace is needed: install it (see .ci/run)"
    log = tmp_path / f"{name}.strace"
    result = subprocess.run(
        [*no_network_prefix(), STRACE, "-f", "-qq", "-e", "trace=socket,connect", "-o", str(log),
         sys.executable, "-m", "presenter", *args],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path / "home")},
    )  # fmt: skip
    assert result.returncode == 0, f"{args}: exit {result.returncode}\n{result.stderr}"
    text = log.read_text(encoding="utf-8", errors="replace")
    return SOCKET.findall(text) + CONNECT.findall(text)


def not_local(families: list[str]) -> list[str]:
    return [family for family in families if family not in ("AF_UNIX", "PF_UNIX", "PF_LOCAL")]


def test_the_main_paths_open_no_network_socket(tmp_path):
    data = str(tmp_path / "data")
    deck = tmp_path / "twitter-hour.pptx"
    roster = tmp_path / "roster.csv"
    roster.write_text("First name,Surname,Email\nAlex,Example,alex@example.org\n", "utf-8")
    paths = {
        "validate": ("validate", "twitter-hour"),
        "export": ("export", "twitter-hour", "-o", str(deck)),
        "import": ("import", str(deck), "-o", str(tmp_path / "back.md")),
        "new run": ("runs", "new", "twitter-hour", "--venue", "Library", "--data-dir", data),
        "roster": ("roster", "import", "latest", str(roster), "--yes", "--data-dir", data),
        "check-in": ("checkin", "latest", "Sam Sample", "--role", "Nurse", "--data-dir", data),
        "register": ("attendance", "export", "latest", "-o", "register.pdf", "--data-dir", data),
        "the app": ("twitter-hour", "--quit-when-ready", "--data-dir", data),
    }
    opened = {name: not_local(traced(tmp_path, name, *args)) for name, args in paths.items()}
    assert opened == {name: [] for name in paths}


def test_the_trace_sees_a_network_socket_when_one_is_opened(tmp_path):
    """The check above can fail: a child that opens an internet socket is seen."""
    assert STRACE
    log = tmp_path / "probe.strace"
    subprocess.run(
        [STRACE, "-f", "-qq", "-e", "trace=socket,connect", "-o", str(log), sys.executable,
         "-c", "import socket; socket.socket(socket.AF_INET, socket.SOCK_STREAM).close()"],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    assert not_local(SOCKET.findall(log.read_text(encoding="utf-8"))) == ["AF_INET"]
