"""The district server is the authority for case-number uniqueness within a studio:
a pushed case whose number another case of the studio holds is refused with
"case_no_taken" (the rest of the batch is applied, a replay answers the same),
the number counter never leases a number a pushed case carries, and two PCs
pushing one number at once cannot both win it (several server processes, on
PostgreSQL too when MEDIATOR_TEST_PG_URL is set)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from mediator.domain.case_number import format_case_number
from mediator.domain.ids import new_id
from tests.sync.conftest import COMMITTEE_A, COMMITTEE_B, PG_URL, _pg_fresh
from tests.sync.harness import Pc, ServerProcess, api

YEAR = 2026


def _api(server: ServerProcess, token: str, method: str, path: str, **kw: Any) -> Any:
    r = api(server, method, path, token, **kw)
    assert r.status_code == 200, r.text
    return r.json()


def _case(seq: int, case_id: str | None = None, prefix: str = "桂城") -> dict[str, Any]:
    return {"entity": "case", "id": case_id or new_id(), "base_version": 0, "data": {
        "case_no": format_case_number(YEAR, prefix, seq), "year": YEAR, "seq": seq,
        "status": "registered", "dispute_type": "neighbour", "source": "party_application",
        "registered_on": f"{YEAR}-03-01", "summary": "服务器判重"}}


def _push(server: ServerProcess, token: str, changes: list[dict[str, Any]],
          batch_id: str | None = None) -> dict[str, Any]:
    body = {"batch_id": batch_id or new_id(), "changes": changes}
    return _api(server, token, "POST", "/push", json=body)  # type: ignore[no-any-return]


def _enrolled(server: ServerProcess, make_pc: Callable[..., Pc], *names: str) -> list[str]:
    code = server.new_studio(COMMITTEE_A, "桂城")
    tokens = []
    for i, name in enumerate(names):
        pc = make_pc(name)
        pc.enrol(server.url, code if i == 0 else server.code(COMMITTEE_A))
        tokens.append(pc.access_token())
    return tokens


def test_a_taken_number_is_refused_the_rest_applied_and_a_replay_answers_the_same(
        server: ServerProcess, make_pc: Callable[..., Pc]) -> None:
    t1, t2 = _enrolled(server, make_pc, "a1", "a2")
    first = _push(server, t1, [_case(3)])
    assert first["results"][0]["outcome"] == "applied"

    party = {"entity": "party", "id": new_id(), "base_version": 0, "data": {"name": "王某"}}
    clash, twin, other = _case(3), _case(4), _case(4)
    batch = [clash, party, twin, other]  # 第3号 held by a1's case; 第4号 twice in one batch
    batch_id = new_id()
    result = _push(server, t2, batch, batch_id)
    outcomes = {r["id"]: r["outcome"] for r in result["results"]}
    assert outcomes == {clash["id"]: "case_no_taken", party["id"]: "applied",
                        twin["id"]: "applied", other["id"]: "case_no_taken"}
    assert not result["replayed"]
    again = _push(server, t2, batch, batch_id)
    assert again["replayed"] and again["results"] == result["results"]

    # The holder itself may change (same number), and it stays the holder.
    edit = _case(3, first["results"][0]["id"])
    edit["base_version"] = first["results"][0]["version"]
    edit["data"]["summary"] = "改过"
    assert _push(server, t1, [edit])["results"][0]["outcome"] == "applied"
    # The refused case with a new number goes through.
    clash["data"].update(case_no=format_case_number(YEAR, "桂城", 5), seq=5)
    assert _push(server, t2, [clash])["results"][0]["outcome"] == "applied"
    pulled = _api(server, t2, "GET", "/pull", params={"cursor": 0, "all": "true"})
    numbers = [r["data"]["case_no"] for r in pulled["rows"] if r["entity"] == "case"]
    assert sorted(numbers) == sorted({*numbers}) and len(numbers) == 3


def test_another_studio_may_use_the_same_number(
        server: ServerProcess, make_pc: Callable[..., Pc]) -> None:
    (ta,) = _enrolled(server, make_pc, "a1")
    b = make_pc("b1", committee=COMMITTEE_B, prefix="桂城")
    b.enrol(server.url, server.new_studio(COMMITTEE_B, "桂城"))
    assert _push(server, ta, [_case(1)])["results"][0]["outcome"] == "applied"
    assert _push(server, b.access_token(), [_case(1)])["results"][0]["outcome"] == "applied"


def test_the_lease_never_hands_out_a_pushed_number(
        server: ServerProcess, make_pc: Callable[..., Pc]) -> None:
    t1, t2 = _enrolled(server, make_pc, "a1", "a2")
    # a1 numbered 1..50 on its own before enrolment and pushes them now.
    applied = _push(server, t1, [_case(n) for n in range(1, 51)])["results"]
    assert {r["outcome"] for r in applied} == {"applied"}
    lease = _api(server, t2, "POST", "/lease",
                 json={"prefix": "桂城", "year": YEAR, "count": 100, "used_max": 0})
    assert lease["first"] == 51 and lease["last"] == 150
    # A number pushed beyond the counter moves it too.
    _push(server, t1, [_case(400)])
    nxt = _api(server, t2, "POST", "/lease",
               json={"prefix": "桂城", "year": YEAR, "count": 10, "used_max": 0})
    assert nxt["first"] == 401


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def two_process_server(request: pytest.FixtureRequest, tmp_path: Path
                       ) -> Iterator[ServerProcess]:
    """Two server processes on one database (PostgreSQL: the production shape)."""
    db_url = None
    if request.param == "postgres":
        if not PG_URL:
            pytest.skip("MEDIATOR_TEST_PG_URL not set")
        db_url = _pg_fresh(PG_URL)
    srv = ServerProcess(tmp_path / "server", db_url=db_url, workers=2)
    srv.root.mkdir()
    srv.start()
    yield srv
    srv.stop()


def test_two_pcs_pushing_one_number_at_once_cannot_both_win_it(
        two_process_server: ServerProcess, make_pc: Callable[..., Pc]) -> None:
    server = two_process_server
    tokens = _enrolled(server, make_pc, "a1", "a2")
    rounds = 12
    jobs = [(tokens[pc], [_case(n)]) for n in range(1, rounds + 1) for pc in (0, 1)]
    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(lambda job: _push(server, *job), jobs))
    by_number: dict[str, list[str]] = {}
    for (_, changes), answer in zip(jobs, answers, strict=True):
        by_number.setdefault(changes[0]["data"]["case_no"], []).append(
            answer["results"][0]["outcome"])
    for number, outcomes in by_number.items():
        assert sorted(outcomes) == ["applied", "case_no_taken"], number
    pulled = _api(server, tokens[0], "GET", "/pull", params={"cursor": 0, "all": "true"})
    numbers = [r["data"]["case_no"] for r in pulled["rows"]]
    assert len(numbers) == len(set(numbers)) == rounds


def test_upgrading_a_server_with_duplicate_numbers_renumbers_the_later_case(
        tmp_path: Path) -> None:
    """Before this check existed the server stored both cases of a clash (and the
    PCs' pulls failed on them): the migration keeps the first to arrive and gives the
    other a new number as a new feed version, which every PC then pulls."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import text

    from mediator.server.db import MIGRATIONS_DIR, ServerDB, make_engine

    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    engine = make_engine(url)
    with engine.begin() as conn:  # the server as it was before this revision
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    studio = new_id()
    first, later, other = new_id(), new_id(), new_id()
    rows = [(first, 1, _case(2)), (later, 2, _case(2)), (other, 3, _case(7))]
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO studio (id, name, case_prefix, feed_seq, digest, "
                          "row_count, created_at) VALUES (:id, '甲', '桂城', 3, :d, 3, "
                          "'2026-01-01')"), {"id": studio, "d": "0" * 64})
        for row_id, seq, change in rows:
            conn.execute(text("INSERT INTO \"row\" (studio_id, id, entity, version, seq, "
                              "deleted, data, device_id) VALUES (:s, :id, 'case', :v, :v, "
                              "0, :data, 'pc')"), {"s": studio, "id": row_id, "v": seq,
                                                   "data": json.dumps(change["data"])})
    engine.dispose()

    db = ServerDB(url)  # migrates to the head
    try:
        with db.read() as s:
            data = {r.id: (r.version, r.device_id, r.data) for r in s.execute(text(
                "SELECT id, version, device_id, data FROM \"row\""))}
            held = dict(s.execute(text("SELECT case_no, case_id FROM case_number")).all())
            feed_seq = s.execute(text("SELECT feed_seq FROM studio")).scalar_one()
            counter = s.execute(text("SELECT next_free FROM number_counter")).scalar_one()
            audit = [json.loads(a) for a in s.execute(text(
                "SELECT data FROM audit_copy")).scalars()]
    finally:
        db.dispose()
    later_data = json.loads(data[later][2])
    no2, no7, no8 = (format_case_number(YEAR, "桂城", n) for n in (2, 7, 8))
    assert json.loads(data[first][2])["case_no"] == no2 and data[first][0] == 1
    assert later_data["case_no"] == no8 and later_data["seq"] == 8
    assert later_data["former_case_no"] == no2
    assert data[later][:2] == (4, "district") and feed_seq == 4  # a new feed version
    assert held == {no2: first, no7: other, no8: later}
    assert counter == 9
    assert [(a["action"], a["detail"]["from"], a["detail"]["to"]) for a in audit] == [
        ("case.renumber", no2, no8)]
