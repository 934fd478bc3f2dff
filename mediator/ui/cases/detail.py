"""The case detail view: every field of a registered case, read-only.

ID numbers are personal information (PIPL): shown masked like in the list, the
full number only after an explicit 显示 click on that one party, and hidden
again with a second click.  The case is loaded on the worker
(``ws.cases.get``) before the dialog opens, so the dialog itself does no I/O.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mediator.domain.case_facts import CaseFacts, Prevention, is_group_dispute
from mediator.domain.status import CaseStatus, PartyKind, PartyRole, RepresentativeRole
from mediator.domain.studio_time import wall_clock
from mediator.services.dto import CaseDetail, PartyView
from mediator.ui import labels as coded
from mediator.ui.facts_labels import grade_line
from mediator.ui.labels import Labels
from mediator.ui.screen_fit import fit_to_screen
from mediator.ui.theme import Role, mark


def mask_id_number(number: str) -> str:
    """440602199001011234 -> 440602********1234, as the list shows it."""
    if len(number) <= 10:
        return "*" * len(number)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


TITLE_NAME_MAX = 20  # characters of a party's name that still go into its box's title


def _value(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setTextFormat(Qt.TextFormat.PlainText)  # party data is never markup
    return label


class IdNumberField(QWidget):
    """A masked ID number with a 显示/隐藏 toggle."""

    def __init__(self, number: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._number = number
        self.label = _value(mask_id_number(number))
        self.button = QPushButton(self.tr("Show"))
        self.button.setCheckable(True)
        self.button.setAccessibleName(self.tr("Show the full ID number"))
        self.button.toggled.connect(self._toggled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        layout.addStretch(1)

    def is_revealed(self) -> bool:
        return self.button.isChecked()

    def _toggled(self, revealed: bool) -> None:
        self.label.setText(self._number if revealed else mask_id_number(self._number))
        self.button.setText(self.tr("Hide") if revealed else self.tr("Show"))


class PartyBox(QGroupBox):
    """One party (当事人) with all its details."""

    def __init__(self, party: PartyView, labels: Labels, parent: QWidget | None = None, *,
                 on_correct: Callable[[PartyView], object] | None = None,
                 read_only: bool = False) -> None:
        colon = "：" if labels.chinese else ": "
        # A group box's title never wraps: a long name (an organisation's may be 60
        # characters) would make the box, and the page, wider than the window.  The
        # Name row below always shows it whole.
        title = labels.role(party.role)
        if len(party.name) <= TITLE_NAME_MAX:
            title = f"{title}{colon}{party.name}"
        super().__init__(title, parent)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.id_field: IdNumberField | None = None
        org = party.kind is PartyKind.ORGANISATION
        form.addRow(self.tr("Kind:"), _value(labels.kind(party.kind)))
        form.addRow(self.tr("Name:"), _value(party.name))
        if org:  # the row names the office (法定代表人 / 主要负责人), the post is 职务
            office = (self.tr("Principal officer:")
                      if party.representative_role is RepresentativeRole.PRINCIPAL
                      else self.tr("Legal representative:"))
            form.addRow(office, _value(party.representative))
            form.addRow(self.tr("Title:"), _value(party.representative_title))
        else:
            form.addRow(self.tr("Sex:"), _value(labels.sex(party.sex)))
            form.addRow(self.tr("Ethnicity:"), _value(labels.ethnicity(party.ethnicity)))
            birth = party.birth_date.isoformat() if party.birth_date else ""
            if party.age is not None:
                age = self.tr("%n year(s) old", "", party.age)
                birth = f"{birth}（{age}）"
            form.addRow(self.tr("Date of birth:"), _value(birth))
        # An organisation's number is its 统一社会信用代码, never an ID number.
        number_label = self.tr("Unified social credit code:") if org else self.tr("ID number:")
        if party.id_number:
            self.id_field = IdNumberField(party.id_number)
            form.addRow(number_label, self.id_field)
        else:
            form.addRow(number_label, _value(""))
        form.addRow(self.tr("Phone:"), _value(party.phone))
        form.addRow(self.tr("Address:"), _value(party.address))
        if not org:
            form.addRow(self.tr("Occupation:"), _value(party.occupation))
        # 更正: the party's details, corrected after registration (not on an archive).
        self.correct_button: QPushButton | None = None
        if on_correct is not None:
            self.correct_button = QPushButton(self.tr("Correct…"))
            self.correct_button.setObjectName("correct_party")
            self.correct_button.setAccessibleName(self.tr("Correct this party's details"))
            self.correct_button.setEnabled(not read_only)
            self.correct_button.clicked.connect(lambda: on_correct(party))
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(self.correct_button)
            form.addRow(row)


class FactsBox(QGroupBox):
    """统计情况 in one compact block: people (group dispute), amount, what the mediation
    prevented, the mediating body, and the difficulty grade with its basis."""

    def __init__(self, case: CaseDetail, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("For the statistics"), parent)
        facts = case.facts or CaseFacts()
        parties = sum(1 for p in case.parties if p.role is not PartyRole.AGENT)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        people = str(facts.people_involved) if facts.people_involved else \
            self.tr("%1 (the parties)").replace("%1", str(parties))
        if is_group_dispute(facts):
            people = self.tr("%1, a group dispute").replace("%1", people)
        form.addRow(self.tr("People involved:"), _value(people))
        amount = facts.amount_in_dispute_fen
        form.addRow(self.tr("Amount in dispute:"),
                    _value(self.tr("%1 yuan").replace("%1", f"{amount / 100:,.2f}") if amount
                           else self.tr("(none stated)")))
        prevented = [self.tr("%1 (people: %2)").replace("%1", coded.prevention(p))
                     .replace("%2", str(facts.prevented[p]))
                     for p in Prevention if facts.prevented.get(p, 0) > 0]
        form.addRow(self.tr("Prevented:"), _value("\n".join(prevented) or self.tr("(none)")))
        form.addRow(self.tr("Mediating body:"),
                    _value(coded.body_type(facts.body_type or case.studio_body_type)))
        self.grade = _value(grade_line(facts, parties))
        form.addRow(self.grade)
        if facts.grade_override is not None and facts.grade_reason:
            form.addRow(self.tr("Reason for the grade:"), _value(facts.grade_reason))


class CaseDetailView(QWidget):
    """Everything registered about one case (基本信息), read-only, scrollable.

    Used as the 基本信息 tab of the case page and inside :class:`CaseDetailDialog`.
    """

    def __init__(self, case: CaseDetail, labels: Labels, parent: QWidget | None = None, *,
                 on_correct: Callable[[PartyView], object] | None = None,
                 history: Sequence[str] = ()) -> None:
        super().__init__(parent)
        self.case = case
        title = mark(QLabel(case.case_no), Role.TITLE)
        archived = case.status is CaseStatus.ARCHIVED
        title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        facts = QGroupBox(self.tr("Registration"))
        form = QFormLayout(facts)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        if case.former_case_no:
            # Renumbered by sync: papers printed earlier carry this number.
            form.addRow(self.tr("Former case no.:"), _value(case.former_case_no))
        form.addRow(self.tr("Status:"), _value(labels.status(case.status)))
        form.addRow(self.tr("Dispute type:"), _value(labels.dispute_type(case.dispute_type)))
        form.addRow(self.tr("Case source:"), _value(labels.case_source(case.source)))
        if case.referral_note:
            form.addRow(self.tr("Referred by:"), _value(case.referral_note))
        form.addRow(self.tr("Registered on:"), _value(case.registered_on.isoformat()))
        form.addRow(self.tr("Committee:"), _value(case.committee_name))
        form.addRow(self.tr("Mediator:"), _value(case.mediator_name))
        self.summary = _value(case.summary)
        form.addRow(self.tr("Summary of the dispute:"), self.summary)
        requests = "\n".join(f"{i}. {r}" for i, r in enumerate(case.requests, 1))
        form.addRow(self.tr("Requests:"), _value(requests or self.tr("(none)")))

        self.party_boxes = [PartyBox(p, labels, on_correct=on_correct, read_only=archived)
                            for p in case.parties]
        # Why 更正 is greyed: one line (已归档: the dossier is closed).
        self.archived_note = QLabel(self.tr("This case is archived: its parties' details can "
                                            "no longer be corrected."))
        self.archived_note.setWordWrap(True)
        mark(self.archived_note, Role.WARNING)
        self.archived_note.setVisible(archived and on_correct is not None)
        # The case's history of corrections: who, when, which field, old -> new.
        self.history = QGroupBox(self.tr("Corrections"))
        history_layout = QVBoxLayout(self.history)
        for line in history:
            history_layout.addWidget(_value(line))
        self.history.setVisible(bool(history))
        # On the studio's clock, as the documents print times, not the PC's zone.
        updated = wall_clock(case.updated_at, case.time_zone).strftime("%Y-%m-%d %H:%M")
        created = wall_clock(case.created_at, case.time_zone).strftime("%Y-%m-%d %H:%M")
        footer = QLabel(
            self.tr("Entered %1 · last changed %2").replace("%1", created).replace("%2", updated)
        )
        mark(footer, Role.MUTED)

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addWidget(title)
        body_layout.addWidget(facts)
        self.facts_box = FactsBox(case)
        body_layout.addWidget(self.facts_box)
        parties_title = mark(QLabel(self.tr("Parties")), Role.SECTION)
        body_layout.addWidget(parties_title)
        body_layout.addWidget(self.archived_note)
        for box in self.party_boxes:
            body_layout.addWidget(box)
        body_layout.addWidget(self.history)
        body_layout.addWidget(footer)
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)


class CaseDetailDialog(QDialog):
    """Everything registered about one case, in a window of its own."""

    def __init__(self, case: CaseDetail, labels: Labels, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case = case
        self.setWindowTitle(self.tr("Case %1").replace("%1", case.case_no))
        self.view = CaseDetailView(case, labels)
        self.summary = self.view.summary
        self.party_boxes = self.view.party_boxes
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        fit_to_screen(self, 760, 720)  # the view scrolls; Close stays on a 768-pixel screen
