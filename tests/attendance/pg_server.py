"""A throwaway PostgreSQL cluster for the shared-record tests: Debian's server binaries,
a data folder in a temporary place, a Unix socket and a local port, stopped at the end.

PostgreSQL refuses to run as root, so under root (as in CI) the cluster is made and run as
the unprivileged user `nobody`. Without the server binaries the tests skip, saying why.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def server_binaries() -> Path | None:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).resolve().parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), reverse=True)
    return Path(versions[0]).parent if versions else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Cluster:
    """One PostgreSQL server; `conninfo` reaches its `presenter` database over the socket."""

    def __init__(self) -> None:
        binaries = server_binaries()
        assert binaries, "PostgreSQL's server is not installed (postgresql)"
        self.bin = binaries
        # Its own folder straight under the system's temporary folder: the user the server
        # runs as must be able to reach it.
        folder = Path(tempfile.mkdtemp(prefix="presenter-pg-"))
        self.folder = folder
        self.data = folder / "data"
        self.port = _free_port()
        self.as_user = ["runuser", "-u", "nobody", "--"] if os.geteuid() == 0 else []
        if self.as_user:
            shutil.chown(folder, "nobody")
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres",
                  "--no-sync", "-E", "UTF8", "--locale=C")  # fmt: skip
        self.start()
        self._run("createdb", "-h", str(folder), "-p", str(self.port), "-U", "postgres",
                  "presenter")  # fmt: skip

    @property
    def conninfo(self) -> str:
        return f"host={self.folder} port={self.port} dbname=presenter user=postgres"

    def fresh_database(self, name: str) -> str:
        """A new, empty database called `name` (made again if a test left one): its conninfo."""
        import psycopg

        with psycopg.connect(self.conninfo, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
            admin.execute(f'CREATE DATABASE "{name}"')
        return self.conninfo.replace("dbname=presenter", f"dbname={name}")

    def backends_waiting_on_a_lock(self) -> int:
        """How many of the server's connections are waiting for an advisory lock now."""
        import psycopg

        with psycopg.connect(self.conninfo, autocommit=True) as probe:
            query = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
            return probe.execute(query).fetchone()[0]

    def _run(self, program: str, *args: str) -> None:
        subprocess.run([*self.as_user, str(self.bin / program), *args], check=True,
                       capture_output=True, timeout=120)  # fmt: skip

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses='' -c fsync=off"
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l",
                  str(self.folder / "server.log"), "-w", "start")  # fmt: skip

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
