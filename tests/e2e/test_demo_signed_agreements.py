"""`mediator demo` makes finalised, digitally signed agreements a user can export and
verify — real processes, judged by poppler's pdfsig and pdftotext."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select

from mediator.paths import DataDir
from mediator.services import demo
from mediator.services.documents.demo import demo_signed_count, sign_demo_agreements
from mediator.services.workflow import Workflow
from mediator.services.workspace import Workspace, open_workspace
from mediator.store.models import Agreement, AuditEvent, Case
from mediator.store.workflow_models import AgreementDetail
from tests.documents.poppler import pdfsig, pdftotext

pytestmark = pytest.mark.slow

TODAY = dt.date(2026, 11, 1)


def mediator(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "mediator", "--data-dir", str(data), *args],
                          capture_output=True, text=True, timeout=300, env=env, check=False)


def test_demo_output_names_signed_cases_whose_agreement_pdfsig_and_verify_accept(
        tmp_path: Path) -> None:
    data = tmp_path / "demo"
    run = mediator(data, "demo", "--cases", "120", "--seed", "4")
    assert run.returncode == 0, run.stderr
    assert f"其中 {demo_signed_count(120)} 份调解协议已定稿并数字签名" in run.stdout
    case_no = re.findall(r"（\d{4}）桂城人调字第\d+号", run.stdout.splitlines()[-1])[0]
    out = tmp_path / "out"
    run = mediator(data, "export", case_no, "--out", str(out))
    assert run.returncode == 0, run.stderr
    agreement = out / "agreement.pdf"
    assert "Signature is Valid." in pdfsig(agreement)
    check = mediator(data, "verify", str(agreement))
    assert check.returncode == 0, check.stdout + check.stderr
    text = pdftotext(agreement)
    assert "人民调解协议书" in text and "草稿" not in text
    assert case_no.replace("人调字", "人调协字") in text
    # One flipped byte inside the signed range: both refuse it.
    broken = tmp_path / "broken.pdf"
    raw = bytearray(agreement.read_bytes())
    raw[len(raw) // 3] ^= 0x01
    broken.write_bytes(bytes(raw))
    assert "Signature is Valid." not in pdfsig(broken)
    assert mediator(data, "verify", str(broken)).returncode == 1


@pytest.fixture
def demo_ws(workspace: Workspace) -> Workspace:
    demo.generate(workspace, 300, seed=7, today=TODAY)
    return workspace


def _statuses(ws: Workspace) -> Counter[str]:
    with ws.db.read() as s:
        return Counter(s.execute(select(Case.status)).scalars())


def test_demo_agreements_are_signed_in_place_and_the_files_stay_complete(
        demo_ws: Workspace) -> None:
    before = _statuses(demo_ws)
    assert sign_demo_agreements(demo_ws, 6, seed=2) == 6
    with demo_ws.db.read() as s:
        final = s.execute(select(Agreement.id, Agreement.case_id, Agreement.effective_on,
                                 Agreement.signed_blob, Case.status, Case.registered_on)
                          .join(Case, Case.id == Agreement.case_id)
                          .where(Agreement.signed_blob.is_not(None))).all()
        details = {d.agreement_id: d for d in s.execute(select(
            AgreementDetail.agreement_id, AgreementDetail.reached_on,
            AgreementDetail.completed_on))}
        agreements = Counter(s.execute(select(Agreement.case_id)).scalars())
        audited = s.execute(select(AuditEvent.action).where(
            AuditEvent.action == "agreement.finalise")).scalars().all()
    assert len(final) == 6 and len(audited) == 6
    assert max(agreements.values()) == 1  # the demo's draft was finalised, none added
    for row in final:
        assert row.status in {"agreed", "performing", "followed_up", "confirming", "archived"}
        assert row.signed_blob and row.effective_on is not None
        # The agreement keeps the day it was reached, not the day the demo ran.
        assert row.effective_on == details[row.id].reached_on < TODAY
        assert details[row.id].completed_on == row.effective_on
    assert _statuses(demo_ws) == before  # stages unchanged
    reports = Workflow(demo_ws).completeness.survey(TODAY)
    signed_cases = {row.case_id for row in final}
    faulty = {cid: [f.message for f in r.errors] for cid, r in reports.items()
              if r.errors and cid in signed_cases}
    assert faulty == {}


def test_signing_again_takes_the_next_drafts(demo_ws: Workspace) -> None:
    assert sign_demo_agreements(demo_ws, 2, seed=1) == 2
    assert sign_demo_agreements(demo_ws, 2, seed=1) == 2
    with demo_ws.db.read() as s:
        finals = s.execute(select(Agreement.id).where(Agreement.signed_blob.is_not(None))).all()
    assert len(finals) == 4


def test_demo_signed_count_scales_and_is_capped() -> None:
    assert demo_signed_count(1) == 1
    assert demo_signed_count(400) == 10
    assert demo_signed_count(100_000) == 25


def test_a_cli_demo_data_dir_opens_with_its_signed_agreements(tmp_path: Path) -> None:
    data = tmp_path / "d"
    assert mediator(data, "demo", "--cases", "40", "--seed", "2").returncode == 0
    ws = open_workspace(DataDir.resolve(data))
    try:
        with ws.db.read() as s:
            n = s.execute(select(Agreement.id).where(Agreement.signed_blob.is_not(None))).all()
        assert len(n) == 1
    finally:
        ws.close()
