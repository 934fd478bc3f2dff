"""Coded values and findings in the desk's language (mediator.ui.labels, finding_text).

The one-language walk (tests/ui/integration/test_one_language.py) reads the
screens of one demo; these go through every code and every finding the rules
raise on a few hundred demo cases, so a value the walk happens not to meet is
still checked.
"""

from __future__ import annotations

import ast
import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QLabel

from mediator.domain.archive import RETENTION_LABELS_ZH, RetentionClass
from mediator.domain.casefile import (
    COURT_BASIS_LABELS_ZH,
    STATUS_MATTER_LABELS_ZH,
    CourtBasis,
    StatusMatter,
)
from mediator.domain.deadlines import DEADLINE_LABELS_ZH, DeadlineKind
from mediator.domain.findings import STEP_LABELS_ZH, Step
from mediator.domain.status import STATUS_LABELS_ZH, CaseStatus
from mediator.services.workflow import Workflow
from mediator.ui import finding_text, labels
from mediator.ui.cases.detail import CaseDetailView
from mediator.ui.labels import Labels

CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]")
QUOTED = re.compile(r"“[^”]*”")


@pytest.fixture
def english() -> Iterator[None]:
    old = QLocale()
    QLocale.setDefault(QLocale("en"))
    yield
    QLocale.setDefault(old)


def _coded() -> list[tuple[str, object, str]]:
    """(what, the call's result in the current desk, the domain's Chinese)."""
    return [
        *((f"step {s}", labels.step(s), STEP_LABELS_ZH[s]) for s in Step),
        *((f"status {s}", labels.status(s), STATUS_LABELS_ZH[s]) for s in CaseStatus),
        *((f"deadline {k}", labels.deadline(k), DEADLINE_LABELS_ZH[k]) for k in DeadlineKind),
        *((f"retention {r}", labels.retention(r), RETENTION_LABELS_ZH[r])
          for r in RetentionClass),
        *((f"matter {m}", labels.status_matter(m), STATUS_MATTER_LABELS_ZH[m])
          for m in StatusMatter),
        *((f"court {c}", labels.court_basis(c), COURT_BASIS_LABELS_ZH[c]) for c in CourtBasis),
    ]


def test_every_code_has_an_english_label(english) -> None:
    for what, shown, zh in _coded():
        assert isinstance(shown, str) and shown and not CJK.search(shown), (what, shown)
        assert shown != zh
    for code in ("evidence", "identity", "proof", "scan"):
        assert not CJK.search(labels.attachment_kind(code))
    for key in ("registration", "session-2", "followup-1", "oral-agreement", "addendum-1"):
        assert not CJK.search(labels.document(key, "人民调解记录（第2次）"))
    assert labels.document("session-2", "人民调解记录（第2次）") == "Mediation record (no. 2)"
    assert labels.ethnicity("汉族") == "Han"
    assert labels.ethnicity("自填的民族") == "自填的民族"  # typed by hand: shown as typed


def test_the_chinese_desk_shows_the_domains_own_chinese() -> None:
    # No language installed (the C locale of a test) counts as the default zh_CN.
    for what, shown, zh in _coded():
        assert shown == zh, what
    assert labels.document("session-2", "人民调解记录（第2次）") == "人民调解记录（第2次）"


def test_every_finding_of_the_demo_reads_in_english(english, demo_ws) -> None:
    """Every finding and court blocker the rules raise on the demo cases, and on
    cases pushed past their dates, has an English sentence (a Chinese word only in
    quotes), with the party's role and place but not the person's name."""
    wf = Workflow(demo_ws)
    case_ids = _case_ids(demo_ws)
    seen: set[str] = set()
    for day in (dt.date.today(), dt.date.today() + dt.timedelta(days=400)):
        for case_id in case_ids:
            ov = wf.overview(case_id, day)
            for view in ov.steps:
                for f in view.findings:
                    seen.add(f.message)
            seen.update(ov.judicial_blockers)
    assert len(seen) >= 10
    for message in sorted(seen):
        english_text = finding_text.message(message)
        assert not CJK.search(QUOTED.sub("", english_text)), (message, english_text)


