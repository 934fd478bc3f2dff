"""The mapping step: which column of the ledger holds which field.

The core proposes a mapping from the header's words (:func:`mediator.domain.ledger.
find_header`); this page shows every column with a header beside the field it was
matched to, in a combo the person can change (不导入 / each field).  A field sits
in one column only: choosing it for a column takes it from the column that had
it.  What an import cannot do without (the 受理日期, the parties) is named under
the table, and the wizard goes no further until it is mapped.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from mediator.domain.ledger import LedgerField
from mediator.ui.ledger.state import ImportState
from mediator.ui.theme import Role, mark

CONTEXT = "LedgerFields"
_F = LedgerField
# The fields in the desk's language (the core's FIELD_LABELS are its Chinese).
FIELD_NAMES: dict[LedgerField, object] = {
    _F.SERIAL: QT_TRANSLATE_NOOP("LedgerFields", "Serial number"),
    _F.CASE_NO: QT_TRANSLATE_NOOP("LedgerFields", "Case number"),
    _F.REGISTERED_ON: QT_TRANSLATE_NOOP("LedgerFields", "Date accepted"),
    _F.SOURCE: QT_TRANSLATE_NOOP("LedgerFields", "Case source"),
    _F.PARTIES: QT_TRANSLATE_NOOP("LedgerFields", "Parties (both sides)"),
    _F.APPLICANTS: QT_TRANSLATE_NOOP("LedgerFields", "Applicants"),
    _F.RESPONDENTS: QT_TRANSLATE_NOOP("LedgerFields", "Respondents"),
    _F.ID_NUMBERS: QT_TRANSLATE_NOOP("LedgerFields", "ID numbers (in the parties' order)"),
    _F.APPLICANT_IDS: QT_TRANSLATE_NOOP("LedgerFields", "Applicants' ID numbers"),
    _F.RESPONDENT_IDS: QT_TRANSLATE_NOOP("LedgerFields", "Respondents' ID numbers"),
    _F.PHONES: QT_TRANSLATE_NOOP("LedgerFields", "Phone numbers (in the parties' order)"),
    _F.APPLICANT_PHONES: QT_TRANSLATE_NOOP("LedgerFields", "Applicants' phone numbers"),
    _F.RESPONDENT_PHONES: QT_TRANSLATE_NOOP("LedgerFields", "Respondents' phone numbers"),
    _F.DISPUTE_TYPE: QT_TRANSLATE_NOOP("LedgerFields", "Dispute type"),
    _F.SUMMARY: QT_TRANSLATE_NOOP("LedgerFields", "Summary of the dispute"),
    _F.RESULT: QT_TRANSLATE_NOOP("LedgerFields", "Mediation result"),
    _F.AMOUNT: QT_TRANSLATE_NOOP("LedgerFields", "Agreed amount"),
    _F.CLOSED_ON: QT_TRANSLATE_NOOP("LedgerFields", "Date closed"),
    _F.MEDIATOR: QT_TRANSLATE_NOOP("LedgerFields", "Mediator"),
}


def field_name(fld: LedgerField) -> str:
    return QCoreApplication.translate(CONTEXT, str(FIELD_NAMES[fld]))


def missing(mapping: Any) -> list[str]:
    """What the mapping lacks for an import, in the desk's language (one line each)."""
    # translate() spelled out: lupdate does not read an alias of it.
    out = []
    if mapping.get(_F.REGISTERED_ON) is None:
        out.append(QCoreApplication.translate(
            "LedgerMappingPage", "No column is chosen for the date accepted."))
    sides = mapping.get(_F.APPLICANTS) is not None or mapping.get(_F.RESPONDENTS) is not None
    if not sides and mapping.get(_F.PARTIES) is None:
        out.append(QCoreApplication.translate(
            "LedgerMappingPage",
            "No column is chosen for the parties (or the applicants and respondents)."))
    return out


class LedgerMappingPage(QWizardPage):
    """Each recognised column, its header and the field it is imported as."""

    def __init__(self, state: ImportState) -> None:
        super().__init__()
        self.state = state
        self.setTitle(self.tr("Which column holds what"))
        intro = QLabel(self.tr(
            "Each column of the ledger's header and what it will be imported as. "
            "Change a choice if it is wrong; choose “Not imported” for a column to leave out."))
        intro.setWordWrap(True)
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.where.setTextFormat(Qt.TextFormat.PlainText)
        mark(self.where, Role.MUTED)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("mapping_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("Header in the ledger"), self.tr("Import as")])
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.problems = QLabel()
        self.problems.setObjectName("mapping_problems")
        self.problems.setWordWrap(True)
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        mark(self.problems, Role.ERROR)
        self.problems.hide()
        self.combos: dict[int, QComboBox] = {}  # column index -> its combo
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.where)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problems)

    def initializePage(self) -> None:
        info = self.state.info
        assert info is not None
        self.where.setText(
            self.tr("Sheet “%1”, header in row %2.").replace("%1", info.sheet)
            .replace("%2", str(info.header_row)))
        self.table.setRowCount(len(info.columns))
        self.combos.clear()
        for row, col in enumerate(info.columns):
            self.table.setItem(row, 0, QTableWidgetItem(col.letter))
            header = QTableWidgetItem(col.header)
            header.setToolTip(col.header)
            self.table.setItem(row, 1, header)
            combo = QComboBox()
            combo.setAccessibleName(self.tr("Column %1 imported as").replace("%1", col.letter))
            combo.addItem(self.tr("Not imported"), None)
            for fld in LedgerField:
                combo.addItem(field_name(fld), fld.value)
            combo.currentIndexChanged.connect(
                lambda _i, index=col.index: self._chosen(index))
            self.table.setCellWidget(row, 2, combo)
            self.combos[col.index] = combo
        self.table.resizeRowsToContents()
        self._show_mapping()

    def choose(self, letter: str, fld: LedgerField | None) -> None:
        """Set column ``letter``'s field as a person picks it in its combo."""
        info = self.state.info
        assert info is not None
        col = next(c for c in info.columns if c.letter == letter)
        combo = self.combos[col.index]
        combo.setCurrentIndex(combo.findData(fld.value if fld else None))

    def field_of(self, letter: str) -> LedgerField | None:
        info = self.state.info
        assert info is not None
        col = next(c for c in info.columns if c.letter == letter)
        value = self.combos[col.index].currentData()
        return LedgerField(value) if value else None

    def _chosen(self, index: int) -> None:
        mapping = self.state.mapping
        value = self.combos[index].currentData()
        if value:
            mapping.set(LedgerField(value), index)
        else:
            for fld, i in list(mapping.columns.items()):
                if i == index:
                    mapping.set(fld, None)
        self.state.preview = None  # the preview must be made again
        self._show_mapping()

    def _show_mapping(self) -> None:
        by_column = {i: fld for fld, i in self.state.mapping.columns.items()}
        for index, combo in self.combos.items():
            fld = by_column.get(index)
            combo.blockSignals(True)
            combo.setCurrentIndex(combo.findData(fld.value if fld else None))
            combo.blockSignals(False)
        lacking = missing(self.state.mapping)
        self.problems.setText("\n".join(lacking))
        self.problems.setVisible(bool(lacking))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.state.info is not None and not missing(self.state.mapping)
