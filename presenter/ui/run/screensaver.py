"""Keep the screen saver and display sleep away while a session runs, where the platform allows.

Linux desktops: org.freedesktop.ScreenSaver over D-Bus. Windows: SetThreadExecutionState.
macOS: `caffeinate -d -i -w <our pid>` runs while held; it holds off display and idle sleep
while it lives, and ends by itself should the app die without letting it go.
Elsewhere (no session bus, no caffeinate) nothing happens, and `supported` says so.
"""

from __future__ import annotations

import os
import subprocess
import sys

APP_NAME = "Presenter"
REASON = "A session is running"
CAFFEINATE = "/usr/bin/caffeinate"


class ScreenSaverBlock:
    """`hold()` when the run starts, `release()` when it pauses or ends; both safe to repeat."""

    def __init__(self, *, platform: str | None = None, caffeinate: str = CAFFEINATE) -> None:
        """`platform` is a `sys.platform` value (this machine's unless given); `caffeinate`
        is the macOS command's path."""
        self.platform = sys.platform if platform is None else platform
        self.caffeinate = caffeinate
        self._cookie: int | None = None
        self._windows_held = False
        self._caffeinated: subprocess.Popen | None = None
        if self.platform == "darwin":
            self.supported = os.access(caffeinate, os.X_OK)
        else:
            self.supported = self.platform == "win32" or self._bus() is not None

    def _bus(self):
        if not self.platform.startswith("linux"):
            return None
        from PySide6.QtDBus import QDBusConnection

        bus = QDBusConnection.sessionBus()
        return bus if bus.isConnected() else None

    def hold(self) -> bool:
        if self.platform == "win32":
            return self._windows(True)
        if self.platform == "darwin":
            return self._caffeinate_hold()
        if self._cookie is not None:
            return True
        bus = self._bus()
        if bus is None:
            return False
        from PySide6.QtDBus import QDBusInterface, QDBusMessage

        saver = QDBusInterface(
            "org.freedesktop.ScreenSaver",
            "/org/freedesktop/ScreenSaver",
            "org.freedesktop.ScreenSaver",
            bus,
        )
        reply = saver.call("Inhibit", APP_NAME, REASON)
        arguments = reply.arguments()
        # A desktop without a screen saver service answers with an error, whose argument
        # is its message: then there is nothing to hold.
        if reply.type() == QDBusMessage.MessageType.ReplyMessage and arguments:
            self._cookie = int(arguments[0])
        return self._cookie is not None

    def release(self) -> None:
        if self.platform == "win32":
            self._windows(False)
            return
        if self.platform == "darwin":
            self._caffeinate_release()
            return
        if self._cookie is None:
            return
        bus = self._bus()
        if bus is not None:
            from PySide6.QtDBus import QDBusInterface

            saver = QDBusInterface(
                "org.freedesktop.ScreenSaver",
                "/org/freedesktop/ScreenSaver",
                "org.freedesktop.ScreenSaver",
                bus,
            )
            saver.call("UnInhibit", self._cookie)
        self._cookie = None

    def set_held(self, held: bool) -> None:
        if held:
            self.hold()
        else:
            self.release()

    def _windows(self, hold: bool) -> bool:
        import ctypes

        es_continuous, es_display_required, es_system_required = 0x80000000, 0x2, 0x1
        flags = es_continuous | (es_display_required | es_system_required if hold else 0)
        ctypes.windll.kernel32.SetThreadExecutionState(flags)  # type: ignore[attr-defined]
        self._windows_held = hold
        return True

    def _caffeinate_hold(self) -> bool:
        if self._caffeinated is not None and self._caffeinated.poll() is None:
            return True
        try:
            self._caffeinated = subprocess.Popen(
                [self.caffeinate, "-d", "-i", "-w", str(os.getpid())],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        except (OSError, subprocess.SubprocessError):
            self._caffeinated = None
            return False
        return True

    def _caffeinate_release(self) -> None:
        process, self._caffeinated = self._caffeinated, None
        if process is None:
            return
        if process.poll() is None:
            process.terminate()
        try:
            process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
