"""卷宗 — the case file's cover (封面) and its contents list (卷内目录).

The contents follow the order DOMAIN.md gives (application ... back cover);
:class:`~mediator.documents.model.DossierInput` sorts the entries by category.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak

from mediator.documents import styles
from mediator.documents.builder import build_pdf
from mediator.documents.model import DossierInput

TITLE = "人民调解卷宗"
CONTENTS_TITLE = "卷内目录"


def story(doc: DossierInput) -> list[Flowable]:
    case = doc.case
    cover: list[list[str | Flowable | None]] = [
        ["人民调解委员会", case.committee_name],
        ["卷名", doc.title],
        ["卷号", case.case_no],
        ["人民调解员", doc.mediators],
        ["起止日期", f"自{styles.fmt_date(doc.date_from)}至{styles.fmt_date(doc.date_to)}"],
        ["立卷人", doc.filed_by],
        ["立卷日期", styles.fmt_date(doc.filed_on)],
        ["保管期限", doc.retention],
        ["备注", doc.remarks or ""],
    ]
    contents: list[list[str | Flowable | None]] = [["序号", "文件材料名称", "日期", "页号", "备注"]]
    contents += [
        [str(i), e.title, styles.fmt_date(e.date) if e.date else "",
         str(e.pages) if e.pages else "", e.remark]
        for i, e in enumerate(doc.entries, 1)
    ]
    return [
        styles.gap(30),
        styles.Title(TITLE, size=30, space_after=40),
        styles.field_table(cover, (0.28, 0.72), min_row_height=34),
        PageBreak(),
        styles.Title(CONTENTS_TITLE),
        styles.field_table(contents, (0.1, 0.46, 0.2, 0.1, 0.14), label_cols=(0, 3),
                           min_row_height=24),
    ]


def render(doc: DossierInput) -> bytes:
    return build_pdf(story(doc), title=TITLE, draft=False, source=doc)
