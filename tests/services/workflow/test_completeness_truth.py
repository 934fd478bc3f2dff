"""The completeness check agrees with the dossier (issue 12, item 7): a case whose
written agreement is still the draft — signatures recorded by hand, but no signed
agreement or scan of it in the file — cannot be archived, and the check of such a
file says so instead of "卷宗材料符合当前阶段的要求"."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

import pytest
from sqlalchemy import func, select, update

from mediator.domain.status import CaseStatus
from mediator.errors import TransitionError
from mediator.services import demo
from mediator.services.workflow import Workflow
from mediator.services.workflow.dto import ArchiveInput
from mediator.services.workspace import Workspace
from mediator.store.models import Agreement, Attachment, Case, CaseParty, Party

from .walk import ARCHIVED
from .walk import walk as walk_to


def test_archiving_with_only_the_draft_agreement_is_refused(
        workspace: Workspace, wf: Workflow, leak: str) -> None:
    walk_to(workspace, wf, leak, CaseStatus.FOLLOWED_UP)
    with pytest.raises(TransitionError, match="草稿"):
        wf.archive.archive(leak, ArchiveInput("10y", False, ARCHIVED), today=ARCHIVED)
    report = wf.completeness.report(leak, ARCHIVED, for_archive=True)
    assert "agreement.draft" in report.codes() and not report.complete


def test_a_file_archived_with_a_draft_agreement_fails_the_check(
        workspace: Workspace, wf: Workflow, leak: str) -> None:
    walk_to(workspace, wf, leak, CaseStatus.ARCHIVED)
    assert wf.completeness.report(leak, ARCHIVED).complete
    # A file archived before this rule (or brought in by sync) whose agreement is a draft.
    with workspace.db.write() as s:
        s.execute(update(Agreement).where(Agreement.case_id == leak).values(status="draft"))
        assert s.execute(select(Case.status).where(Case.id == leak)).scalar_one() == "archived"
    report = wf.completeness.report(leak, ARCHIVED)
    assert not report.complete
    assert [f.code for f in report.errors] == ["agreement.draft"]


def test_demo_facts_name_each_party_in_its_role_and_archived_files_hold_the_signed_agreement(
        workspace: Workspace) -> None:
    today = dt.date(2026, 11, 1)
    demo.generate(workspace, 300, seed=5, today=today)
    with workspace.db.read() as s:
        rows = s.execute(
            select(Case.id, Case.dispute_type, Case.summary, Case.status, Case.registered_on,
                   CaseParty.role, Party.name, Party.kind, Party.sex, Party.birth_date)
            .join(CaseParty, CaseParty.case_id == Case.id)
            .join(Party, Party.id == CaseParty.party_id)).all()
        drafts_archived = s.execute(
            select(func.count()).select_from(Agreement).join(Case, Case.id == Agreement.case_id)
            .where(Case.status == "archived", Agreement.kind == "written",
                   Agreement.status != "final")).scalar_one()
    by_case: dict[str, dict[str, Any]] = {}
    for r in rows:
        by_case.setdefault(r.id, {"r": r})[r.role] = r
    kinds = Counter(c["r"].dispute_type for c in by_case.values())
    assert kinds["property_management"] and kinds["marriage_family"]
    for c in by_case.values():
        app, resp, summary = c["applicant"], c["respondent"], c["r"].summary
        if app.dispute_type == "property_management":
            assert app.kind == "organisation" and resp.kind == "person"
            assert f"申请人{app.name}（物业服务企业）" in summary
            assert f"业主{resp.name}" in summary
        elif app.dispute_type == "marriage_family":
            assert (app.registered_on - app.birth_date).days >= 70 * 365
            assert (resp.birth_date - app.birth_date).days >= 18 * 365
            child = "儿子" if resp.sex == "male" else "女儿"
            assert f"{child}{resp.name}" in summary
        elif "申请人" in summary:
            assert f"申请人{app.name}" in summary
    assert drafts_archived == 0
    with workspace.db.read() as s:
        finals = s.execute(select(Agreement.id, Agreement.case_id).where(
            Agreement.status == "final", Agreement.signed_blob.is_(None))).all()
        scans = {(a.case_id, a.filename[:8]) for a in s.execute(select(Attachment).where(
            Attachment.kind == "agreement_original")).scalars()}
    assert finals and all((cid, aid[:8]) in scans for aid, cid in finals)  # the scan is there
    archived = Workflow(workspace).completeness.survey(
        today, frozenset({CaseStatus.ARCHIVED}))
    assert archived and all(r.complete for r in archived.values())
