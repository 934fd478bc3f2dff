"""District statistics over synced data (SQLite and PostgreSQL), the stats command's
workbook, district accounts, and the wall between studio tokens and the dashboard."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import httpx
import pytest
from openpyxl import load_workbook
from sqlalchemy import text

from mediator.domain.statistics import Period
from mediator.server import stats
from mediator.server.db import ServerDB
from mediator.sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION
from tests.server.dashboard.conftest import ACCOUNT, MARCH, PASSWORD, District, admin
from tests.services.helpers import water_leak
from tests.sync.conftest import COMMITTEE_A, COMMITTEE_B

FIGURES = ("accepted", "closed", "succeeded", "terminated", "success_rate", "amount")


def _report(d: District, period: Period = MARCH, studio: str | None = None
            ) -> stats.DistrictReport:
    db = ServerDB(d.server.db_url or f"sqlite:///{d.server.root / 'server.sqlite3'}")
    try:
        stats.refresh_facts(db)
        with db.read_conn() as conn:
            sid = stats.studios(conn)
            by_name = {v: k for k, v in sid.items()}
            return stats.district_report(conn, period, by_name[studio] if studio else None)
    finally:
        db.dispose()


def _check_against_desktop(d: District) -> None:
    r = _report(d)
    # Hand-counted (statistics_cases.py): per studio 4 accepted, 3 closed, 2 succeeded,
    # 1 terminated, 8,200 元; the district has two such studios.
    assert {k: r.totals[k] for k in FIGURES} == {
        "accepted": 8, "closed": 6, "succeeded": 4, "terminated": 2, "success_rate": 66.7,
        "amount": 1640000}
    for name, report in d.desktop.items():
        # The server counts each studio exactly as the studio's own PC does.
        assert {k: r.by_studio[name][k] for k in FIGURES} == \
            {k: report.totals[k] for k in FIGURES}
    assert sum(c["accepted"] or 0 for c in r.by_type.values()) == r.totals["accepted"]
    assert r.by_type["neighbour"]["accepted"] == 6  # c1, c5, c8 in each studio
    assert r.by_month == {"2026-03": r.totals}
    q1 = _report(d, Period.quarter(2026, 1))
    assert (q1.totals["accepted"], q1.by_month["2026-02"]["accepted"]) == (10, 2)  # + c3
    april = _report(d, Period.month(2026, 4))
    assert (april.totals["accepted"], april.totals["succeeded"]) == (2, 2)  # c6
    one = _report(d, studio=COMMITTEE_B)
    assert list(one.by_studio) == [COMMITTEE_B] and one.totals["accepted"] == 4


def test_district_figures_are_the_studios_own_figures_sqlite(district: District) -> None:
    _check_against_desktop(district)


@pytest.mark.postgres
def test_district_figures_are_the_studios_own_figures_postgres(pg_district: District) -> None:
    _check_against_desktop(pg_district)


def test_drill_down_lists_the_cases_behind_a_number_without_personal_data(
        district: District) -> None:
    db = ServerDB(f"sqlite:///{district.server.root / 'server.sqlite3'}")
    try:
        stats.refresh_facts(db)
        with db.read_conn() as conn:
            ids = {v: k for k, v in stats.studios(conn).items()}
            lines = stats.drill_down(conn, MARCH, "succeeded", studio_id=ids[COMMITTEE_A])
    finally:
        db.dispose()
    assert len(lines) == 2
    assert {ln.outcome for ln in lines} == {"succeeded"}
    assert {ln.closed_on for ln in lines} == {"2026-03-01", "2026-03-05"}
    assert all(ln.case_no.startswith("（2026）桂城") for ln in lines)
    text = repr(lines)
    for party in ("张", "李", "电话", "44"):  # water_leak's parties and their numbers
        assert party not in text or party in "".join(ln.case_no for ln in lines)


def test_stats_command_writes_a_workbook_with_number_cells(district: District,
                                                            tmp_path: Path) -> None:
    out = tmp_path / "十一月.xlsx"
    code, said, err = admin(district.server, "stats", "--period", "2026-03", "--out", str(out))
    assert code == 0, err
    assert "受理 8 件" in said
    wb = load_workbook(out)
    assert wb.sheetnames == ["汇总", "分工作室"]
    totals = wb["汇总"]
    assert totals["A6"].value == "合计"
    assert [totals.cell(6, c).value for c in range(2, 8)] == [8, 6, 4, 2, 66.7, 16400.0]
    per = wb["分工作室"]
    rows = {per.cell(r, 1).value: per.cell(r, 2).value for r in range(5, 7)}
    assert rows == {COMMITTEE_A: 4, COMMITTEE_B: 4}
    assert per.cell(5, 7).value == 8200 and per.cell(5, 7).number_format == "#,##0.00"
    # One studio only; a bad period, a folder, a missing studio: Chinese, no file.
    code, _said, err = admin(district.server, "stats", "--period", "2026-Q1", "--studio",
                             COMMITTEE_B, "--out", str(tmp_path / "b.xlsx"))
    assert code == 0, err
    assert load_workbook(tmp_path / "b.xlsx")["汇总"]["B6"].value == 5
    for args, words in ((["--period", "2026-13"], "无法识别的期间"),
                        (["--period", "2026-03", "--studio", "无此工作室"], "找不到这个工作室")):
        code, _said, err = admin(district.server, "stats", *args, "--out",
                                 str(tmp_path / "bad.xlsx"))
        assert code == 1 and words in err and "Traceback" not in err
    assert not (tmp_path / "bad.xlsx").exists()
    code, _said, err = admin(district.server, "stats", "--period", "2026", "--out",
                             str(tmp_path))
    assert code == 1 and ".xlsx" in err


def test_period_words() -> None:
    assert stats.parse_period("2026-11").label == "2026年11月"
    assert stats.parse_period("2026-Q4").start == dt.date(2026, 10, 1)
    assert stats.parse_period("2026").end == dt.date(2026, 12, 31)
    p = stats.parse_period("2026-11-01..2026-11-15")
    assert (p.start, p.end) == (dt.date(2026, 11, 1), dt.date(2026, 11, 15))
    for bad in ("", "2026-00", "2026-Q5", "2026-11-15..2026-11-01", "十一月"):
        with pytest.raises(stats.PeriodError, match="期间"):
            stats.parse_period(bad)


def test_district_accounts_are_managed_by_command(district: District) -> None:
    srv = district.server
    code, said, _err = admin(srv, "admin", "list")
    assert code == 0 and ACCOUNT in said
    assert PASSWORD not in said and "argon2" not in said
    code, _said, err = admin(srv, "admin", "add", ACCOUNT, "--password-stdin",
                             stdin="another pass\n")
    assert code == 1 and "已有同名" in err
    code, _said, err = admin(srv, "admin", "add", "短密码", "--password-stdin", stdin="123\n")
    assert code == 1 and "密码应为" in err
    code, _said, err = admin(srv, "admin", "add", "临时", "--password-stdin",
                             stdin="temporary pass\n")
    assert code == 0, err
    code, _said, err = admin(srv, "admin", "passwd", "临时", "--password-stdin",
                             stdin="changed pass 2\n")
    assert code == 0, err
    assert _login(srv.url, "临时", "temporary pass").status_code == 401
    assert _login(srv.url, "临时", "changed pass 2").status_code == 303
    code, _said, err = admin(srv, "admin", "remove", "临时")
    assert code == 0, err
    assert _login(srv.url, "临时", "changed pass 2").status_code == 401
    code, _said, err = admin(srv, "admin", "remove", "临时")
    assert code == 1 and "找不到" in err
    db = ServerDB(f"sqlite:///{srv.root / 'server.sqlite3'}")
    try:
        stats.refresh_facts(db)
        with db.read_conn() as conn:
            stored = conn.execute(text("SELECT password_hash FROM district_account")).scalars()
            assert all(h.startswith("$argon2id$") for h in stored)
    finally:
        db.dispose()


def _login(url: str, name: str, password: str, client: httpx.Client | None = None
           ) -> httpx.Response:
    c = client or httpx.Client()
    page = c.get(f"{url}/dashboard/login")
    token = page.text.split('name="csrf" value="')[1].split('"')[0]
    return c.post(f"{url}/dashboard/login", data={"csrf": token, "name": name,
                                                  "password": password})


def test_studio_tokens_and_district_sessions_do_not_cross(district: District) -> None:
    srv = district.server
    pc = district.pcs[COMMITTEE_A]
    token = pc.access_token()
    for path in ("/dashboard", "/dashboard/cases?period=2026-03&figure=accepted",
                 "/dashboard/export.xlsx?period=2026-03"):
        r = httpx.get(srv.url + path, headers={"Authorization": f"Bearer {token}"})
        assert r.status_code == 403 and "区级账号" in r.text
        r = httpx.get(srv.url + path)  # nobody: the login page
        assert r.status_code == 303 and r.headers["location"].startswith("/dashboard/login")
    with httpx.Client() as browser:
        r = _login(srv.url, ACCOUNT, PASSWORD, browser)
        assert r.status_code == 303
        cookie = r.headers["set-cookie"]
        assert "HttpOnly" in cookie and "SameSite=strict" in cookie.replace("Strict", "strict")
        assert browser.get(srv.url + "/dashboard").status_code == 200
        # The session is no bearer token for the sync API, as cookie or as header.
        secret = browser.cookies.get("mediator_dashboard")
        headers = {PROTOCOL_HEADER: str(PROTOCOL_VERSION)}
        assert browser.get(srv.url + "/api/v1/digest", headers=headers).status_code == 401
        r = httpx.get(srv.url + "/api/v1/digest",
                      headers={**headers, "Authorization": f"Bearer {secret}"})
        assert r.status_code == 401
        # A POST without the session's CSRF token changes nothing.
        r = browser.post(srv.url + "/dashboard/logout", data={"csrf": "forged"})
        assert r.status_code == 403
        assert browser.get(srv.url + "/dashboard").status_code == 200
        page = browser.get(srv.url + "/dashboard").text
        csrf = page.split('name="csrf" value="')[1].split('"')[0]
        assert browser.post(srv.url + "/dashboard/logout", data={"csrf": csrf}
                            ).status_code == 303
        assert httpx.get(srv.url + "/dashboard",
                         cookies={"mediator_dashboard": secret or ""}).status_code == 303


def test_the_dashboard_shows_a_new_sync_at_once(district: District) -> None:
    """Near the end of the module (it adds a case; the throttling test, which blocks
    this address, comes last).  The page keeps reports while no feed moved
    (stats.ReportCache); a sync moves one, and the next page counts the new case."""
    srv = district.server
    with httpx.Client() as browser:
        assert _login(srv.url, ACCOUNT, PASSWORD, browser).status_code == 303

        def accepted() -> str:
            page = browser.get(srv.url + "/dashboard?period=2026-03").text
            return page.split('id="totals"')[1].split('data-figure="accepted">')[1] \
                .split("</a>")[0].split(">")[-1]

        assert accepted() == accepted() == "8"
        pc = district.pcs[COMMITTEE_A]
        pc.ws.cases.register(water_leak(registered_on=dt.date(2026, 3, 20)))
        assert pc.run_sync().pending == 0
        assert accepted() == "9"


def test_wrong_passwords_are_refused_rate_limited_and_logged(district: District) -> None:
    srv = district.server
    with httpx.Client(headers={"X-Try": "1"}) as c:
        answers = [_login(srv.url, "区司法局二", f"guess {n}", c) for n in range(7)]
    assert [a.status_code for a in answers[:5]] == [401] * 5
    assert all("账号或密码不正确" in a.text for a in answers[:5])
    assert answers[5].status_code == 429 and "秒后再试" in answers[5].text
    assert answers[6].status_code == 429
    log = srv.log.read_text(encoding="utf-8", errors="replace")
    assert "dashboard login failed" in log
    assert "guess" not in log
