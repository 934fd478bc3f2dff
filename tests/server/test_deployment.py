"""The district deployment as the .deb ships it (build/server/): the server started
the way the systemd unit starts it — settings from the environment file only — the
unit itself, and the PostgreSQL profile's settings."""

from __future__ import annotations

import configparser
import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from mediator.server import cli
from mediator.server.db import DEFAULT_PG_POOL
from tests.sync.harness import REPO, free_port

SERVER_DIR = REPO / "build" / "server"
ASSIGN = re.compile(r"^\s*(#)?\s*(MEDIATOR_SERVER_[A-Z_]+)=(.*)$")


def environment_file() -> tuple[dict[str, str], dict[str, str]]:
    """The active variables of mediator-server.default, and those of its commented
    PostgreSQL profile block."""
    active: dict[str, str] = {}
    profile: dict[str, str] = {}
    in_profile = False
    for line in (SERVER_DIR / "mediator-server.default").read_text(encoding="utf-8").splitlines():
        if line.startswith("# PostgreSQL profile"):
            in_profile = True
        elif not line.strip():
            in_profile = False
        m = ASSIGN.match(line)
        if m is None:
            continue
        if not m.group(1):
            active[m.group(2)] = m.group(3)
        elif in_profile:
            profile[m.group(2)] = m.group(3)
    return active, profile


def test_the_environment_file_sets_only_what_the_server_reads() -> None:
    active, profile = environment_file()
    text = (SERVER_DIR / "mediator-server.default").read_text(encoding="utf-8")
    mentioned = set(re.findall(r"MEDIATOR_SERVER_[A-Z_]+", text))
    assert mentioned <= set(cli.ENVIRONMENT), mentioned - set(cli.ENVIRONMENT)
    assert active["MEDIATOR_SERVER_DATA_DIR"] == "/var/lib/mediator-server"
    assert active["MEDIATOR_SERVER_DB"] == "sqlite:////var/lib/mediator-server/server.sqlite3"
    assert active["MEDIATOR_SERVER_WORKERS"] == "1"  # SQLite: one process, group commit
    assert profile["MEDIATOR_SERVER_DB"].startswith("postgresql+psycopg://")
    assert int(profile["MEDIATOR_SERVER_POOL_SIZE"]) == DEFAULT_PG_POOL
    assert int(profile["MEDIATOR_SERVER_WORKERS"]) >= 2


