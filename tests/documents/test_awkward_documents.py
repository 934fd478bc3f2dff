"""Every document laid out for the awkward case, judged from the PDF as printed.

poppler's ``pdftotext -bbox-layout`` gives each printed line with its box: a
row that overflows its cell shows as text lines drawn over one another, a
line running off the page as a box outside the frame, a bad wrap as a line
whose first character is punctuation.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

from mediator import documents
from mediator.documents import styles

from .awkward import LONG_CASE_NO, LONG_COMMITTEE, LONG_ORG, awkward_documents
from .poppler import poppler

NS = "{http://www.w3.org/1999/xhtml}"
# Registered codes legitimately carry Latin capitals (统一社会信用代码 "MA4W").
CODES = re.compile(r"91440605[0-9A-Z]{10}")
ENGLISH = re.compile(r"[A-Za-z]{2,}")


@dataclass(frozen=True)
class Line:
    page: int
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


def printed_lines(pdf: Path) -> list[Line]:
    result = poppler("pdftotext", "-bbox-layout", "-enc", "UTF-8", str(pdf), "-")
    assert result.returncode == 0, result.stderr
    root = ET.fromstring(result.stdout)
    lines = []
    for number, page in enumerate(root.iter(f"{NS}page"), 1):
        for line in page.iter(f"{NS}line"):
            text = "".join(w.text or "" for w in line.iter(f"{NS}word"))
            box = [float(line.get(k, "0")) for k in ("xMin", "yMin", "xMax", "yMax")]
            lines.append(Line(number, text, *box))
    return lines


def _watermark(line: Line) -> bool:
    """The diagonal 草稿 (pdftotext may read it a character at a time)."""
    return bool(line.text) and set(line.text) <= set("草稿")


def page_of(lines: list[Line], needle: str) -> int:
    pages = [ln.page for ln in lines if needle in ln.text]
    assert pages, f"{needle!r} not printed"
    return pages[-1]


@pytest.fixture(scope="module")
def awkward(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Line]]:
    out = tmp_path_factory.mktemp("awkward")
    result = {}
    for name, doc in awkward_documents().items():
        path = documents.save(doc, out / f"{name}.pdf", oral=name == "oral-agreement")
        result[name] = printed_lines(path)
    return result


DOCUMENTS = ["application", "registration", "notice", "authorisation", "investigation-1",
             "session-1", "agreement", "oral-agreement", "followup-1", "refusal",
             "termination", "confirmation", "dossier", "addendum"]


@pytest.mark.parametrize("name", DOCUMENTS)
def test_no_english_word_in_a_chinese_document(awkward: dict[str, list[Line]],
                                               name: str) -> None:
    words = {w for ln in awkward[name] for w in ENGLISH.findall(CODES.sub("", ln.text))}
    assert not words, f"{name}: {sorted(words)}"


@pytest.mark.parametrize("name", DOCUMENTS)
def test_no_printed_line_overlaps_another(awkward: dict[str, list[Line]], name: str) -> None:
    """Text spilling over a row's lines lands on the next row's text: boxes overlap."""
    lines = [ln for ln in awkward[name] if not _watermark(ln)]
    for i, a in enumerate(lines):
        for b in lines[i + 1:]:
            if a.page != b.page:
                continue
            dx = min(a.x1, b.x1) - max(a.x0, b.x0)
            dy = min(a.y1, b.y1) - max(a.y0, b.y0)
            assert dx <= 1 or dy <= 1, f"{name} p.{a.page}: {a.text[:20]!r} over {b.text[:20]!r}"


@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_line_stays_inside_the_page_frame(awkward: dict[str, list[Line]],
                                                name: str) -> None:
    left = styles.MARGIN_LEFT - 1
    right = styles.PAGE_WIDTH - styles.MARGIN_RIGHT + styles.BODY_SIZE  # a hanging ，
    for ln in awkward[name]:
        if _watermark(ln):
            continue
        assert ln.x0 >= left and ln.x1 <= right, f"{name} p.{ln.page}: {ln.text[:30]!r}"


@pytest.mark.parametrize("name", DOCUMENTS)
def test_no_line_starts_with_punctuation(awkward: dict[str, list[Line]], name: str) -> None:
    starts = [ln.text for ln in awkward[name] if ln.text and ln.text[0] in styles.CANNOT_START]
    assert not starts, f"{name}: {starts[:3]}"


def test_a_long_case_number_prints_whole(awkward: dict[str, list[Line]]) -> None:
    for name in ("followup-1", "session-1", "registration", "dossier"):
        flat = "".join(ln.text for ln in awkward[name])
        assert LONG_CASE_NO in flat, name


def test_seal_suffix_never_alone_on_a_line(awkward: dict[str, list[Line]]) -> None:
    for name in DOCUMENTS:
        for ln in awkward[name]:
            assert not ln.text.startswith(("（盖章）", "（签名")), f"{name}: {ln.text!r}"
    flat = "".join(ln.text for ln in awkward["agreement"])
    assert f"{LONG_ORG}（盖章）" in flat
    assert f"{LONG_COMMITTEE}（盖章）" in flat


def test_signature_block_on_the_page_of_the_last_clause(
        awkward: dict[str, list[Line]]) -> None:
    for name in ("agreement", "addendum"):
        lines = awkward[name]
        last = page_of(lines, "各方当事人可以自本协议生效之日起")  # the closing clause
        assert page_of(lines, "人民调解员：") == last, name
        assert page_of(lines, "申请人：王珺") == last, name
        assert page_of(lines, "扫码核验") == page_of(lines, "（盖章）")


def test_organisation_rows_name_the_office_and_skip_empty_rows(
        awkward: dict[str, list[Line]]) -> None:
    texts = [ln.text for ln in awkward["agreement"]]
    flat = "".join(texts)
    assert "法定代表人：司马𠮷祥（签名）" in flat
    assert "主要负责人：黄丽（签名）" in flat
    assert "职务项目经理" in texts  # the job title is a value, not the label
    assert "项目经理：" not in flat
    assert "91440605MA4W000001" in flat
    # The 业主委员会 registered no code and no 住所: no empty rows for them.
    assert sum(t.startswith("统一社会信用代码") for t in texts) == 2
    assert sum(t.startswith("住所") for t in texts) == 2


def test_agreement_prints_no_recorder_line_without_a_recorder(
        awkward: dict[str, list[Line]]) -> None:
    assert not any("记录人" in ln.text for ln in awkward["agreement"])


def test_addendum_names_the_agreement_it_amends(awkward: dict[str, list[Line]]) -> None:
    flat = "".join(ln.text for ln in awkward["addendum"])
    assert "人民调解补充协议书" in flat
    assert ("本协议是对各方当事人2026年3月16日达成的人民调解协议"
            "（编号：（2026）桂城人调协字第12号）的补充") in flat


def test_notices_never_double_the_word_dispute(awkward: dict[str, list[Line]]) -> None:
    for name in ("termination", "refusal"):
        flat = "".join(ln.text for ln in awkward[name])
        assert "纠纷纠纷" not in flat
        assert "邻里纠纷" in flat


def test_draft_is_marked_in_chinese_only(awkward: dict[str, list[Line]]) -> None:
    flat = "".join(ln.text for ln in awkward["addendum"])  # unsealed
    assert "草稿" in flat and "DRAFT" not in flat.upper()


@pytest.mark.parametrize("name", ["session-1", "registration", "oral-agreement", "termination",
                                  "refusal"])
def test_the_seal_is_never_alone_on_a_page(awkward: dict[str, list[Line]], name: str) -> None:
    lines = awkward[name]
    seal = page_of(lines, "人民调解委员会（盖章）")
    before = "特此通知" if name in ("termination", "refusal") else "（签名"
    assert page_of(lines, before) == seal
