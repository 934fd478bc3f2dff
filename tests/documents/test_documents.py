"""Every document renders, embeds its fonts and carries its fields (judged by poppler)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from mediator import documents
from mediator.documents import samples, styles
from mediator.documents.model import (
    DocParty,
    DossierCategory,
    DossierEntry,
    Signature,
)
from mediator.documents.renderers import agreement as agreement_renderer
from mediator.errors import DocumentError, ValidationError

from .poppler import pdftotext, poppler

TITLES = {
    "application": "人民调解申请书",
    "registration": "人民调解受理登记表",
    "notice": "当事人权利义务告知书",
    "authorisation": "授权委托书",
    "investigation-1": "调查记录",
    "session-1": "人民调解记录",
    "agreement": "人民调解协议书",
    "oral-agreement": "口头协议登记表",
    "followup-1": "回访记录",
    "refusal": "不予受理通知书",
    "termination": "终止调解通知书",
    "confirmation": "司法确认申请书",
    "dossier": "人民调解卷宗",
}


def _flat(text: str) -> str:
    return "".join(text.split())


def test_every_document_embeds_every_font(rendered: dict[str, Path]) -> None:
    for name, path in rendered.items():
        out = poppler("pdffonts", str(path)).stdout
        rows = out.splitlines()[2:]
        assert rows, name
        for row in rows:
            cols = row.split()
            # name type encoding emb sub uni ...: every font embedded as a subset
            assert cols[-5:-2] == ["yes", "yes", "yes"], (name, row)


@pytest.mark.parametrize("name", sorted(TITLES))
def test_title_page_numbers_and_rare_characters(rendered: dict[str, Path], name: str) -> None:
    text = _flat(pdftotext(rendered[name]))
    assert TITLES[name] in text
    assert "第1页共" in text
    assert "𠮷野家明" in text or name == "refusal"  # a refusal is addressed to the applicant
    assert "王珺" in text


def test_agreement_carries_every_field_of_the_case(rendered: dict[str, Path]) -> None:
    text = _flat(pdftotext(rendered["agreement"]))
    case = samples.water_leak_case()
    agreement = samples.water_leak_agreement()
    for p in case.parties:
        for value in (p.role, p.name, p.sex, p.ethnicity, p.occupation, p.phone,
                      p.address, p.id_number, p.representative, p.representative_title):
            assert _flat(value) in text, value
        if p.age is not None:
            assert str(p.age) in text
    for value in (agreement.number, agreement.facts, agreement.performance, *agreement.terms,
                  case.committee_name, "2026年3月16日"):
        assert _flat(value) in text, value
    assert "本协议一式四份，当事人、人民调解委员会各持一份" in text  # 3 parties + 1
    assert "法定代表人：李志强（签名）" in text  # the company signs by its representative
    assert "总经理" in text  # whose job title is a value (职务), not the label
    assert "签名盖章或按指印" in text


def test_copies_follow_the_number_of_parties() -> None:
    a = samples.water_leak_agreement()
    two = dataclasses.replace(a, case=dataclasses.replace(a.case, parties=a.case.parties[:2]),
                              signatures=a.signatures[:2])
    clause = agreement_renderer.copies_clause(two)
    assert clause == "本协议一式三份，当事人、人民调解委员会各持一份。"


def test_unsealed_document_is_marked_draft(tmp_path: Path, rendered: dict[str, Path]) -> None:
    draft = documents.save(samples.water_leak_agreement(sealed=False), tmp_path / "d.pdf")
    text = pdftotext(draft)
    assert text.count(styles.DRAFT_NOTICE) == 2  # the header line, on both pages
    sealed = pdftotext(rendered["agreement"])
    assert styles.DRAFT_NOTICE not in sealed and "稿" not in sealed


def test_final_agreement_refuses_missing_signature_or_seal() -> None:
    unsigned = samples.water_leak_agreement(signed=False, sealed=False)
    with pytest.raises(DocumentError) as err:
        documents.render(unsigned, final=True)
    assert "第1位当事人（申请人）的签名或指印" in err.value.message
    assert "人民调解委员会印章" in err.value.message
    assert "王珺" not in err.value.message
    thumb = dataclasses.replace(samples.water_leak_agreement(),
                                signatures=(Signature(thumbprint=True),) * 3)
    assert documents.render(thumb, final=True).startswith(b"%PDF-")  # 按指印 is a choice


def test_many_parties_flow_onto_more_pages(tmp_path: Path) -> None:
    a = samples.water_leak_agreement()
    extra = tuple(DocParty(role="第三人", name=f"邻居{i}号", sex="女", age=30 + i,
                           address=f"㙟头村东街{i}号") for i in range(9))
    case = dataclasses.replace(a.case, parties=a.case.parties + extra)
    big = dataclasses.replace(a, case=case, signatures=a.signatures + (None,) * 9)
    text = _flat(pdftotext(documents.save(big, tmp_path / "big.pdf")))
    assert "本协议一式十三份" in text
    assert all(f"邻居{i}号" in text for i in range(9))
    assert "共3页" in text or "共4页" in text


def test_dossier_contents_follow_the_prescribed_order(rendered: dict[str, Path]) -> None:
    text = _flat(pdftotext(rendered["dossier"]))
    order = ["人民调解申请书", "当事人权利义务告知书", "调查记录", "人民调解记录",
             "人民调解协议书", "回访记录"]
    positions = [text.index(t, text.index("卷内目录")) for t in order]
    assert positions == sorted(positions)
    d = samples.sample_documents()["dossier"]
    assert isinstance(d, documents.model.DossierInput)
    again = dataclasses.replace(d, entries=(
        DossierEntry(DossierCategory.BACK_COVER, "备考表"),
        DossierEntry(DossierCategory.APPLICATION, "受理登记表", dt.date(2026, 3, 2))))
    assert [e.title for e in again.entries] == ["受理登记表", "备考表"]


def test_signature_outside_its_box_is_rejected() -> None:
    with pytest.raises(ValidationError):
        Signature(strokes=(((0.1, 0.2), (1.4, 0.5)),))
    with pytest.raises(ValidationError):
        Signature()


def test_damaged_seal_is_refused() -> None:
    with pytest.raises(DocumentError):
        documents.model.Seal(b"\x89PNG\r\n\x1a\n" + b"\0" * 40)
    with pytest.raises(DocumentError):
        documents.model.Seal(b"GIF89a")


def test_failed_write_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "sub"
    target.write_text("a file where a directory is expected")
    with pytest.raises(DocumentError):
        documents.save(samples.water_leak_agreement(), target / "agreement.pdf")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sub"]


def test_save_replaces_atomically_and_leaves_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "agreement.pdf"
    target.write_bytes(b"old")
    documents.save(samples.water_leak_agreement(), target)
    assert target.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in tmp_path.iterdir()] == ["agreement.pdf"]
