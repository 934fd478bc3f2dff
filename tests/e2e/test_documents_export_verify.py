"""`mediator export` and `mediator verify` as real processes, judged by poppler.

pdffonts: every font embedded.  pdftotext: every field of the case, rare
characters included.  pdfsig: the exported agreement's signature valid; one
flipped byte breaks it for pdfsig and for `mediator verify` alike; a second
signature added later leaves the first valid.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from mediator.documents import signing
from mediator.paths import DataDir
from mediator.services.workspace import Workspace, open_workspace
from tests.documents.poppler import pdfsig, pdftotext, poppler
from tests.services.documents.builders import (
    ADDRESS,
    APPLICANT,
    COMPANY,
    FACTS,
    PERFORMANCE,
    RESPONDENT,
    SUMMARY,
    TERMS,
)
from tests.services.documents.conftest import Leak, make_leak, sign_everything

pytestmark = pytest.mark.slow

def mediator(data_dir: DataDir, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "mediator", "--data-dir", str(data_dir.root),
                           *args], capture_output=True, text=True, timeout=180, env=env,
                          check=False)

@pytest.fixture
def exported(workspace: Workspace, tmp_path: Path) -> tuple[Leak, Path]:
    leak = make_leak(workspace)
    sign_everything(leak)
    leak.signing.finalise(leak.agreement_id)
    leak.ws.close()  # the subprocess gets the database to itself
    out = tmp_path / "out"
    run = mediator(leak.ws.data_dir, "export", leak.case_no, "--out", str(out))
    assert run.returncode == 0, run.stderr
    return leak, out

def test_export_writes_the_case_documents_and_the_dossier(exported) -> None:
    _, out = exported
    names = sorted(p.name for p in out.iterdir())
    assert names == ["agreement.pdf", "application.pdf", "dossier.pdf", "registration.pdf"]

def test_every_font_is_embedded(exported) -> None:
    _, out = exported
    for pdf in out.iterdir():
        report = poppler("pdffonts", str(pdf)).stdout.splitlines()[2:]
        assert report, pdf.name
        for line in report:
            assert line.split()[-5] == "yes", f"{pdf.name}: {line}"  # emb column

def test_pdftotext_finds_every_field_with_rare_characters(exported) -> None:
    case, out = exported
    agreement = pdftotext(out / "agreement.pdf")
    flat = agreement.replace("\n", "")
    for field in (APPLICANT, RESPONDENT, "𠮷", "珺", "㙟", COMPANY, "13800138000",
                  "李志强", case.case_no.replace("人调字", "人调协字"), "本协议一式四份"):
        assert field in flat, field
    for text in (FACTS, PERFORMANCE, *TERMS):
        assert text[:14] in flat, text
    assert ADDRESS in flat
    application = pdftotext(out / "application.pdf").replace("\n", "")
    assert SUMMARY[:20] in application and "请求赔偿修复费用8600元" in application
    dossier = pdftotext(out / "dossier.pdf")
    assert "卷内目录" in dossier and "人民调解协议书" in dossier and RESPONDENT in dossier

def test_pdfsig_and_verify_accept_the_exported_agreement(exported) -> None:
    case, out = exported
    assert "Signature is Valid." in pdfsig(out / "agreement.pdf")
    run = mediator(case.ws.data_dir, "verify", str(out / "agreement.pdf"))
    assert run.returncode == 0, run.stderr
    assert "签名有效" in run.stdout and "本机记录一致" in run.stdout

def test_one_flipped_byte_fails_both_pdfsig_and_verify(exported, tmp_path: Path) -> None:
    case, out = exported
    data = bytearray((out / "agreement.pdf").read_bytes())
    data[len(data) // 3] ^= 0x01
    bad = tmp_path / "tampered.pdf"
    bad.write_bytes(bytes(data))
    assert "Signature is Valid." not in pdfsig(bad)
    run = mediator(case.ws.data_dir, "verify", str(bad))
    assert run.returncode == 1
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "签名" in lines[0]
    assert not any(ch.isascii() and ch.isalpha() for ch in lines[0].removeprefix("mediator:"))

def test_a_second_signature_leaves_the_first_valid(exported, tmp_path: Path) -> None:
    case, out = exported
    identity = signing.load_studio_identity(case.ws.data_dir.keys)
    twice = tmp_path / "countersigned.pdf"
    signing.sign_file(out / "agreement.pdf", twice, identity, reason="复核")
    report = pdfsig(twice)
    assert report.count("Signature is Valid.") == 2
    run = mediator(case.ws.data_dir, "verify", str(twice))
    assert run.returncode == 0, run.stderr

def test_verify_errors_and_other_studios(exported, tmp_path: Path) -> None:
    case, out = exported
    assert mediator(case.ws.data_dir, "verify", str(tmp_path / "none.pdf")).returncode == 2
    stranger = DataDir.resolve(tmp_path / "other")
    run = mediator(stranger, "verify", str(out / "agreement.pdf"))
    assert run.returncode == 1 and "无法确认签署人" in run.stderr
    assert not stranger.root.exists()  # verifying creates no data dir
    unsigned = mediator(case.ws.data_dir, "verify", str(out / "application.pdf"))
    assert unsigned.returncode == 1 and "没有数字签名" in unsigned.stderr

def test_export_of_a_demo_case_in_a_subprocess(tmp_path: Path) -> None:
    data_dir = DataDir.resolve(tmp_path / "demo")
    assert mediator(data_dir, "demo", "--cases", "40", "--seed", "3").returncode == 0
    ws: Workspace = open_workspace(data_dir)
    try:
        from sqlalchemy import func, select

        from mediator.store.models import (
            Agreement,
            Case,
            FollowUp,
            InvestigationRecord,
            SessionRecord,
        )
        with ws.db.read() as s:
            # `mediator demo` signs some of its agreements: export one of those cases.
            case_id, case_no, source = s.execute(
                select(Case.id, Case.case_no, Case.source)
                .join(Agreement, Agreement.case_id == Case.id)
                .where(Agreement.signed_blob.is_not(None)).order_by(Case.case_no).limit(1)
            ).one()
            counts = {
                prefix: s.execute(select(func.count()).select_from(model)
                                  .where(model.case_id == case_id)).scalar_one()
                for prefix, model in (("investigation", InvestigationRecord),
                                      ("session", SessionRecord), ("followup", FollowUp))
            }
    finally:
        ws.close()
    out = tmp_path / "out"
    run = mediator(data_dir, "export", case_no, "--out", str(out))
    assert run.returncode == 0, run.stderr
    written = {p.name for p in out.iterdir()}
    expected = {"registration.pdf", "notice.pdf", "agreement.pdf", "dossier.pdf"}
    if source == "party_application":
        expected.add("application.pdf")
    for prefix, n in counts.items():
        expected |= {f"{prefix}-{i}.pdf" for i in range(1, n + 1)}
    # Everything the case's records call for is there; anything more is one of the
    # other named documents (an agent's authorisation, a confirmation packet).
    assert expected <= written
    assert written - expected <= {"authorisation.pdf", "confirmation.pdf"}
    assert "Signature is Valid." in pdfsig(out / "agreement.pdf")
    assert not list(out.glob(".*.tmp"))
    missing = mediator(data_dir, "export", "（2026）桂城人调字第9999号", "--out", str(out))
    assert missing.returncode == 1 and "找不到这个案件" in missing.stderr

