"""Every text a person can read on a window, and which of it is in the wrong language.

Why: issue 11 asks for one language per UI: the English desk with no Chinese
left in it (step names, statuses, deadlines, attachment kinds...) and the
Chinese desk with no English.  The only way to know is to read the screen as
a person does: every visible widget's text, tooltips, placeholders, combo
items, tab titles, table/list/tree cells and headers, window titles.

User data (party names, facts, case numbers, the committee's name) is in
whatever language it was typed: :func:`user_values` reads it from the data
dir's database, and :func:`foreign` takes those values out of a text before
looking for the wrong script.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    Qt,
)
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
    QWizard,
)

from mediator.domain import archive, casefile, deadlines, findings, status
from mediator.services.catalogue import load_catalogue
from mediator.services.workflow import dto

# Tables whose text columns hold what people typed (or the demo made up for them).
USER_TABLES = (
    "studio", "mediator", "case", "party", "case_party", "investigation_record",
    "session_record", "agreement", "follow_up", "attachment", "case_workflow",
    "case_party_file", "record_signoff", "agreement_detail", "obligation", "payment",
    "term_extension", "judicial_application", "draft",
)
# Text columns in Latin script that are still what people gave (a file's own name).
USER_ASCII = {("attachment", "filename")}
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
# A Latin word of three letters or more; the exceptions are what Chinese UIs keep in
# Latin script: abbreviations and units.
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
LATIN_KEPT = {"PDF", "QR", "ID", "PNG", "JPG", "JPEG", "CSV", "URL", "HTTPS", "HTTP",
              "TLS", "CA", "PEM", "CRT", "SQLite", "OK", "USB", "WAL", "UTC", "GMT",
              "ZIP", "API", "PC", "TIF", "TIFF", "BMP", "WEBP", "GIF", "ASCII", "UUID",
              "HEIC", "Esc", "Ctrl", "Shift", "Alt", "Enter", "Tab"}
ROWS_READ = 60  # of a long list, the rows a person sees first


@dataclass(frozen=True)
class Seen:
    """One text on screen and where: ``where`` names the widget for the failure."""

    where: str
    text: str


def user_values(database: Path) -> list[str]:
    """Every non-ASCII text value people entered, longest first (for removal)."""
    con = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    values: set[str] = set()
    try:
        for table in USER_TABLES:
            cols = [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]
            for row in con.execute(f'SELECT * FROM "{table}"'):
                for col, value in zip(cols, row, strict=True):
                    if not isinstance(value, str):
                        continue
                    if (table, col) in USER_ASCII:
                        values.add(value)
                    else:  # JSON may hold escaped Chinese: parse before judging
                        values.update(v for v in _leaves(value) if not v.isascii())
    finally:
        con.close()
    values -= known_labels()  # a label stored as a value (民族, a legal route) is no data
    return sorted((v for v in values if v.strip()), key=len, reverse=True)


def known_labels() -> set[str]:
    """The Chinese of coded values and catalogues, which the desk must show by language."""
    out: set[str] = set(dto.LEGAL_ROUTES_ZH)
    for module in (archive, casefile, deadlines, findings, status, dto):
        for name in dir(module):
            table = getattr(module, name)
            if name.endswith("_LABELS_ZH") and isinstance(table, dict):
                out.update(str(v) for v in table.values())
    for catalogue in ("ethnicities", "dispute_types", "case_sources"):
        out.update(item.zh for item in load_catalogue(catalogue))
    return out


def _leaves(value: str) -> Iterator[str]:
    if value[:1] in "[{":
        try:
            parsed = json.loads(value)
        except ValueError:
            parsed = None
        if parsed is not None:
            yield from _json_strings(parsed)
            return
    yield value
    yield from (line.strip() for line in value.splitlines() if line.strip())


def _json_strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        if not value.isascii():
            yield value
            yield from (line.strip() for line in value.splitlines() if line.strip())
    elif isinstance(value, dict):
        for v in value.values():
            yield from _json_strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _json_strings(v)


def _body(line: str) -> str:
    """A line without its list number ("1. 请求…" shows the request 请求…)."""
    return re.sub(r"^\s*\d+[.、]\s*", "", line).strip()


def strip_user_data(text: str, values: Iterable[str]) -> str:
    """``text`` with every user value (and an elided start of one) taken out."""
    # A long value cut short (a one-line field showing the start of the facts),
    # judged on whole lines before names are taken out of them.
    # An excerpt (the finalise wizard's "Term 2：“赔偿” — <a part of the term>") too.
    parts = [p for p in re.split(r"\n| — |：", text)
             if not (len(_body(p)) >= 8 and any(_body(p) in v for v in values))]
    text = "\n".join(parts)
    for value in values:
        if value in text:
            text = text.replace(value, " ")
    if "…" in text:  # an elided value: "楼上卫生间漏水…" is the start of the facts
        parts = text.split("…")
        kept = []
        for part in parts:
            tail = re.split(r"[\s:：,，;；()（）]", part)[-1].strip()
            elided = bool(tail) and any(tail in v for v in values)
            kept.append(part[: len(part) - len(tail)] if elided else part)
        text = " ".join(kept)
    return text


# Quoted: a Chinese word discussed in English (用语校对: “订金” or “定金”), a Latin
# tag in Chinese text (the “pre-restore” in a backup's file name).
QUOTED = re.compile(r"“[^”]*”")
FILE_NAME = re.compile(r"[\w.-]+\.(?:pdf|png|jpe?g|sqlite3|json|pem|crt|zip)\b", re.IGNORECASE)


def foreign(text: str, lang: str, values: Iterable[str]) -> str:
    """What in ``text`` is in the other language than ``lang`` ("" when nothing)."""
    rest = strip_user_data(text, values)
    if lang == "en":
        return "".join(CJK.findall(QUOTED.sub(" ", rest)))
    rest = FILE_NAME.sub(" ", QUOTED.sub(" ", rest))  # a file's name, a quoted tag
    words = [w for w in LATIN_WORD.findall(rest) if w not in LATIN_KEPT and w.upper() not in
             LATIN_KEPT]
    return " ".join(words)


# ------------------------------------------------------------------ reading
def texts(top: QWidget) -> list[Seen]:
    """Every text of ``top`` and its visible descendants."""
    seen: list[Seen] = []
    widgets = [top, *top.findChildren(QWidget)]
    for w in widgets:
        if not w.isVisible():
            continue
        seen.extend(_widget_texts(w))
    return [s for s in seen if s.text.strip()]


def _name(w: QWidget) -> str:
    name = w.objectName()
    return f"{type(w).__name__}{'#' + name if name else ''}"


def _plain(text: str) -> str:
    if "<" in text and ">" in text:
        doc = QTextDocument()
        doc.setHtml(text)
        return doc.toPlainText()
    return text


def _widget_texts(w: QWidget) -> Iterator[Seen]:
    where = _name(w)
    if w.isWindow():
        yield Seen(f"{where} window title", w.windowTitle())
    yield Seen(f"{where} tooltip", _plain(w.toolTip()))
    yield Seen(f"{where} status tip", w.statusTip())
    for action in w.actions():
        yield Seen(f"{where} action", action.text())
        yield Seen(f"{where} action tooltip", action.toolTip())
    if isinstance(w, QLabel):
        yield Seen(where, _plain(w.text()))
    elif isinstance(w, QAbstractButton):
        yield Seen(where, w.text())
    elif isinstance(w, QGroupBox):
        yield Seen(where, w.title())
    elif isinstance(w, QTabBar):
        for i in range(w.count()):
            yield Seen(f"{where} tab", w.tabText(i))
            yield Seen(f"{where} tab tooltip", w.tabToolTip(i))
    elif isinstance(w, QComboBox):
        for i in range(w.count()):
            yield Seen(f"{where} item", w.itemText(i))
        if w.lineEdit() is not None:
            yield Seen(f"{where} placeholder", w.lineEdit().placeholderText())
        else:
            yield Seen(f"{where} placeholder", w.placeholderText())
    # What an editable field holds is the user's (or a prefill from what they
    # registered, which goes into the Chinese documents): only read-only text counts.
    elif isinstance(w, QLineEdit):
        if w.isReadOnly():
            yield Seen(where, w.text())
        yield Seen(f"{where} placeholder", w.placeholderText())
    elif isinstance(w, QTextEdit | QPlainTextEdit):
        if w.isReadOnly():
            yield Seen(where, w.toPlainText())
        yield Seen(f"{where} placeholder", w.placeholderText())
    elif isinstance(w, QDateTimeEdit | QAbstractSpinBox):
        yield Seen(where, w.text())
        yield Seen(f"{where} special value", w.specialValueText())
    elif isinstance(w, QAbstractItemView) and w.model() is not None:
        yield from _model_texts(where, w.model())
    elif isinstance(w, QWizard):
        page = w.currentPage()
        if page is not None:
            yield Seen(f"{where} page title", page.title())
            yield Seen(f"{where} page subtitle", page.subTitle())


def _model_texts(where: str, model: QAbstractItemModel,
                 parent: QModelIndex | None = None, depth: int = 0) -> Iterator[Seen]:
    parent = parent or QModelIndex()
    # A list model's columnCount is private in PySide: a list has one column.
    cols = 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)
    flat = isinstance(model, QAbstractListModel | QAbstractTableModel)
    if depth == 0:
        for c in range(cols):
            yield Seen(f"{where} header", str(model.headerData(
                c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or ""))
            yield Seen(f"{where} header tooltip", str(model.headerData(
                c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) or ""))
    for r in range(min(model.rowCount(parent), ROWS_READ)):
        for c in range(max(cols, 1)):
            index = model.index(r, c, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    yield Seen(f"{where} cell {r},{c}", _plain(value))
            if c == 0 and depth < 4 and not flat and model.rowCount(index) > 0:
                yield from _model_texts(where, model, index, depth + 1)


def wrong_language(tops: Iterable[QWidget], lang: str, values: list[str]
                   ) -> list[tuple[str, str, str]]:
    """(where, text, the offending part) of every text in the other language."""
    found: dict[tuple[str, str], str] = {}
    for top in tops:
        for s in texts(top):
            bad = foreign(s.text, lang, values)
            if bad:
                found.setdefault((s.where, s.text), bad)
    return [(where, text, bad) for (where, text), bad in found.items()]
