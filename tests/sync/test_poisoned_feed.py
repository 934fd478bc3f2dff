"""One bad row never stops a studio's sync (issue 12, item 1).

A studio's feed is poisoned every way the row schema allows a row to be wrong, both
through the real server's push (each bad change refused with its reason, the good
ones of the same batch applied) and by writing bad rows straight into the server's
database, as an older server could have stored them.  Every PC of the studio, old
and newly enrolled, keeps syncing: the bad rows set aside and listed, the good ones
applied, and the next sync quiet.  No SQL, parameter or traceback reaches the
server's output.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from mediator.domain.ids import new_id
from mediator.errors import SyncError
from mediator.store.models import Case, CaseParty, Party
from mediator.sync import aside
from mediator.sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION, digest_add
from tests.sync.conftest import COMMITTEE_A
from tests.sync.harness import Pc, ServerProcess, api

YEAR = dt.date.today().year


def _case_data(serial: int, **over: Any) -> dict[str, Any]:
    """A complete case row as the desktop pushes it."""
    data: dict[str, Any] = {
        "case_no": f"（{YEAR}）桂城人调字第{serial}号", "year": YEAR, "seq": serial,
        "status": "registered", "dispute_type": "neighbour", "source": "party_application",
        "summary": "楼上漏水", "requests": [], "registered_on": f"{YEAR}-03-01",
        "referral_note": "", "mediator_id": None,
        "created_at": f"{YEAR}-03-01T08:00:00+00:00",
        "updated_at": f"{YEAR}-03-01T08:00:00+00:00", "status_reason": "",
        "retention_class": "", "legal_hold": False, "former_case_no": ""}
    data.update(over)
    return data


NOWHERE = "00000000-0000-4000-8000-000000000000"


def _poison(base: int) -> list[tuple[str, str, str]]:
    """(label, entity, data as JSON text): every way a row can be wrong.  Text, so
    that NaN and a lone surrogate travel as a buggy writer would send them."""
    def case(**over: Any) -> str:
        return json.dumps(_case_data(base, **over), ensure_ascii=True)

    no_name = {"kind": "person", "name": "x"}
    return [
        ("empty", "case", "{}"),
        ("missing", "case", json.dumps({"case_no": f"（{YEAR}）桂城人调字第{base + 1}号"})),
        ("wrong_type", "case", case(year="二〇二六")),
        ("bool_for_int", "case", case(seq=True)),
        ("null_required", "case", case(status=None)),
        ("too_long", "case", case(case_no="号" * 61)),
        ("bad_date", "case", case(registered_on="三月一日")),
        ("nan", "case", case(summary=0).replace('"summary": 0', '"summary": NaN')),
        ("infinity", "agreement", json.dumps({"case_id": NOWHERE}).replace(
            "}", ', "amount_fen": Infinity}')),
        ("lone_surrogate", "party", json.dumps(no_name).replace('"x"', '"\\ud800"')),
        ("huge_int", "case", case(seq=1 << 70)),
        ("oversized", "case", case(summary="漏" * 300_000)),
        ("not_a_list", "case", case(requests="修复防水")),
        ("dangling", "case_party", json.dumps(
            {"case_id": NOWHERE, "party_id": NOWHERE, "role": "applicant"})),
    ]


def _push_raw(server: ServerProcess, token: str, changes: list[tuple[str, str, str]]
              ) -> dict[str, Any]:
    """A push whose body is spliced from JSON texts (NaN and lone surrogates included)."""
    parts = [f'{{"entity":"{entity}","id":"{cid}","base_version":0,"data":{data}}}'
             for cid, entity, data in changes]
    body = f'{{"batch_id":"{new_id()}","changes":[{",".join(parts)}]}}'.encode()
    resp = api(server, "POST", "/push", token, content=body,
               headers={"Content-Type": "application/json",
                        PROTOCOL_HEADER: str(PROTOCOL_VERSION)})
    assert resp.status_code == 200, resp.text[:300]
    return resp.json()  # type: ignore[no-any-return]


def _write_rows_into_server_db(server: ServerProcess, studio_name: str,
                               rows: list[tuple[str, str, str]]) -> None:
    """Bad rows stored as an older, trusting server stored them (digest kept right)."""
    server.stop()
    con = sqlite3.connect(server.root / "server.sqlite3")
    with con:
        studio_id, seq, digest, count = con.execute(
            "SELECT id, feed_seq, digest, row_count FROM studio WHERE name = ?",
            (studio_name,)).fetchone()
        for row_id, entity, data in rows:
            seq += 1
            count += 1
            digest = digest_add(digest, entity, row_id, seq)
            con.execute("INSERT INTO row (studio_id, id, entity, version, seq, deleted, data,"
                        " device_id) VALUES (?, ?, ?, ?, ?, 0, ?, '')",
                        (studio_id, row_id, entity, seq, seq, data))
        con.execute("UPDATE studio SET feed_seq = ?, digest = ?, row_count = ? WHERE id = ?",
                    (seq, digest, count, studio_id))
    con.close()
    server.start()


def _set_aside(pc: Pc) -> dict[str, aside.SetAside]:
    with pc.ws.db.read() as s:
        return {a.id: a for a in aside.all_rows(s)}


@pytest.mark.parametrize("page_size", [None, 3])
def test_a_poisoned_feed_never_stops_a_studios_sync(
        sqlite_server: ServerProcess, make_pc: Callable[..., Pc],
        monkeypatch: pytest.MonkeyPatch, page_size: int | None) -> None:
    """With pages of 3 rows too: a row's reference then often points at a later
    page, which must not be taken for a dangling one."""
    if page_size is not None:
        monkeypatch.setenv("MEDIATOR_SYNC_PAGE_SIZE", str(page_size))
    server = sqlite_server
    code = server.new_studio(COMMITTEE_A, "桂城")
    a1, a2 = make_pc("a1"), make_pc("a2", mediator="李调解")
    a1.enrol(server.url, code)
    a2.enrol(server.url, server.code(COMMITTEE_A))
    rogue = make_pc("rogue", mediator="赵某")  # a device of the studio gone wrong
    rogue.enrol(server.url, server.code(COMMITTEE_A))
    before = a1.register("甲电脑的案件")
    a1.run_sync()
    a2.run_sync()

    # 1. Through the real server: each bad change refused with its reason, the good
    # ones of the same batch applied.
    pushed = [(new_id(), entity, data) for _label, entity, data in _poison(900)]
    good_case, good_party = new_id(), new_id()
    batch = [*pushed[:5], (good_case, "case", json.dumps(_case_data(800))), *pushed[5:],
             (good_party, "party", json.dumps({"name": "王某"}))]
    result = _push_raw(server, rogue.access_token(), batch)
    outcomes = {r["id"]: r for r in result["results"]}
    assert outcomes[good_case]["outcome"] == "applied"
    assert outcomes[good_party]["outcome"] == "applied"
    for (cid, _entity, _data), (label, _e, _d) in zip(pushed, _poison(900), strict=True):
        assert outcomes[cid]["outcome"] == "rejected", label
        assert outcomes[cid]["reason"], label  # a code and a Chinese reason
        assert "漏漏" not in outcomes[cid]["reason"]  # names the field, not its value

    # 2. Straight into the server's database, as an older server stored them; a case
    # part refers to a case that is itself bad, another to one that never existed.
    stored = [(new_id(), entity, data) for _label, entity, data in _poison(700)]
    bad_case = stored[0][0]
    held_no = a1.cases()[before.id].case_no
    taken = json.dumps(_case_data(0, case_no=held_no))  # the number another case holds
    stored += [(new_id(), "case_party", json.dumps(
        {"case_id": bad_case, "party_id": good_party, "role": "applicant"})),
               (new_id(), "case", taken),
               (new_id(), "case", "[]"), (new_id(), "party", '"王某"')]  # not even objects
    _write_rows_into_server_db(server, COMMITTEE_A, stored)
    # Good rows land after the bad ones in the feed.
    later = a2.register("乙电脑在坏数据之后登记的案件")
    a2.run_sync()

    a3 = make_pc("a3", mediator="黄调解")  # a PC enrolled after the poisoning
    a3.enrol(server.url, server.code(COMMITTEE_A))

    bad_ids = {cid for cid, _e, _d in stored}
    for pc in (a1, a2, a3, a1, a2, a3):
        report = pc.run_sync()  # never raises
        assert report.digest_ok is True
        cases = pc.cases()
        print(pc.data.root.name, report)
        assert {before.id, later.id, good_case} <= set(cases)
        assert not bad_ids & set(cases)
        held = _set_aside(pc)
        assert bad_ids <= set(held), bad_ids - set(held)
        assert all(held[i].kind == "pulled" and held[i].reason for i in bad_ids)
        with pc.ws.db.read() as s:
            assert s.execute(select(Party.id).where(Party.id == good_party)).first()
            assert s.execute(select(Case.id).where(Case.id.in_(bad_ids))).first() is None
    again = a3.run_sync()
    assert again.set_aside == 0 and again.digest_ok is True  # quiet: nothing new

    # Put right at the district (a valid version of the empty case): every PC takes
    # it and it leaves the set-aside list.
    fixed = _push_raw(server, rogue.access_token(), [(bad_case, "case", json.dumps(
        _case_data(777)))])["results"][0]
    assert fixed["outcome"] == "conflict"  # the rogue never saw that version ...
    version = _set_aside(a1)[bad_case].version
    body = (f'{{"batch_id":"{new_id()}","changes":[{{"entity":"case","id":"{bad_case}",'
            f'"base_version":{version},"data":{json.dumps(_case_data(777))}}}]}}')
    resp = api(server, "POST", "/push", rogue.access_token(), content=body.encode(),
               headers={"Content-Type": "application/json"})
    assert resp.json()["results"][0]["outcome"] == "applied"  # ... now it has
    for pc in (a1, a2, a3):
        report = pc.run_sync()
        assert report.digest_ok is True and report.repaired is False
        assert bad_case in pc.cases() and bad_case not in _set_aside(pc)

    # The district's figures are still made over a feed that holds malformed rows.
    figures = server.root / "district.xlsx"
    server.admin("stats", "--period", dt.date.today().strftime("%Y-%m"), "--out", str(figures))
    assert figures.stat().st_size > 0

    # Reported to the server (its log), without a traceback or SQL anywhere.
    log = server.log.read_text(errors="replace")
    assert "set aside" in log
    for leak in ("Traceback", "INSERT INTO", "[SQL:", "[parameters:", "漏漏"):
        assert leak not in log


def test_a_local_row_the_schema_refuses_is_kept_and_not_sent(
        sqlite_server: ServerProcess, make_pc: Callable[..., Pc]) -> None:
    """A local bug must not reach the district: the row stays here, listed, unsent;
    the rest goes; once the row is put right it goes too."""
    server = sqlite_server
    a1 = make_pc("a1")
    a1.enrol(server.url, server.new_studio(COMMITTEE_A, "桂城"))
    a1.run_sync()
    bad, good = a1.register("将被写坏的案件"), a1.register("好的案件")
    with a1.ws.db.write() as s:
        case = s.execute(select(Case).where(Case.id == bad.id)).scalar_one()
        case.dispute_type = "类" * 41  # longer than the schema allows
    report = a1.run_sync()
    with a1.ws.db.read() as s:
        its_parts = set(s.execute(select(CaseParty.id).where(
            CaseParty.case_id == bad.id)).scalars())
    # Its parts wait for it (the server refuses a reference to a case it lacks).
    assert set(report.deferred) == its_parts and report.pending == len(its_parts)
    held = _set_aside(a1)
    assert held[bad.id].kind == "local" and held[bad.id].reason.startswith("too_long")
    page = api(server, "GET", "/pull", a1.access_token(), params={"all": "true"}).json()
    on_server = {r["id"] for r in page["rows"]}
    assert good.id in on_server and bad.id not in on_server

    a1.edit_case(bad.id, "改好了")
    with a1.ws.db.write() as s:
        case = s.execute(select(Case).where(Case.id == bad.id)).scalar_one()
        case.dispute_type = "neighbour"
    assert a1.run_sync().pending == 0
    assert bad.id not in _set_aside(a1)
    page = api(server, "GET", "/pull", a1.access_token(), params={"all": "true"}).json()
    assert bad.id in {r["id"] for r in page["rows"]}


def test_a_database_error_on_the_server_prints_no_sql_parameters_or_traceback(
        sqlite_server: ServerProcess, make_pc: Callable[..., Pc]) -> None:
    """The server's database refuses a push (here a trigger stands in for any
    database failure): the PC gets a Chinese message, and neither the PC's error
    nor the server's output holds a traceback, the statement or its parameters (the
    case's text, personal data)."""
    server = sqlite_server
    a1 = make_pc("a1")
    a1.enrol(server.url, server.new_studio(COMMITTEE_A, "桂城"))
    a1.run_sync()
    server.stop()
    con = sqlite3.connect(server.root / "server.sqlite3")
    with con:
        con.execute("CREATE TRIGGER boom BEFORE INSERT ON row "
                    "BEGIN SELECT RAISE(ABORT, 'refused'); END")
    con.close()
    server.start()
    a1.register("欧阳珺家楼上漏水")
    with pytest.raises(SyncError) as caught:
        a1.run_sync()
    assert caught.value.message and "INSERT" not in caught.value.message
    assert "欧阳珺" not in caught.value.message
    log = server.log.read_text(errors="replace")
    assert "unhandled IntegrityError" in log
    for leak in ("Traceback", "INSERT", "[SQL:", "[parameters:", "欧阳珺"):
        assert leak not in log


