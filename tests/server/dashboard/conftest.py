"""A district with synced data: two studio PCs carry the hand-counted case set of
tests/services/statistics_cases.py (March 2026) to a real server process, and a
district account exists.  One server per module (module-scoped), so the browser
tests share it."""

from __future__ import annotations

import contextlib
import io
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import text

from mediator.domain.statistics import Period
from mediator.server import cli as server_cli
from mediator.services.statistics import Report, StatisticsService
from mediator.store import outbox
from mediator.sync.schema import SPECS
from tests.services.statistics_cases import build
from tests.sync.conftest import COMMITTEE_A, COMMITTEE_B, PG_URL, _pg_fresh
from tests.sync.harness import Pc, ServerProcess

MARCH = Period.month(2026, 3)
ACCOUNT, PASSWORD = "南海区司法局", "correct horse 9"


@dataclass
class District:
    server: ServerProcess
    pcs: dict[str, Pc]  # studio name -> its PC
    desktop: dict[str, Report]  # studio name -> the PC's own March report


def admin(srv: ServerProcess, *args: str, stdin: str | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    old = None
    if stdin is not None:
        old, sys.stdin = sys.stdin, io.StringIO(stdin)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = server_cli.main([*srv.base_args(), *args])
    finally:
        if old is not None:
            sys.stdin = old
    return code, out.getvalue(), err.getvalue()


def push_everything(pc: Pc) -> None:
    """The case set writes some rows as a service would without its outbox entry;
    list every synced row so the first sync carries the whole studio."""
    with pc.ws.db.write() as s:
        for entity in SPECS:
            for (row_id,) in s.execute(text(f'SELECT id FROM "{entity}"')):
                outbox.enqueue(s, entity, row_id)


def seed(srv: ServerProcess, root: Path) -> District:
    pcs: dict[str, Pc] = {}
    desktop: dict[str, Report] = {}
    for name, committee, prefix in (("a", COMMITTEE_A, "桂城"), ("b", COMMITTEE_B, "大沥")):
        pc = Pc(root / name, committee, prefix, "陈调解")
        build(pc.ws)
        push_everything(pc)
        pc.enrol(srv.url, srv.new_studio(committee, prefix))
        report = pc.run_sync()
        assert (report.pending, report.conflicts) == (0, 0)
        pcs[committee] = pc
        desktop[committee] = StatisticsService(pc.ws.db, pc.ws.studio.context,
                                               pc.ws.catalogue.label).report(MARCH)
    code, _out, err = admin(srv, "admin", "add", ACCOUNT, "--password-stdin",
                            stdin=PASSWORD + "\n")
    assert code == 0, err
    return District(srv, pcs, desktop)


def _district(root: Path, db_url: str | None) -> Iterator[District]:
    srv = ServerProcess(root / "server", db_url=db_url)
    srv.root.mkdir(parents=True)
    srv.start()
    district = seed(srv, root)
    try:
        yield district
    finally:
        srv.stop()
        for pc in district.pcs.values():
            pc.close()


@pytest.fixture(scope="module")
def district(tmp_path_factory: pytest.TempPathFactory) -> Iterator[District]:
    yield from _district(tmp_path_factory.mktemp("district"), None)


@pytest.fixture(scope="module")
def pg_district(tmp_path_factory: pytest.TempPathFactory) -> Iterator[District]:
    if not PG_URL:
        pytest.skip("MEDIATOR_TEST_PG_URL not set")
    yield from _district(tmp_path_factory.mktemp("pg-district"), _pg_fresh(PG_URL))
