"""`mediator demo` data at every stage with its records; the completeness report over it;
the Today view; attachments stored content-addressed."""

from __future__ import annotations

import datetime as dt
import os
import time
from collections import Counter

import pytest
from sqlalchemy import func, select

from mediator.domain.status import CaseStatus
from mediator.errors import ValidationError
from mediator.services import demo
from mediator.services.attachments import MAX_BYTES, blob_path
from mediator.services.workflow import Workflow
from mediator.store.models import AuditEvent, Case, OutboxEntry
from mediator.store.workflow_models import AgreementDetail, CaseWorkflow

TODAY = dt.date(2026, 11, 1)
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(200))


@pytest.fixture
def demo_wf(workspace) -> Workflow:
    demo.generate(workspace, 400, seed=11, today=TODAY)
    return Workflow(workspace)


def test_demo_has_every_stage_and_every_file_is_complete_for_its_stage(workspace, demo_wf):
    with workspace.db.read() as s:
        statuses = Counter(s.execute(select(Case.status)).scalars())
        details = s.execute(select(func.count()).select_from(AgreementDetail)).scalar_one()
        flows = s.execute(select(func.count()).select_from(CaseWorkflow)).scalar_one()
    assert set(statuses) == {st.value for st in CaseStatus}
    assert flows == 400 and details > 0
    reports = demo_wf.completeness.survey(TODAY)
    faulty = {cid: [f.message for f in r.errors] for cid, r in reports.items() if r.errors}
    assert faulty == {}
    archived = demo_wf.completeness.survey(TODAY, frozenset({CaseStatus.ARCHIVED}))
    assert archived and all(r.complete for r in archived.values())


def test_demo_is_deterministic(tmp_path) -> None:
    from mediator.paths import DataDir
    from mediator.services.workspace import open_workspace

    def ids(name: str) -> list[tuple[str, str]]:
        ws = open_workspace(DataDir.resolve(tmp_path / name).ensure())
        ws.studio.setup("桂城街道人民调解委员会", "桂城", "陈调解")
        demo.generate(ws, 60, seed=5, today=TODAY)
        with ws.db.read() as s:
            out = list(s.execute(select(CaseWorkflow.id, CaseWorkflow.case_id)
                                 .order_by(CaseWorkflow.id)))
        ws.close()
        return [tuple(r) for r in out]

    assert ids("a") == ids("b")


def test_today_lists_only_open_cases_most_urgent_first(workspace, demo_wf) -> None:
    rows = demo_wf.deadlines.due(TODAY, horizon_days=30)
    assert rows
    with workspace.db.read() as s:
        status = {cid: st for cid, st in s.execute(select(Case.id, Case.status))}
    assert {status[r.case_id] for r in rows} <= {"registered", "notified", "investigating",
                                                 "mediating", "agreed", "performing",
                                                 "followed_up", "confirming"}
    assert [r.days_left for r in rows] == sorted(r.days_left for r in rows)
    assert all(r.case_no.startswith("（") and r.parties for r in rows)


def test_today_is_quick_over_a_few_thousand_cases(workspace) -> None:
    demo.generate(workspace, 3000, seed=3, today=TODAY)
    wf = Workflow(workspace)
    start = time.perf_counter()
    wf.deadlines.due(TODAY)
    assert time.perf_counter() - start < 3.0


def test_attachments_are_content_addressed_and_deduplicated(workspace, wf, leak, tmp_path):
    photo = tmp_path / "现场照片.png"
    photo.write_bytes(PNG)
    first = wf.attachments.add(leak, photo, "evidence")
    again = wf.attachments.add(leak, photo, "evidence")
    path = blob_path(workspace.data_dir, first.sha256)
    assert path.read_bytes() == PNG and first.sha256 == again.sha256
    assert len(list(workspace.data_dir.blobs.rglob("*"))) == 2  # one dir, one blob
    assert list(workspace.data_dir.tmp.iterdir()) == []
    assert [a.mime for a in wf.attachments.list(leak)] == ["image/png", "image/png"]
    with workspace.db.read() as s:
        detail = s.execute(select(AuditEvent.detail).where(
            AuditEvent.action == "attachment.add")).scalars().first()
        queued = s.execute(select(func.count()).select_from(OutboxEntry)
                           .where(OutboxEntry.entity == "attachment")).scalar_one()
    assert "现场照片" not in str(detail) and queued == 2
    assert wf.overview(leak).casefile.evidence_items == 2


def test_oversized_unknown_and_unreadable_files_are_refused(wf, leak, tmp_path) -> None:
    big = tmp_path / "big.jpg"
    with big.open("wb") as f:
        f.write(b"\xff\xd8\xff")
        f.truncate(MAX_BYTES + 1)
    with pytest.raises(ValidationError, match="文件太大"):
        wf.attachments.add(leak, big)
    text = tmp_path / "notes.txt"
    text.write_text("不是照片")
    with pytest.raises(ValidationError, match="只能添加照片"):
        wf.attachments.add(leak, text)
    with pytest.raises(ValidationError, match="无法读取"):
        wf.attachments.add(leak, tmp_path / "gone.jpg")
    # What a file picker can still return: a folder, a device, a pipe (never opened).
    (tmp_path / "photos.jpg").mkdir()
    os.mkfifo(tmp_path / "pipe.jpg")
    (tmp_path / "zero.jpg").symlink_to("/dev/zero")
    for name in ("photos.jpg", "pipe.jpg", "zero.jpg"):
        with pytest.raises(ValidationError, match="不是一个普通文件"):
            wf.attachments.add(leak, tmp_path / name)
    assert wf.attachments.list(leak) == []