def test_a_change_the_server_refuses_stays_on_the_pc_as_it_is(
        sqlite_server: ServerProcess, make_pc: Callable[..., Pc]) -> None:
    """A case whose mediator exists nowhere (a damaged local database) is refused by
    the server with its reason; the PC keeps its own copy, edit included, lists it,
    and the next sync runs clean."""
    server = sqlite_server
    a1 = make_pc("a1")
    a1.enrol(server.url, server.new_studio(COMMITTEE_A, "桂城"))
    ref = a1.register("调解员记录丢失的案件")
    a1.run_sync()
    a1.edit_case(ref.id, "改过的摘要")
    con = sqlite3.connect(a1.data.database)
    with con:  # as a damaged file could hold it: foreign keys off for this edit
        con.execute("PRAGMA foreign_keys=OFF")
        con.execute("UPDATE \"case\" SET mediator_id = ? WHERE id = ?", (NOWHERE, ref.id))
    con.close()
    report = a1.run_sync()
    assert report.set_aside == 1 and report.pending == 0
    held = _set_aside(a1)[ref.id]
    assert held.kind == "local" and held.reason.startswith("reference:mediator_id")
    assert a1.cases()[ref.id].summary == "改过的摘要"  # not replaced by the server's copy
    again = a1.run_sync()
    assert again.set_aside == 0 and again.pending == 0
