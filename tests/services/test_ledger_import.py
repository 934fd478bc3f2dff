"""Importing the two messy sample ledgers into a real database, row by row."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from mediator.domain.idcard import make_citizen_id
from mediator.domain.ledger import LedgerField
from mediator.services.dto import CaseFilter
from mediator.services.ledger_import import (
    import_ledger,
    ledger_case_ids,
    open_ledger,
    preview,
)
from mediator.services.workspace import Workspace
from mediator.store import audit
from mediator.store.models import OutboxEntry
from tests.services.helpers import water_leak

LEDGERS = Path(__file__).resolve().parent.parent / "fixtures" / "ledgers"
GUICHENG = LEDGERS / "guicheng-2025.xlsx"
PINGZHOU = LEDGERS / "pingzhou-2025.xlsx"
TODAY = dt.date(2026, 12, 7)
LOST = "身份证号码在台账里被存成了数字，Excel 只保留 15 位有效数字，后几位已经丢失"


def _cases(ws: Workspace) -> int:
    return ws.cases.count_all()


def _states(report: object) -> dict[int, str]:
    return {r.row: r.state for r in report.rows}  # type: ignore[attr-defined]


def test_the_street_ledger_row_by_row(workspace: Workspace) -> None:
    report = import_ledger(workspace, GUICHENG, partial=True, today=TODAY)
    assert report.sheet == "2025年台账"
    assert report.notes == ["已跳过隐藏的工作表“旧台账（备份）”",
                            "读取工作表“2025年台账”；未读取：“填表说明”"]
    assert _states(report) == {5: "ok", 6: "ok", 7: "ok", 8: "ok", 10: "ok", 11: "rejected",
                               12: "rejected", 13: "ok", 14: "ok", 15: "skipped",
                               17: "skipped"}
    assert report.problem_lines() == [
        "第 11 行：未导入：受理日期看不懂（可写成 2025-03-05、2025.3.5 或 2025年3月5日）",
        "第 12 行：未导入：当事人不足两方（至少需要一名申请人和一名被申请人）",
    ]
    assert [r.reasons for r in report.skipped] == [["合计行"], ["表尾说明"]]
    assert report.written and _cases(workspace) == 7
    rows = {r.row: r for r in report.rows}
    # The ledger's own numbers are kept; another committee's becomes the former number.
    assert rows[5].case is not None and rows[5].case.case_no == "（2025）桂城人调字第1号"
    assert rows[10].case is not None and rows[10].case.case_no == "（2025）桂城人调字第5号"
    moved = rows[13].case
    assert moved is not None and moved.case_no == "（2025）桂城人调字第6号"
    assert workspace.cases.get(moved.id).former_case_no == "（2024）平洲人调字第8号"
    # Dates in four shapes, parties split on 、，; and line breaks, a company with its
    # representative, the types and sources from everyday words.
    got = {n: rows[n].reg for n in (5, 6, 7, 8, 10)}
    assert [g.registered_on for g in got.values() if g] == [
        dt.date(2025, 1, 6), dt.date(2025, 2, 10), dt.date(2025, 3, 5), dt.date(2025, 3, 5),
        dt.date(2025, 3, 5)]
    eight = got[8]
    assert eight is not None
    assert [p.name for p in eight.parties] == ["吴刚", "郑红", "冯军", "桂城某某物业管理有限公司"]
    assert eight.parties[3].representative == "黄志强"
    six = got[6]
    assert six is not None and (six.source, six.referral_note) == ("police_referral", "派出所移交")
    assert [p.name for p in six.parties] == ["王芳", "赵磊", "钱进"]
    # IDs Excel rounded are flagged and left out; a typo'd one too; the legacy one upgraded.
    assert any(LOST in w for w in rows[7].warnings)
    assert any(LOST in w for w in rows[10].warnings)
    assert any("校验位不正确" in w for w in rows[13].warnings)
    detail = workspace.cases.get(rows[7].case.id)  # type: ignore[union-attr]
    assert [p.id_number for p in detail.parties] == [
        "", make_citizen_id("440605", dt.date(1978, 1, 30), 301)]
    legacy = workspace.cases.get(rows[14].case.id)  # type: ignore[union-attr]
    assert legacy.parties[0].id_number == "440605196203151233"
    # What the completeness report says the imported cases lack.
    assert rows[5].lacks == ["缺少申请人（第1位）的身份证明", "缺少被申请人（第1位）的身份证明"]
    assert report.lacks["缺少被申请人（第1位）的营业执照或登记证明"] == 1


def test_no_rounded_id_is_ever_stored(workspace: Workspace) -> None:
    import_ledger(workspace, GUICHENG, partial=True, today=TODAY)
    with sqlite3.connect(workspace.data_dir.database) as conn:
        ids = [r[0] for r in conn.execute("SELECT id_number FROM party WHERE id_number != ''")]
    assert ids and not any(i.endswith("000") for i in ids)


def test_the_studio_layout_row_by_row(workspace: Workspace) -> None:
    report = import_ledger(workspace, PINGZHOU, partial=True, today=TODAY)
    assert _states(report) == {4: "ok", 5: "ok", 6: "ok", 9: "skipped", 10: "ok",
                               11: "ok", 12: "rejected", 13: "rejected", 14: "skipped"}
    assert report.problem_lines() == [
        "第 12 行：未导入：受理日期不存在（月或日不对）",
        "第 13 行：未导入：案号与第 4 行重复",
    ]
    assert [r.reasons for r in report.skipped] == [["重复的表头"], ["合计行"]]
    rows = {r.row: r for r in report.rows}
    assert "当事人一栏未分申请人与被申请人：第一位按申请人、其余按被申请人导入" in rows[6].warnings
    assert [(p.role.value, p.name) for p in rows[5].reg.parties] == [  # type: ignore[union-attr]
        ("applicant", "黄大伟"), ("respondent", "李小红"), ("respondent", "李小明")]
    assert rows[5].reg.registered_on == dt.date(2025, 2, 14)  # type: ignore[union-attr]
    assert rows[6].reg.registered_on == dt.date(2025, 3, 3)  # type: ignore[union-attr]
    assert rows[10].reg.dispute_type == "labour"  # type: ignore[union-attr]
    # "5月6日" in a ledger titled （2025年）: that year, and said so.
    assert rows[11].reg.registered_on == dt.date(2025, 5, 6)  # type: ignore[union-attr]
    assert "受理日期没有写年份，按台账标题的2025年导入" in rows[11].warnings
    # The studio's own numbers are not the committee's: new numbers, the old ones kept.
    first = rows[4].case
    assert first is not None and first.case_no == "（2025）桂城人调字第1号"
    assert workspace.cases.get(first.id).former_case_no == "PZ-2025-001"
    ids = workspace.cases.ids(CaseFilter(text="PZ-2025-003"))
    assert len(ids) == 1  # found by the number on the old papers


def test_all_or_nothing_without_partial(workspace: Workspace) -> None:
    report = import_ledger(workspace, PINGZHOU, today=TODAY)
    assert not report.written and len(report.rejected) == 2 and len(report.imported) == 5
    assert _cases(workspace) == 0


def test_a_dry_run_numbers_and_checks_everything_and_writes_nothing(
        workspace: Workspace) -> None:
    report = import_ledger(workspace, PINGZHOU, partial=True, dry_run=True, today=TODAY)
    assert not report.written and _cases(workspace) == 0
    assert [r.case.case_no for r in report.imported if r.case] == [
        f"（2025）桂城人调字第{n}号" for n in range(1, 6)]
    assert report.lacks["缺少申请人（第1位）的身份证明"] == 5
    assert ledger_case_ids(workspace) == set()


def test_imported_cases_are_marked_and_a_second_import_is_refused(
        workspace: Workspace) -> None:
    first = import_ledger(workspace, GUICHENG, partial=True, today=TODAY)
    marked = ledger_case_ids(workspace)
    assert marked == {r.case.id for r in first.imported if r.case}
    with workspace.db.read() as s:  # one audit event per case, the chain intact
        assert audit.verify_chain(s) is None
        assert s.query(OutboxEntry).filter_by(entity="case").count() == 7
    by_hand = workspace.cases.register(water_leak())
    assert by_hand.id not in ledger_case_ids(workspace)
    again = import_ledger(workspace, GUICHENG, partial=True, today=TODAY)
    numbered = [r for r in again.rows if r.facts.case_no]
    assert numbered and all(r.state == "rejected" for r in numbered)
    assert "台账中的案号已在本机（这一行可能已经导入过）" in again.rows[0].reasons
    # The row without a number is known by its day, parties and facts.
    assert again.imported == [] and not again.written
    row14 = next(r for r in again.rows if r.row == 14)
    assert row14.reasons == ["与本机已有的案件 （2025）桂城人调字第7号 受理日期、当事人和"
                             "简要情况都相同（这一行可能已经导入过）"]
    assert _cases(workspace) == 8  # seven imported, one by hand


def test_a_case_registered_after_the_import_takes_the_next_free_number(
        workspace: Workspace) -> None:
    import_ledger(workspace, GUICHENG, partial=True, today=TODAY)
    ref = workspace.cases.register(water_leak(registered_on=dt.date(2025, 7, 1)))
    assert ref.case_no == "（2025）桂城人调字第8号"


def test_the_mapping_step_preview_and_an_override(workspace: Workspace) -> None:
    with open_ledger(PINGZHOU) as book:
        assert book.guess.mapping.get(LedgerField.SUMMARY) == 6
        rows = preview(workspace, book, limit=2, today=TODAY)
        assert [r.row for r in rows] == [4, 5]
        assert rows[0].reg is not None and rows[0].reg.summary == "离婚后子女探视安排争议。"
        mapping = book.guess.mapping
        mapping.set(LedgerField.SUMMARY, None)  # the person says: that column is not it
        rows = preview(workspace, book, mapping, limit=1, today=TODAY)
        assert "纠纷简要情况为空，请补录" in rows[0].warnings
    assert _cases(workspace) == 0


def test_a_mapping_without_dates_imports_nothing(workspace: Workspace) -> None:
    from mediator.services.ledger_source import LedgerFileError

    with open_ledger(GUICHENG) as book:
        mapping = book.guess.mapping
    mapping.set(LedgerField.REGISTERED_ON, None)
    with pytest.raises(LedgerFileError, match="受理日期"):
        import_ledger(workspace, GUICHENG, mapping=mapping, partial=True, today=TODAY)
    assert _cases(workspace) == 0


def test_the_fixture_script_writes_the_committed_ledgers(tmp_path: Path) -> None:
    """The committed files are what the script makes (cells, not bytes)."""
    import openpyxl

    from tests.fixtures.ledgers import make_ledgers

    for build, committed in ((make_ledgers.guicheng, GUICHENG), (make_ledgers.pingzhou, PINGZHOU)):
        fresh = tmp_path / committed.name
        build().save(fresh)
        a, b = openpyxl.load_workbook(fresh), openpyxl.load_workbook(committed)
        assert a.sheetnames == b.sheetnames
        for name in a.sheetnames:
            assert [list(r) for r in a[name].values] == [list(r) for r in b[name].values]


def test_imported_rows_are_what_registration_writes_and_sync_accepts(
        workspace: Workspace) -> None:
    """The bulk writer against the form's path: the same columns filled, every
    outbox entry a row the sync schema accepts."""
    from mediator.sync.rows import get_row, to_data
    from mediator.sync.schema import check

    by_hand = workspace.cases.register(water_leak(registered_on=dt.date(2025, 8, 1)))
    report = import_ledger(workspace, GUICHENG, partial=True, today=TODAY)
    assert report.written
    with workspace.db.read() as s:
        entries = [(e.entity, e.entity_id) for e in s.query(OutboxEntry)]
        for entity, entity_id in entries:
            row = get_row(s, entity, entity_id)
            assert row is not None, entity
            assert check(entity, to_data(entity, row)) is None
        imported = get_row(s, "case", report.imported[0].case.id)  # type: ignore[union-attr]
        hand = get_row(s, "case", by_hand.id)
        assert imported is not None and hand is not None
        assert to_data("case", imported).keys() == to_data("case", hand).keys()
        assert (imported.status, imported.version, imported.deleted, imported.legal_hold) == (
            hand.status, hand.version, hand.deleted, hand.legal_hold)
    assert {entity for entity, _ in entries} >= {"case", "party", "case_party"}
