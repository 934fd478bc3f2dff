"""Fixtures of the sync tests: a real district server process and studio PCs."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.sync.harness import Pc, ServerProcess

COMMITTEE_A = "佛山市南海区桂城街道人民调解委员会"
COMMITTEE_B = "佛山市南海区大沥镇人民调解委员会"
_PG_BASE_URL = os.environ.get("MEDIATOR_TEST_PG_URL", "")


def _worker_url(base: str) -> str:
    """Under pytest-xdist each worker has a database of its own (``mediator_test_gw0``…):
    two workers dropping one schema under each other's servers would fail at random."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if not base or not worker:
        return base
    from sqlalchemy.engine import make_url

    url = make_url(base)
    return url.set(database=f"{url.database}_{worker}").render_as_string(hide_password=False)


PG_URL = _worker_url(_PG_BASE_URL)


def _pg_create(url: str) -> None:
    """Create this worker's database from the base one when it is missing (the role
    may create databases: .ci/pg.sh)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = make_url(url).database
    engine = create_engine(_PG_BASE_URL, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            exists = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"),
                                  {"n": name}).first()
            if not exists:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        engine.dispose()


def _pg_fresh(url: str) -> str:
    """An empty schema-less database state: drop every server table (tests own the DB)."""
    from sqlalchemy import create_engine, text

    if url != _PG_BASE_URL:
        _pg_create(url)
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ServerProcess]:
    db_url = None
    if request.param == "postgres":
        if not PG_URL:
            pytest.skip("MEDIATOR_TEST_PG_URL not set")
        db_url = _pg_fresh(PG_URL)
    srv = ServerProcess(tmp_path / "server", db_url=db_url)
    srv.root.mkdir()
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture
def sqlite_server(tmp_path: Path) -> Iterator[ServerProcess]:
    srv = ServerProcess(tmp_path / "server")
    srv.root.mkdir()
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture
def make_pc(tmp_path: Path) -> Iterator[Callable[..., Pc]]:
    pcs: list[Pc] = []

    def make(name: str, committee: str = COMMITTEE_A, prefix: str = "桂城",
             mediator: str = "陈调解") -> Pc:
        pc = Pc(tmp_path / name, committee, prefix, mediator)
        pcs.append(pc)
        return pc

    yield make
    for pc in pcs:
        pc.close()
