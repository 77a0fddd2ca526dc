"""Keep the screen saver and display sleep away while a session runs, where the platform allows.

Linux desktops: org.freedesktop.ScreenSaver over D-Bus. Windows: SetThreadExecutionState.
Elsewhere (macOS, no session bus) nothing happens, and `supported` says so.
"""

from __future__ import annotations

import sys

APP_NAME = "Presenter"
REASON = "A session is running"


class ScreenSaverBlock:
    """`hold()` when the run starts, `release()` when it pauses or ends; both safe to repeat."""

    def __init__(self) -> None:
        self._cookie: int | None = None
        self._windows_held = False
        self.supported = sys.platform == "win32" or self._bus() is not None

    @staticmethod
    def _bus():
        if not sys.platform.startswith("linux"):
            return None
        from PySide6.QtDBus import QDBusConnection

        bus = QDBusConnection.sessionBus()
        return bus if bus.isConnected() else None

    def hold(self) -> bool:
        if sys.platform == "win32":
            return self._windows(True)
        if self._cookie is not None:
            return True
        bus = self._bus()
        if bus is None:
            return False
        from PySide6.QtDBus import QDBusInterface

        saver = QDBusInterface(
            "org.freedesktop.ScreenSaver",
            "/org/freedesktop/ScreenSaver",
            "org.freedesktop.ScreenSaver",
            bus,
        )
        reply = saver.call("Inhibit", APP_NAME, REASON)
        arguments = reply.arguments()
        if arguments:
            self._cookie = int(arguments[0])
        return self._cookie is not None

    def release(self) -> None:
        if sys.platform == "win32":
            self._windows(False)
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