def test_serve_runs_on_the_environment_alone_as_the_unit_starts_it(tmp_path: Path) -> None:
    """The shipped variables, with the data dir, database and port moved to this test's
    own, and two worker processes: ``serve`` with no option answers."""
    active, _ = environment_file()
    data = tmp_path / "var-lib"
    port = free_port()
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("MEDIATOR_SERVER_")},
           **active, "MEDIATOR_SERVER_DATA_DIR": str(data), "MEDIATOR_SERVER_PORT": str(port),
           "MEDIATOR_SERVER_DB": f"sqlite:///{data / 'server.sqlite3'}",
           "MEDIATOR_SERVER_WORKERS": "2", "MEDIATOR_SERVER_POOL_SIZE": "3"}
    log = (tmp_path / "server.log").open("wb")
    proc = subprocess.Popen([sys.executable, "-m", "mediator.server.cli", "serve"], cwd=REPO,
                            env=env, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    try:
        deadline = time.monotonic() + 30
        answer = None
        while time.monotonic() < deadline and proc.poll() is None:
            with contextlib.suppress(httpx.HTTPError):
                answer = httpx.get(f"http://127.0.0.1:{port}/health", timeout=1)
                break
            time.sleep(0.1)
        assert answer is not None and answer.status_code == 200, \
            (tmp_path / "server.log").read_text()
        assert answer.json()["ok"] is True
        assert (data / "server.sqlite3").exists()  # the data dir from the environment
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(10)
        log.close()


@pytest.mark.parametrize(("setting", "says"), [
    ("MEDIATOR_SERVER_PORT=八七六五", "环境变量 MEDIATOR_SERVER_PORT 应为整数"),
    ("MEDIATOR_SERVER_WORKERS=0", "serve --workers 应在 1 到 64 之间"),
    ("MEDIATOR_SERVER_POOL_SIZE=1000", "serve --pool-size 应在 1 到 100 之间"),
])
def test_a_bad_setting_in_the_environment_is_refused_by_name(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        setting: str, says: str) -> None:
    monkeypatch.setenv(*setting.split("=", 1))
    assert cli.main(["--data-dir", str(tmp_path), "serve"]) == cli.EXIT_ERROR
    err = capsys.readouterr().err
    assert says in err and "Traceback" not in err


def test_the_command_line_wins_over_the_environment(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MEDIATOR_SERVER_WORKERS", "2")
    assert cli.main(["--data-dir", str(tmp_path), "serve", "--workers", "0"]) == cli.EXIT_ERROR
    assert "serve --workers 应在 1 到 64 之间" in capsys.readouterr().err


def test_help_lists_every_variable() -> None:
    out = subprocess.run([sys.executable, "-m", "mediator.server.cli", "serve", "--help"],
                         capture_output=True, text=True, check=True).stdout
    for name in cli.ENVIRONMENT:
        assert name in out
    assert "--pool-size" in out


def unit() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(SERVER_DIR / "mediator-server.service", encoding="utf-8")
    return parser


def test_the_unit_runs_the_server_as_its_own_user_in_a_closed_box() -> None:
    service = unit()["Service"]
    assert service["User"] == service["Group"] == "mediator-server"
    assert service["StateDirectory"] == "mediator-server"
    assert service["EnvironmentFile"] == "/etc/default/mediator-server"
    assert service["ExecStart"].split() == ["/opt/mediator/mediator-server", "serve"]
    assert service["Restart"] == "on-failure"
    for key, value in {"NoNewPrivileges": "yes", "ProtectSystem": "strict",
                       "ProtectHome": "yes", "PrivateTmp": "yes"}.items():
        assert service[key] == value, key
    assert service["ReadWritePaths"].split() == ["/var/lib/mediator-server"]
    assert service["CapabilityBoundingSet"] == ""  # no privilege at all
    assert unit()["Install"]["WantedBy"] == "multi-user.target"


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="no systemd-analyze")
def test_systemd_finds_nothing_wrong_in_the_unit() -> None:
    proc = subprocess.run(["systemd-analyze", "verify",
                           str(SERVER_DIR / "mediator-server.service")],
                          capture_output=True, text=True, check=False)
    complaints = [line for line in (proc.stdout + proc.stderr).splitlines()
                  if "mediator-server.service" in line
                  # the program itself is installed by the package, not here
                  and "/opt/mediator/mediator-server" not in line]
    assert complaints == []


def profile_settings() -> dict[str, str]:
    out = {}
    for line in (SERVER_DIR / "postgresql.conf").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^\s*([a-z_][a-z0-9_]*)\s*=\s*([^#\s]+)", line)
        if m:
            out[m.group(1)] = m.group(2).strip("'")
    return out


def test_the_postgresql_profile_keeps_every_commit_durable() -> None:
    settings = profile_settings()
    assert settings["fsync"] == settings["full_page_writes"] == "on"
    assert settings["synchronous_commit"] in ("on", "local", "remote_write", "remote_apply")
    # Slow statements may be logged, their parameters (names, ID numbers) never.
    assert settings["log_parameter_max_length"] == "0"
    assert settings["log_parameter_max_length_on_error"] == "0"


@pytest.mark.postgres
def test_the_postgresql_profile_names_settings_postgresql_accepts() -> None:
    url = os.environ.get("MEDIATOR_TEST_PG_URL", "")
    if not url:
        pytest.skip("MEDIATOR_TEST_PG_URL not set")
    from sqlalchemy import create_engine, text

    settings = profile_settings()
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            known: dict[str, str] = dict(conn.execute(text(
                "SELECT name, context FROM pg_settings WHERE name = ANY(:names)"),
                {"names": list(settings)}).all())
            assert set(settings) == set(known), set(settings) - set(known)
            # Values of the settings an ordinary role may set: PostgreSQL parses them.
            for name, value in settings.items():
                if known[name] == "user":
                    conn.execute(text("SELECT set_config(:n, :v, true)"),
                                 {"n": name, "v": value})
            conn.rollback()
    finally:
        engine.dispose()
