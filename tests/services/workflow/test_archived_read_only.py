"""An archived case (已归档) is read-only: the core refuses every change with a typed
error in Chinese (CaseArchivedError), whatever the entry point; a legal hold stays
settable, since that is what an archive is for."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from mediator.domain.status import CaseStatus
from mediator.errors import CaseArchivedError
from mediator.services.documents.finalise import AgreementSigning
from mediator.services.workflow.dto import AcceptanceInput, TerminationInput
from mediator.store.models import AuditEvent

from .walk import ARCHIVED, principals, walk


@pytest.fixture
def archived(workspace, wf, leak) -> str:
    walk(workspace, wf, leak, CaseStatus.ARCHIVED)
    assert wf.overview(leak, ARCHIVED).status is CaseStatus.ARCHIVED
    return leak


def _events(workspace) -> int:
    with workspace.db.read() as s:
        return int(s.execute(select(func.count()).select_from(AuditEvent)).scalar_one())


def test_every_kind_of_change_to_an_archived_case_is_refused_in_chinese(
        workspace, wf, archived, tmp_path: Path) -> None:
    a, _b = principals(wf, archived)
    before = _events(workspace)
    scan = tmp_path / "photo.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 64)
    agreement = wf.overview(archived, ARCHIVED).agreement
    assert agreement is not None
    attempts = [
        lambda: wf.acceptance.save_acceptance(archived, AcceptanceInput(True, {a: True})),
        lambda: wf.outcome.terminate(archived, TerminationInput(ARCHIVED, "重开", ("诉讼",)),
                                     today=ARCHIVED),
        lambda: wf.attachments.add(archived, scan),
        lambda: AgreementSigning(workspace).create_addendum(agreement.id, facts="补充",
                                                            terms=["另行赔偿100元"]),
    ]
    for attempt in attempts:
        with pytest.raises(CaseArchivedError) as err:
            attempt()
        assert err.value.message == "本案已归档，卷宗只能查看，不能再修改。"
    assert _events(workspace) == before  # nothing written, not even an audit line
    assert wf.overview(archived, ARCHIVED).status is CaseStatus.ARCHIVED


def test_a_legal_hold_can_still_be_set_on_an_archived_case(workspace, wf, archived) -> None:
    wf.archive.set_legal_hold(archived, True)
    assert wf.overview(archived, ARCHIVED).status is CaseStatus.ARCHIVED
