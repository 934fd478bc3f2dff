"""人民调解工作统计表 — the statistics report of one period as a PDF.

The statistics page prints and exports the report through here, so the paper a
studio hands upward is drawn with the same embedded CJK fonts as every official
document (:mod:`mediator.documents.fonts`: any PC prints it the same, and
``pdffonts`` shows the fonts embedded).  The layout follows the report sheet of
the ledger workbook (:mod:`mediator.services.ledger_workbook`): the figures
with their unit and the date they count by, one table per breakdown with a 合计
row, and the definitions (统计口径) under the report — always, so nobody has to
guess why a month's "succeeded" can exceed its "accepted".

The renderer takes the report as plain data (:class:`ReportLike`): documents
sit below services and never import them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from html import escape
from typing import Any, Protocol

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from mediator.documents import fonts, styles
from mediator.documents.builder import build_pdf
from mediator.domain.statistics import (
    BASIS_LABELS_ZH,
    DIMENSION_LABELS_ZH,
    FIGURES,
    FIGURES_BY_CODE,
    Dimension,
    Period,
)

TITLE = "人民调解工作统计表"

#: The figures each breakdown table shows (the report sheet's columns).
BREAKDOWN_FIGURES: tuple[str, ...] = ("accepted", "succeeded", "terminated", "success_rate",
                                      "amount", "people", "group", "performed", "confirmed")


class ReportLike(Protocol):
    """What :class:`mediator.services.statistics.Report` carries."""

    @property
    def period(self) -> Period: ...
    @property
    def totals(self) -> Mapping[str, int | float | None]: ...
    @property
    def breakdowns(self) -> Mapping[Dimension, Mapping[str, Mapping[str, int | float | None]]]:
        ...
    @property
    def labels(self) -> Mapping[Dimension, Mapping[str, str]]: ...
    @property
    def definitions(self) -> Sequence[tuple[str, str, str]]: ...


def unit(code: str) -> str:
    """The unit a figure is printed in (the amount is counted in fen, printed in 元)."""
    return "元" if code == "amount" else FIGURES_BY_CODE[code].unit_zh


def figure_text(code: str, value: int | float | None) -> str:
    """A figure as the report prints it: 1,234.50 for an amount (fen in), 66.7 for a
    rate, "—" when there is none (no case closed: no rate, which is not 0 %)."""
    if value is None:
        return "—"
    if code == "amount":
        return f"{int(value) / 100:,.2f}"
    if code == "success_rate":
        return f"{float(value):.1f}"
    return str(int(value))


def breakdown_keys(report: ReportLike, dim: Dimension) -> list[str]:
    """A breakdown's rows in reading order: months by date, the rest by their label;
    the "not applicable" row (a screening visit has no dispute type) left out."""
    per_key = report.breakdowns.get(dim, {})
    labels = report.labels.get(dim, {})
    keys = [k for k in per_key if k != ""]
    return sorted(keys) if dim is Dimension.MONTH else sorted(keys, key=lambda k:
                                                              labels.get(k, k))


def _style(name: str, alignment: int) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=fonts.FONT_SONG, fontSize=styles.SMALL_SIZE,
                          leading=12, wordWrap="CJK", textColor=styles.INK, alignment=alignment)


_CELL = _style("stat_cell", TA_LEFT)
_HEAD = _style("stat_head", TA_CENTER)
_NUMBER = _style("stat_number", TA_RIGHT)
_HEAD_FILL = colors.Color(0.87, 0.89, 0.93)


def _p(text: str, style: Any = _CELL) -> Paragraph:
    return Paragraph(fonts.markup(text), style)


def _table(rows: list[list[Any]], widths: Sequence[float], *, total_row: bool = False) -> Table:
    table = Table(rows, colWidths=list(widths), repeatRows=1)
    commands: list[Any] = [
        ("GRID", (0, 0), (-1, -1), styles.GRID_WIDTH, styles.INK),
        ("FONTNAME", (0, 0), (-1, -1), fonts.FONT_SONG),  # not reportlab's Helvetica
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("BACKGROUND", (0, 0), (-1, 0), _HEAD_FILL),
    ]
    if total_row:
        commands.append(("LINEABOVE", (0, -1), (-1, -1), 1.2, styles.INK))
    table.setStyle(TableStyle(commands))
    return table


def _totals_table(report: ReportLike) -> Table:
    rows: list[list[Any]] = [[_p(h, _HEAD) for h in ("指标", "单位", "数值", "统计日期")]]
    for f in FIGURES:
        rows.append([_p(f.label_zh), _p(unit(f.code), _HEAD),
                     _p(figure_text(f.code, report.totals.get(f.code)), _NUMBER),
                     _p(BASIS_LABELS_ZH[f.basis], _HEAD)])
    w = styles.FRAME_WIDTH
    return _table(rows, [w * 0.42, w * 0.12, w * 0.24, w * 0.22])


def _breakdown_table(report: ReportLike, dim: Dimension) -> Table | None:
    keys = breakdown_keys(report, dim)
    if not keys:
        return None
    labels = report.labels.get(dim, {})
    head = [[_p(FIGURES_BY_CODE[c].label_zh, _HEAD), _p(f"（{unit(c)}）", _HEAD)]
            for c in BREAKDOWN_FIGURES]  # the unit on a line of its own
    rows: list[list[Any]] = [[_p(DIMENSION_LABELS_ZH[dim], _HEAD), *head]]
    cells_of = report.breakdowns[dim]
    for key in keys:
        cells = cells_of[key]
        rows.append([_p(labels.get(key, key)),
                     *(_p(figure_text(c, cells.get(c)), _NUMBER) for c in BREAKDOWN_FIGURES)])
    rows.append([_p("合计"), *(_p(figure_text(c, report.totals.get(c)), _NUMBER)
                               for c in BREAKDOWN_FIGURES)])
    w = styles.FRAME_WIDTH
    # The label and the amount need the room; the counts are short.
    widths = [w * 0.14] + [w * (0.13 if c == "amount" else 0.09) for c in BREAKDOWN_FIGURES]
    scale = w / sum(widths)
    return _table(rows, [x * scale for x in widths], total_row=True)


def _definitions_table(report: ReportLike) -> Table:
    rows: list[list[Any]] = [[_p(h, _HEAD) for h in ("指标", "统计日期", "口径")]]
    rows += [[_p(figure), _p(basis, _HEAD), _p(text)] for figure, basis, text in
             report.definitions]
    w = styles.FRAME_WIDTH
    return _table(rows, [w * 0.26, w * 0.16, w * 0.58])


def story(committee: str, report: ReportLike, made_on: dt.date) -> list[Flowable]:
    period = report.period
    out: list[Flowable] = [
        styles.Title(f"{TITLE}", size=18),
        styles.para(f"（{period.label}）", styles.CENTRE),
        Spacer(1, 6),
        styles.para(f"调解组织：{committee}", styles.FIELD),
        styles.para(f"统计期间：{styles.fmt_date(period.start)}至{styles.fmt_date(period.end)}"
                    f"　　制表日期：{styles.fmt_date(made_on)}", styles.FIELD),
        Spacer(1, 6),
        _totals_table(report),
    ]
    for dim in Dimension:
        table = _breakdown_table(report, dim)
        if table is not None:
            out += [Spacer(1, 10),
                    KeepTogether([styles.para(f"按{DIMENSION_LABELS_ZH[dim]}", styles.HEADING),
                                  table]) if len(table._cellvalues) < 25 else table]
    out += [Spacer(1, 10), styles.para("统计口径（各项指标按哪个日期计入期间）", styles.HEADING),
            _definitions_table(report)]
    return out


def render_statistics_report(committee: str, report: ReportLike, made_on: dt.date) -> bytes:
    """The report as PDF bytes (A4, the documents' fonts embedded as subsets)."""
    texts: list[str] = [committee, report.period.label]
    for per_key in report.labels.values():
        texts += per_key.values()
    for row in report.definitions:
        texts += row
    return build_pdf(story(committee, report, made_on), title=TITLE, draft=False, source=texts)


# ------------------------------------------------------------------ the printed form
_TABLE = '<table border="1" cellspacing="0" cellpadding="3" width="100%">'


def _html_row(cells: Sequence[str], *, head: bool = False, right_from: int = 99) -> str:
    tag = "th" if head else "td"
    return "<tr>" + "".join(
        f'<{tag}{" align=right" if i >= right_from and not head else ""}>{escape(c)}</{tag}>'
        for i, c in enumerate(cells)) + "</tr>"


def report_html(committee: str, report: ReportLike, made_on: dt.date) -> str:
    """The same form as HTML, for the desk's print (Qt lays it out for the printer):
    the figures, each breakdown with its 合计 and the 统计口径 under them."""
    p = report.period
    out = [f"<h2 align=center>{escape(TITLE)}</h2>",
           f"<p align=center>（{escape(p.label)}）</p>",
           f"<p>调解组织：{escape(committee)}<br>统计期间：{styles.fmt_date(p.start)}至"
           f"{styles.fmt_date(p.end)}　　制表日期：{styles.fmt_date(made_on)}</p>",
           _TABLE, _html_row(["指标", "单位", "数值", "统计日期"], head=True)]
    out += [_html_row([f.label_zh, unit(f.code), figure_text(f.code, report.totals.get(f.code)),
                       BASIS_LABELS_ZH[f.basis]], right_from=2) for f in FIGURES]
    out.append("</table>")
    for dim in Dimension:
        keys = breakdown_keys(report, dim)
        if not keys:
            continue
        labels = report.labels.get(dim, {})
        out += [f"<h3>按{escape(DIMENSION_LABELS_ZH[dim])}</h3>", _TABLE,
                _html_row([DIMENSION_LABELS_ZH[dim], *(
                    f"{FIGURES_BY_CODE[c].label_zh}（{unit(c)}）" for c in BREAKDOWN_FIGURES)],
                    head=True)]
        for key in keys:
            cells = report.breakdowns[dim][key]
            out.append(_html_row([labels.get(key, key), *(
                figure_text(c, cells.get(c)) for c in BREAKDOWN_FIGURES)], right_from=1))
        out += [_html_row(["合计", *(figure_text(c, report.totals.get(c))
                                     for c in BREAKDOWN_FIGURES)], right_from=1), "</table>"]
    out += ["<h3>统计口径（各项指标按哪个日期计入期间）</h3>", _TABLE,
            _html_row(["指标", "统计日期", "口径"], head=True)]
    out += [_html_row(list(row)) for row in report.definitions]
    out.append("</table>")
    return "\n".join(out)
