"""履行, 回访, 司法确认 and 归档 pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from mediator.domain.archive import RetentionClass
from mediator.domain.casefile import CourtBasis
from mediator.domain.findings import Step
from mediator.domain.money import parse_amount
from mediator.errors import ValidationError
from mediator.services.workflow.dto import (
    ArchiveInput,
    CaseOverview,
    FollowUpInput,
    JudicialInput,
    PaymentInput,
    RulingInput,
    Satisfaction,
)
from mediator.ui import finding_text, labels

from .common import (
    WrapCheckBox,
    add_choice,
    date_edit,
    fit_combo_to_items,
    from_qdate,
    full_choice_label,
    muted,
    tr,
    yuan,
)
from .forms_intake import _clear_layout, _text
from .pages import StepPage, register


@register
class PerformPage(StepPage):
    step = Step.PERFORM
    title = "Performance"
    intro = "Record each payment or act of performance, with the receipt or transfer as proof."

    def build(self) -> None:
        self.items = QLabel()
        self.items.setWordWrap(True)
        self.body.addWidget(self.items)
        form = QFormLayout()
        self.body.addLayout(form)
        self.obligation = QComboBox()
        # A long item is cut short in the combo (it does not wrap) and shown whole
        # beneath it; the list above has every item whole too.
        self.obligation.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.obligation.setMinimumContentsLength(8)
        self.field("obligation_id", self.obligation, "Performance item", form)
        form.addRow("", full_choice_label(self.obligation, self.inner))
        self.paid_on = date_edit()
        self.field("paid_on", self.paid_on, "Date *", form)
        self.amount = QLineEdit()
        self.field("amount", self.amount, "Amount paid (yuan)", form)
        self.method = QLineEdit()
        self.field("method", self.method, "How", form)
        self.note = _text()
        self.field("note", self.note, "Note", form)
        self.proof = QComboBox()
        self.field("proof", self.proof, "Proof (attachment)", form)
        self.completes = WrapCheckBox(tr("This item is now fully performed"))
        self.kept["completes"] = self.completes
        self.body.addWidget(self.completes)
        self.save_button("Record performance")

    def fill(self, ov: CaseOverview) -> None:
        a = ov.agreement
        self.obligation.clear()
        lines = []
        for ob in a.obligations if a else ():
            who = ov.party(ob.obligor_id or "")
            state = (tr("performed on %1").replace("%1", f"{ob.performed_on:%Y-%m-%d}")
                     if ob.performed_on else tr("not yet performed"))
            due = f"{ob.due:%Y-%m-%d}" if ob.due else "—"
            lines.append(f"{ob.position}. {ob.description}  {who.name if who else ''}  "
                         f"{tr('due')} {due}  {tr('paid')} {yuan(ob.paid_fen)}  {state}")
            add_choice(self.obligation, f"{ob.position}. {ob.description}", ob.id, chars=16)
        self.items.setText("\n".join(lines) or tr("The agreement lists no performance item."))
        self.proof.clear()
        self.proof.addItem(tr("(none)"), None)
        for att in ov.attachments:
            self.proof.addItem(att.filename, att.id)

    def check(self) -> list[tuple[str, str]]:
        if self.amount.text().strip():
            try:
                parse_amount(self.amount.text(), label="履行金额")
            except ValidationError as exc:
                return [("amount", exc.message)]
        if self.obligation.currentData() is None:
            return [("obligation_id",
                     tr("The agreement lists no performance item; nothing can be recorded."))]
        return []

    def submit(self) -> Callable[[], Any]:
        assert self.overview is not None
        cid, today = self.overview.id, self.ctx.today()
        fen = parse_amount(self.amount.text()) if self.amount.text().strip() else 0
        inp = PaymentInput(self.obligation.currentData(), from_qdate(self.paid_on.date()), fen,
                           self.method.text(), self.note.text(), self.proof.currentData(),
                           self.completes.isChecked())
        return lambda: self.ctx.workflow.performance.record_payment(cid, inp, today=today)

    def _done(self, result: Any) -> None:
        self.amount.clear()
        self.note.clear()
        self.completes.setChecked(False)
        super()._done(result)


@register
class FollowUpPage(StepPage):
    step = Step.FOLLOW_UP
    title = "Follow-up visit"
    intro = "Visit the parties after the agreement: was it performed, are they satisfied?"

    def build(self) -> None:
        self.visits = QLabel()
        self.visits.setWordWrap(True)
        self.body.addWidget(self.visits)
        form = QFormLayout()
        self.body.addLayout(form)
        self.visited_on = date_edit()
        self.field("visited_on", self.visited_on, "Visited on *", form)
        self.performed = QComboBox()
        self.performed.addItems([tr("Choose…"), tr("Performed"), tr("Not performed")])
        self.field("performed", self.performed, "Agreement performed? *", form)
        self.satisfaction = QComboBox()
        self.satisfaction.addItem(tr("Choose…"), "")
        for s in Satisfaction:
            self.satisfaction.addItem(labels.satisfaction(s.value), s.value)
        self.field("satisfaction", self.satisfaction, "Satisfaction", form)
        self.lawsuit = _text(True, 2)
        self.field("lawsuit", self.lawsuit, "Lawsuit and its result", form)
        self.escalation = _text(True, 2)
        self.field("escalation", self.escalation, "Signs of escalation", form)
        self.measures = _text(True, 2)
        self.field("measures", self.measures, "Measures taken", form)
        self.visitor = QLineEdit()
        self.field("visitor", self.visitor, "Visiting mediator *", form)
        self.signed = WrapCheckBox(tr("Signed by the visiting mediator"))
        self.kept["signed"] = self.signed
        self.body.addWidget(self.signed)
        self.save_button("Save follow-up visit")

    def fill(self, ov: CaseOverview) -> None:
        lines = [f"{v.visited_on:%Y-%m-%d}  {v.visitor}  "
                 + {True: tr("Performed"), False: tr("Not performed"), None: "—"}[v.performed]
                 for v in ov.follow_ups]
        self.visits.setText("\n".join(lines) or tr("No follow-up visit yet."))
        if not self.visitor.text():
            self.visitor.setText(ov.mediator_name)

    def submit(self) -> Callable[[], Any]:
        assert self.overview is not None
        cid, today = self.overview.id, self.ctx.today()
        performed = {0: None, 1: True, 2: False}[self.performed.currentIndex()]
        inp = FollowUpInput(from_qdate(self.visited_on.date()), performed,
                            self.satisfaction.currentData() or "", self.lawsuit.toPlainText(),
                            self.escalation.toPlainText(), self.measures.toPlainText(),
                            self.visitor.text(), self.signed.isChecked())
        return lambda: self.ctx.workflow.follow_up.add_visit(cid, inp, today=today)


@register
class ConfirmPage(StepPage):
    step = Step.CONFIRM
    title = "Judicial confirmation"
    intro = ("Optional. The parties may jointly ask a court to confirm a written agreement "
             "within 30 days of it taking effect. Courts do not confirm marriage, adoption "
             "or other identity matters.")

    def build(self) -> None:
        self.window_info = QLabel()
        self.window_info.setWordWrap(True)
        self.body.addWidget(self.window_info)
        form = QFormLayout()
        # A row whose field cannot fit beside its label goes under it: the court's basis
        # ("The court that entrusted the mediation") at 特大 and 150 % was cut by 5 px.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.body.addLayout(form)
        self.basis = QComboBox()  # as wide as its longest basis: the row wraps instead
        self.basis.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.field("court_basis", self.basis, "Court chosen because", form)
        self.court = QLineEdit()
        self.field("court", self.court, "Court *", form)
        self.applied_on = date_edit()
        self.field("applied_on", self.applied_on, "Applied on *", form)
        self.applicants_box = QVBoxLayout()
        form.addRow(tr("Joint applicants"), self.applicants_box)
        self.applicants: dict[str, QCheckBox] = {}
        self.save_button("Record the application")
        ruling = QGroupBox(tr("The court's ruling"))
        rf = QFormLayout(ruling)
        self.decided_on = date_edit()
        self.field("decided_on", self.decided_on, "Ruled on", rf)
        self.confirmed = QComboBox()
        self.confirmed.addItems([tr("Confirmed as valid"), tr("Rejected")])
        rf.addRow(tr("Ruling"), self.confirmed)
        self.ruling_no = QLineEdit()
        self.field("ruling_no", self.ruling_no, "Ruling number", rf)
        save_ruling = QPushButton(tr("Record the ruling"))
        save_ruling.setObjectName("record_ruling")
        save_ruling.clicked.connect(self.record_ruling)
        rf.addRow("", save_ruling)
        self.body.addWidget(ruling)

    def fill(self, ov: CaseOverview) -> None:
        parts = []
        if ov.judicial_last_day:
            parts.append(tr("The 30-day window ends on %1.")
                         .replace("%1", f"{ov.judicial_last_day:%Y-%m-%d}"))
        parts += [finding_text.message(b) for b in ov.judicial_blockers]
        self.window_info.setText("\n".join(parts))
        self.basis.clear()
        for code in ov.court_bases:
            self.basis.addItem(labels.court_basis(CourtBasis(code)), code)
        fit_combo_to_items(self.basis)
        _clear_layout(self.applicants_box)
        self.applicants = {}
        for p in ov.principals:
            cb = WrapCheckBox(f"{labels.party(p)} {p.name}")
            cb.setChecked(True)
            self.applicants[p.id] = cb
            self.applicants_box.addWidget(cb)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # another type size
            fit_combo_to_items(self.basis)

    def submit(self) -> Callable[[], Any]:
        assert self.overview is not None
        cid, today = self.overview.id, self.ctx.today()
        inp = JudicialInput(from_qdate(self.applied_on.date()), self.basis.currentData() or "",
                            self.court.text(),
                            frozenset(p for p, cb in self.applicants.items() if cb.isChecked()))
        return lambda: self.ctx.workflow.confirmation.apply(cid, inp, today=today)

    def record_ruling(self) -> None:
        assert self.overview is not None
        self.clear_problems()
        cid, today = self.overview.id, self.ctx.today()
        inp = RulingInput(from_qdate(self.decided_on.date()), self.confirmed.currentIndex() == 0,
                          self.ruling_no.text())
        self.ctx.runner.run(
            lambda: self.ctx.workflow.confirmation.record_ruling(cid, inp, today=today),
            on_done=self._guard(self._done), on_error=self._guard(self._failed))


@register
class ArchivePage(StepPage):
    step = Step.ARCHIVE
    title = "Archive"
    intro = ("Close the file once it is complete. Archiving checks every required document "
             "and lists what is missing.")

    def build(self) -> None:
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.body.addWidget(self.state)
        form = QFormLayout()
        self.body.addLayout(form)
        self.retention = QComboBox()
        self.retention.addItem(tr("Choose…"), "")
        for r in RetentionClass:
            self.retention.addItem(labels.retention(r), r.value)
        self.field("retention", self.retention, "Retention period *", form)
        self.hold = WrapCheckBox(
            tr("Legal hold (never dispose while a lawsuit or complaint is open)"))
        self.field("legal_hold", self.hold, "Legal hold", form)
        self.archived_on = date_edit()
        self.field("archived_on", self.archived_on, "Archived on *", form)
        self.save_button("Archive the case")
        hold = QPushButton(tr("Save legal hold only"))
        hold.setObjectName("save_hold")
        hold.clicked.connect(self.save_hold)
        self.body.addWidget(hold)
        self.body.addWidget(muted(tr("An archived file cannot be changed.")))

    def fill(self, ov: CaseOverview) -> None:
        n = len(ov.report.errors)
        self.state.setText(tr("The file is complete for its stage.") if n == 0 else
                           tr("%1 item(s) must be completed first (see the rail).")
                           .replace("%1", str(n)))
        idx = self.retention.findData(ov.retention_class)
        if idx > 0:
            self.retention.setCurrentIndex(idx)
        self.hold.setChecked(ov.legal_hold)

    def check(self) -> list[tuple[str, str]]:
        if not self.retention.currentData():
            return [("retention", tr("Please choose how long the file is kept."))]
        return []

    def submit(self) -> Callable[[], Any]:
        assert self.overview is not None
        cid, today = self.overview.id, self.ctx.today()
        inp = ArchiveInput(self.retention.currentData(), self.hold.isChecked(),
                           from_qdate(self.archived_on.date()))
        return lambda: self.ctx.workflow.archive.archive(cid, inp, today=today)

    def save_hold(self) -> None:
        assert self.overview is not None
        cid, hold = self.overview.id, self.hold.isChecked()
        self.ctx.runner.run(lambda: self.ctx.workflow.archive.set_legal_hold(cid, hold),
                            on_done=self._guard(self._done), on_error=self._guard(self._failed))
