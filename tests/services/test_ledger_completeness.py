"""What the completeness report says of a case imported from an Excel ledger."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mediator.domain.casefile import CaseFile, LedgerOrigin, PartyRecord
from mediator.domain.completeness import check_case
from mediator.domain.ledger import NO_SUMMARY
from mediator.domain.status import CaseStatus, PartyRole
from mediator.services.ledger_import import ACTION, import_ledger
from mediator.services.workflow.completeness import CompletenessService
from mediator.services.workflow.snapshot import LEDGER_ACTION
from mediator.services.workspace import Workspace
from tests.services.helpers import water_leak
from tests.services.ledger_files import simple_ledger

LEDGERS = Path(__file__).resolve().parent.parent / "fixtures" / "ledgers"
TODAY = dt.date(2026, 12, 7)
SUCCEEDED = "台账记载调解成功，卷宗中尚无调解协议：请补录调解记录和协议"
FAILED = "台账记载调解不成，卷宗中尚无终止调解的记录：请补录"
NO_SUMMARY_GAP = "台账中没有纠纷简要情况，请补录纠纷简要情况"


def _file(origin: LedgerOrigin | None) -> CaseFile:
    return CaseFile(CaseStatus.REGISTERED, "party_application", "neighbour",
                    dt.date(2025, 3, 5),
                    (PartyRecord("a", PartyRole.APPLICANT, 1, identity_proof=True),
                     PartyRecord("b", PartyRole.RESPONDENT, 1, identity_proof=True)),
                    ledger=origin)


def _ledger(report: object) -> list[tuple[str, str, str]]:
    return [(f.code, f.severity.value, f.message) for f in report.findings  # type: ignore[attr-defined]
            if f.code.startswith("ledger.")]


def test_the_rules_name_what_the_ledger_said_and_the_file_lacks() -> None:
    assert _ledger(check_case(_file(None), TODAY)) == []
    report = check_case(_file(LedgerOrigin(5, "succeeded", dt.date(2025, 4, 1))), TODAY)
    # A note, not a gap: the outcome comes with the records.
    assert _ledger(report) == [("ledger.agreement", "warning", SUCCEEDED)]
    report = check_case(_file(LedgerOrigin(6, "failed", summary_missing=True)), TODAY)
    assert _ledger(report) == [("ledger.summary", "error", NO_SUMMARY_GAP),
                               ("ledger.termination", "warning", FAILED)]


def test_an_imported_case_s_report_says_what_it_lacks(workspace: Workspace) -> None:
    assert ACTION == LEDGER_ACTION
    report = import_ledger(workspace, LEDGERS / "pingzhou-2025.xlsx", partial=True, today=TODAY)
    rows = {r.row: r for r in report.imported}
    service = CompletenessService(workspace.db)
    succeeded = rows[4].case  # 调解成功 in the ledger
    assert succeeded is not None
    messages = [f.message for f in service.report(succeeded.id, TODAY).findings]
    assert SUCCEEDED in messages
    assert "缺少申请人（第1位）的身份证明" in messages
    failed = rows[10].case  # 调解不成 in the ledger
    assert failed is not None
    assert FAILED in [f.message for f in service.report(failed.id, TODAY).findings]
    # A case registered by hand says nothing of a ledger.
    by_hand = workspace.cases.register(water_leak())
    assert not [f for f in service.report(by_hand.id, TODAY).findings
                if f.code.startswith("ledger.")]


def test_a_row_without_a_summary_is_imported_and_the_gap_reported(
        workspace: Workspace, tmp_path: Path) -> None:
    path = simple_ledger(tmp_path / "台账.xlsx", [
        ["2025-03-05", "王某某", "李某某", "邻里纠纷", ""],
        ["2025-03-06", "赵某某", "钱某某", "邻里纠纷", "楼上漏水。"],
    ])
    report = import_ledger(workspace, path, today=TODAY)
    assert report.written
    first, second = report.imported
    assert NO_SUMMARY_GAP in first.lacks  # the import's own report says it too
    assert NO_SUMMARY_GAP not in second.lacks
    assert first.case is not None
    assert workspace.cases.get(first.case.id).summary == NO_SUMMARY
    assert report.lacks[NO_SUMMARY_GAP] == 1