# What the rules put into their sentences, by the expression's source text.
SAMPLES: dict[str, tuple[str, ...]] = {
    "p.label": ("被申请人（第2位）", "申请人"),
    "agent.label": ("代理人（第1位）",),
    "n": ("3",),
    "what": ("营业执照或登记证明", "身份证明"),
    "verb": ("结束", "尚未结束"),
    "final:%Y年%m月%d日": ("2026年05月09日",),
    "due:%Y年%m月%d日": ("2026年05月09日",),
    "last:%Y年%m月%d日": ("2026年05月09日",),
    "current_due:%Y年%m月%d日": ("2026年05月09日",),
    "cap:%Y年%m月%d日": ("2026年05月09日",),
    "policy.court_extension_max_days": ("30",),
    "copies_required(n)": ("3",),
    "a.copies": ("2",),
    "WINDOW_DAYS": ("30",),
    "label": ("婚姻关系",),
    "allowed": ("当事人住所地基层人民法院、调解组织所在地基层人民法院",),
    "status.label_zh": ("调解中",),
    "current.label_zh": ("调解中",),
    "target.label_zh": ("已受理",),
}
DOMAIN = Path(__file__).resolve().parents[2] / "mediator" / "domain"


def _sentences() -> Iterator[tuple[str, str]]:
    """(where, a sentence) for every wording a rule of the domain can report: the
    message argument of each finding, and the extension problems, with sample values."""
    for name in ("completeness", "agreement", "judicial", "lifecycle", "deadlines"):
        path = DOMAIN / f"{name}.py"
        source = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if not isinstance(node, ast.Call):
                continue
            func = getattr(node.func, "id", "") or getattr(node.func, "attr", "")
            args = node.args
            if func in ("_f", "_e") and name in ("completeness", "lifecycle"):
                message = args[2] if len(args) > 2 else None
            elif func == "_f":
                message = args[1] if len(args) > 1 else None
            elif func == "append" and name == "deadlines":
                message = args[0] if args else None
            else:
                continue
            if isinstance(message, ast.BinOp):  # "…未同意：" + "、".join(missing)
                yield (f"{name}:{node.lineno}",
                       "延长调解期限须经全部当事人同意，未同意：申请人、被申请人（第2位）")
                continue
            for text in _render(message, source):
                yield f"{name}:{node.lineno}", text


def _render(node: ast.AST | None, source: str) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if not isinstance(node, ast.JoinedStr):
        return []  # a message passed through (term.extension's problems: read above)
    texts = [""]
    for part in node.values:
        if isinstance(part, ast.Constant):
            texts = [t + str(part.value) for t in texts]
            continue
        assert isinstance(part, ast.FormattedValue)
        key = ast.get_source_segment(source, part.value) or ""
        if part.format_spec is not None:
            spec = "".join(str(getattr(v, "value", "")) for v in part.format_spec.values)
            key = f"{key}:{spec}"
        assert key in SAMPLES, f"a new part in a finding's sentence: {key!r}: add a sample"
        texts = [t + v for t in texts for v in SAMPLES[key]]
    return texts


def test_every_wording_of_the_rules_has_an_english_sentence(english) -> None:
    """A rule added or reworded in the domain without its English here fails."""
    sentences = list(_sentences())
    assert len(sentences) >= 60
    missing = [(where, text) for where, text in sentences
               if CJK.search(QUOTED.sub("", finding_text.message(text)))]
    assert missing == []
    party = finding_text.message("被申请人（第2位）尚未签收权利义务告知书")
    assert party == "Respondent 2 has not yet signed for the notice of rights and duties"


def _case_ids(ws) -> list[str]:
    import sqlite3

    con = sqlite3.connect(f"file:{ws.data_dir.database}?mode=ro", uri=True)
    try:
        return [str(r[0]) for r in con.execute('SELECT id FROM "case" WHERE deleted = 0')]
    finally:
        con.close()


def test_case_details_show_ethnicity_in_the_desks_language(qtbot, demo_ws) -> None:
    case_id = next(cid for cid in _case_ids(demo_ws)
                   if any(p.ethnicity == "汉族" for p in demo_ws.cases.get(cid).parties))
    case = demo_ws.cases.get(case_id)
    shown = {}
    for lang in ("en", "zh_CN"):
        view = CaseDetailView(case, Labels(lang))
        qtbot.addWidget(view)
        shown[lang] = [w.text() for w in view.findChildren(QLabel)]
    assert "Han" in shown["en"] and "汉族" not in shown["en"]
    assert "汉族" in shown["zh_CN"]
