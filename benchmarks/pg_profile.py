"""The district deployment profile as the .deb ships it (build/server/), for the load
benchmark: PostgreSQL's settings applied to a test cluster, and the server's settings
read from the environment file exactly as systemd hands them to the unit.

Applying needs a superuser: ``--pg-admin URL``, or (as root on the CI machine, like
.ci/pg.sh) ``psql`` run as the ``postgres`` system user over the local socket.
Settings that take a restart (shared_buffers, max_connections) are reported, not
forced: restarting a cluster that other test runs share would break them.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parent.parent
SERVER_DIR = ROOT / "build" / "server"
PG_CONF = SERVER_DIR / "postgresql.conf"
ENV_FILE = SERVER_DIR / "mediator-server.default"

_SETTING = re.compile(r"^\s*([a-z_][a-z0-9_]*)\s*=\s*('(?:[^']|'')*'|[^#\s]+)")
_ASSIGN = re.compile(r"^\s*(#)?\s*(MEDIATOR_SERVER_[A-Z_]+)=(.*)$")


def pg_settings(path: Path = PG_CONF) -> dict[str, str]:
    """``name -> value`` of a postgresql.conf (comments dropped, quotes removed)."""
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _SETTING.match(line)
        if m:
            value = m.group(2)
            if value.startswith("'"):
                value = value[1:-1].replace("''", "'")
            out[m.group(1)] = value
    return out


def server_environment(*, postgres: bool, path: Path = ENV_FILE) -> dict[str, str]:
    """The variables the unit's EnvironmentFile= sets: its active lines, and with
    ``postgres`` also the commented ``#MEDIATOR_SERVER_...`` lines of its PostgreSQL
    profile block, as an administrator uncomments them (later lines win, as in systemd)."""
    env: dict[str, str] = {}
    in_pg_block = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# PostgreSQL profile"):
            in_pg_block = True
        elif not line.strip():
            in_pg_block = False
        m = _ASSIGN.match(line)
        if m and (not m.group(1) or (postgres and in_pg_block)):
            env[m.group(2)] = m.group(3).strip()
    return env


@dataclass
class Applied:
    """What :func:`apply` did: settings now live, and those waiting for a restart."""

    live: dict[str, str] = field(default_factory=dict)
    pending_restart: list[str] = field(default_factory=list)
    before: dict[str, str] = field(default_factory=dict)


class Admin:
    """Superuser statements on the test cluster."""

    def __init__(self, test_url: str, admin_url: str = "") -> None:
        self.admin_url = admin_url
        self.port = make_url(test_url).port or 5432

    def query(self, sql: str) -> list[tuple[str, ...]]:
        if self.admin_url:
            import psycopg  # the server's own driver

            dsn = make_url(self.admin_url).set(drivername="postgresql").render_as_string(
                hide_password=False)
            with psycopg.connect(dsn, autocommit=True) as conn:
                cur = conn.execute(sql.encode())
                return ([tuple(str(v) for v in row) for row in cur.fetchall()]
                        if cur.description else [])
        runuser = shutil.which("runuser")
        if runuser is None:
            raise RuntimeError("--profile needs --pg-admin URL (no runuser here)")
        out = subprocess.run(
            [runuser, "-u", "postgres", "--", "psql", "-X", "-q", "-A", "-t", "-F", "\t",
             "-p", str(self.port), "-v", "ON_ERROR_STOP=1", "-c", sql],
            capture_output=True, text=True, check=False)
        if out.returncode:
            raise RuntimeError(f"psql as postgres failed: {out.stderr.strip()}")
        return [tuple(line.split("\t")) for line in out.stdout.splitlines() if line]

    def apply(self, settings: dict[str, str]) -> Applied:
        """ALTER SYSTEM for each setting, then a reload; what is live afterwards."""
        done = Applied()
        names = ",".join(f"'{n}'" for n in settings)
        for name, setting, unit in self.query(
                f"SELECT name, setting, coalesce(unit, '') FROM pg_settings "
                f"WHERE name IN ({names})"):
            done.before[name] = setting + unit
        for name, value in settings.items():
            self.query(f"ALTER SYSTEM SET {name} = '{value.replace(chr(39), chr(39) * 2)}'")
        self.query("SELECT pg_reload_conf()")
        self._wait_reloaded()
        for name, setting, unit, pending in self.query(
                f"SELECT name, setting, coalesce(unit, ''), pending_restart::text "
                f"FROM pg_settings WHERE name IN ({names})"):
            if pending == "true":
                done.pending_restart.append(name)
            else:
                done.live[name] = setting + unit
        return done

    def reset(self, settings: dict[str, str]) -> None:
        """Undo :meth:`apply` (the cluster is shared with the test suites)."""
        for name in settings:
            self.query(f"ALTER SYSTEM RESET {name}")
        self.query("SELECT pg_reload_conf()")
        self._wait_reloaded()

    def _wait_reloaded(self) -> None:
        # pg_reload_conf() only signals the postmaster; a new connection made after
        # the backends reloaded sees the new values.  One round trip is enough here.
        self.query("SELECT pg_sleep(0.2)")
