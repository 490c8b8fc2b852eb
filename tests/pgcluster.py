"""A throwaway PostgreSQL cluster on 127.0.0.1, from Debian's server binaries, for the test suite's
``postgres_server`` fixture and for the load benchmark.

initdb into a fresh temporary directory, start on a free loopback port with the socket in that directory,
trust authentication (nothing else can reach it), and stop with ``-m immediate`` plus removal of the
directory on the way out, whatever happened in between.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path
from types import TracebackType

USER = "canishare"


class PostgresUnavailable(RuntimeError):
    """The server binaries are missing or the cluster did not start."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_postgres_user(args: list[str]) -> list[str]:
    # initdb and postgres refuse to run as root; Debian's package creates the postgres account.
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *args]
    return args


def find_bindir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


class PgCluster:
    """``with PgCluster() as pg: url = pg.create_database("bench")``."""

    def __init__(self, *, max_connections: int = 200, prefix: str = "canishare-pg-") -> None:
        bindir = find_bindir()
        if bindir is None:
            raise PostgresUnavailable("no PostgreSQL server binaries under /usr/lib/postgresql/*/bin "
                                      "(apt-get install postgresql)")
        self.bindir = bindir
        self.max_connections = max_connections
        self.prefix = prefix
        self.root: Path | None = None
        self.port = 0
        self.started = False

    @property
    def data(self) -> Path:
        assert self.root is not None
        return self.root / "data"

    @property
    def base_url(self) -> str:
        """SQLAlchemy URL without a database name."""
        return f"postgresql+psycopg://{USER}@127.0.0.1:{self.port}"

    def start(self) -> PgCluster:
        self.root = Path(tempfile.mkdtemp(prefix=self.prefix))
        # The postgres account must be able to enter the directory and own the data folder.
        self.root.chmod(0o755)
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres")
        self.port = free_port()
        self._run([str(self.bindir / "initdb"), "-D", str(self.data), "-U", USER, "--auth=trust",
                   "--no-sync", "-E", "UTF8"], "initdb")
        # fsync off: the cluster is thrown away, and disk flushes would measure the disk, not the bot.
        options = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
                   f"-c max_connections={self.max_connections}")
        self._run([str(self.bindir / "pg_ctl"), "-D", str(self.data), "-o", options, "-w", "-l",
                   str(self.root / "log"), "start"], "pg_ctl start")
        self.started = True
        return self

    def _run(self, args: list[str], what: str) -> None:
        done = subprocess.run(_as_postgres_user(args), capture_output=True, text=True)
        if done.returncode != 0:
            raise PostgresUnavailable(f"{what} failed ({done.returncode}): {done.stderr.strip()[-500:]}")

    def create_database(self, name: str) -> str:
        """Create ``name`` and return its SQLAlchemy URL."""
        import psycopg

        with psycopg.connect(f"postgresql://{USER}@127.0.0.1:{self.port}/postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"{self.base_url}/{name}"

    def stop(self) -> None:
        if self.root is None:
            return
        if self.started:
            subprocess.run(_as_postgres_user([str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m",
                                              "immediate", "stop"]), capture_output=True)
            self.started = False
        shutil.rmtree(self.root, ignore_errors=True)
        self.root = None

    def __enter__(self) -> PgCluster:
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()
