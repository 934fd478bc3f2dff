"""受理, 告知 (with agents and term extension), 调查 and 调解 pages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mediator.domain.casefile import StatusMatter
from mediator.domain.findings import Step
from mediator.domain.status import CaseStatus
from mediator.services.workflow.dto import (
    AcceptanceInput,
    AgentPower,
    AuthorisationInput,
    CaseOverview,
    ExtensionInput,
    InvestigationInput,
    NoticeInput,
    RefusalInput,
    SessionInput,
)
from mediator.ui import labels

from .common import (
    WrapCheckBox,
    date_edit,
    datetime_edit,
    default_to_studio_now,
    from_qdate,
    from_qdatetime,
    heading,
    muted,
    to_qdate,
    tr,
)
from .pages import StepPage, register


def _text(multiline: bool = False, rows: int = 3) -> Any:
    if multiline:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(28 * rows)
        return edit
    return QLineEdit()


def _val(w: QWidget) -> str:
    return w.toPlainText() if isinstance(w, QPlainTextEdit) else w.text()  # type: ignore[attr-defined]


def _clear_layout(layout: Any) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().deleteLater()


@register
class AcceptPage(StepPage):
    step = Step.ACCEPT
    title = "Acceptance"
    intro = ("Check the papers in the file. A case that cannot be accepted is refused "
             "with its reason.")

    def build(self) -> None:
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.body.addWidget(self.summary)
        form = QFormLayout()
        self.body.addLayout(form)
        self.written = WrapCheckBox(tr("The signed written application is in the file"))
        self.field("written_application", self.written, "Application", form)
        self.proofs_box = QGroupBox(tr("Identity papers in the file"))
        self.proofs_layout = QVBoxLayout(self.proofs_box)
        self.body.addWidget(self.proofs_box)
        self.proofs: dict[str, QCheckBox] = {}
        self.matters_box = QGroupBox(tr("Matters a court will not confirm"))
        grid = QVBoxLayout(self.matters_box)
        self.matters: dict[str, QCheckBox] = {}
        for m in StatusMatter:
            cb = WrapCheckBox(labels.status_matter(m))
            self.matters[m.value] = cb
            self.kept[f"matter.{m.value}"] = cb
            self.watch(cb)
            grid.addWidget(cb)
        self.body.addWidget(self.matters_box)
        self.save_button("Save acceptance")
        refuse = QGroupBox(tr("Refuse the application"))
        rform = QFormLayout(refuse)
        self.refused_on = date_edit()
        self.field("refusal.on", self.refused_on, "Date", rform)
        self.refusal_reason = _text(True)
        self.field("refusal.reason", self.refusal_reason, "Reason *", rform)
        self.refuse_button = QPushButton(tr("Refuse"))
        self.refuse_button.setObjectName("refuse")
        self.refuse_button.clicked.connect(self.refuse)
        rform.addRow("", self.refuse_button)
        self.refuse_group = refuse
        self.body.addWidget(refuse)

    def fill(self, ov: CaseOverview) -> None:
        reqs = "\n".join(f"{i}. {r}" for i, r in enumerate(ov.requests, start=1))
        self.summary.setText(f"{ov.case_no}    {ov.registered_on:%Y-%m-%d}\n{ov.summary}\n{reqs}")
        self.written.setChecked(ov.written_application)
        _clear_layout(self.proofs_layout)
        self.proofs = {}
        for p in ov.parties:
            cb = WrapCheckBox(f"{labels.party(p)}  {p.name}")
            cb.setChecked(p.identity_proof)
            self.proofs[p.id] = cb
            self.kept[f"proof.{p.id}"] = cb
            self.watch(cb)
            self.proofs_layout.addWidget(cb)
        for code, matter in self.matters.items():
            matter.setChecked(code in ov.status_matters)
        self.refuse_group.setEnabled(ov.status is CaseStatus.REGISTERED)
        if ov.refused_on:
            self.refused_on.setDate(to_qdate(ov.refused_on))
            self.refusal_reason.setPlainText(ov.refusal_reason)

    def submit(self) -> Callable[[], Any]:
        assert self.overview is not None
        cid = self.overview.id
        inp = AcceptanceInput(self.written.isChecked(),
                              {pid: cb.isChecked() for pid, cb in self.proofs.items()},
                              frozenset(c for c, cb in self.matters.items() if cb.isChecked()))
        return lambda: self.ctx.workflow.acceptance.save_acceptance(cid, inp)

    def refuse(self) -> None:
        assert self.overview is not None
        self.clear_problems()
        cid, today = self.overview.id, self.ctx.today()
        inp = RefusalInput(from_qdate(self.refused_on.date()), _val(self.refusal_reason))
        self.ctx.runner.run(lambda: self.ctx.workflow.acceptance.refuse(cid, inp, today=today),
                            on_done=self._guard(self._done), on_error=self._guard(self._failed))


@register
class NotifyPage(StepPage):
    step = Step.NOTIFY
    title = "Rights and duties notice"
    intro = ("Every party signs the notice of rights and duties before the first session. "
             "Tick who has signed and when.")

    def build(self) -> None:
        self.grid = QGridLayout()
        self.grid.setColumnStretch(0, 1)  # the party's name wraps; the date keeps its width
        self.body.addLayout(self.grid)
        self.acks: dict[str, tuple[QCheckBox, Any]] = {}
        self.save_button("Save notice")
        self.agents_box = QGroupBox(tr("Agents and powers of attorney"))
        self.agents_layout = QVBoxLayout(self.agents_box)
        self.body.addWidget(self.agents_box)
        ext = QGroupBox(tr("Extend the mediation term (all parties must consent)"))
        form = QFormLayout(ext)
        self.due_label = QLabel()
        form.addRow(tr("Current term ends"), self.due_label)
        self.ext_granted = date_edit()
        self.field("extension.granted_on", self.ext_granted, "Agreed on", form)
        self.ext_due = date_edit()
        self.field("extension.new_due", self.ext_due, "New end of term", form)
        self.consent_row = QVBoxLayout()
        form.addRow(tr("Consented"), self.consent_row)
        self.consents: dict[str, QCheckBox] = {}
        self.ext_reason = _text()
        self.field("extension.reason", self.ext_reason, "Reason", form)
        button = QPushButton(tr("Extend term"))
        button.setObjectName("extend")
        button.clicked.connect(self.extend)
        form.addRow("", button)
        self.fields["extension"] = self.fields["extension.reason"]
        self.body.addWidget(ext)

    def fill(self, ov: CaseOverview) -> None:
        _clear_layout(self.grid)
        self.acks = {}
        for row, p in enumerate(ov.principals):
            cb = WrapCheckBox(f"{labels.party(p)}  {p.name}")
            when = date_edit(p.notice_acknowledged_on or self.ctx.today())
            cb.setChecked(p.notice_acknowledged_on is not None)
            when.setEnabled(cb.isChecked())
            cb.toggled.connect(when.setEnabled)
            self.grid.addWidget(cb, row, 0)
            self.grid.addWidget(when, row, 1)
            self.acks[p.id] = (cb, when)
            self.kept[f"ack.{p.id}"] = cb
            self.kept[f"ack_on.{p.id}"] = when
            self.watch(cb)
        _clear_layout(self.agents_layout)
        self.agent_widgets: dict[str, tuple[QCheckBox, dict[str, QCheckBox]]] = {}
        if not ov.agents:
            self.agents_layout.addWidget(muted(tr("No agent acts in this case.")))
        for agent in ov.agents:
            target = ov.party(agent.represents or "")
            who = f"{labels.party(agent)} {agent.name}" + (
                f" → {labels.party(target)}" if target else "")
            who_label = QLabel(who)
            who_label.setWordWrap(True)  # a long name and its principal's wrap in the page
            self.agents_layout.addWidget(who_label)
            poa = WrapCheckBox(tr("Power of attorney in the file"))
            poa.setChecked(agent.power_of_attorney)
            self.agents_layout.addWidget(poa)
            powers: dict[str, QCheckBox] = {}
            for power in AgentPower:
                cb = WrapCheckBox(labels.agent_power(power))
                cb.setChecked(power.value in agent.agent_powers)
                powers[power.value] = cb
                self.agents_layout.addWidget(cb)
            save = QPushButton(tr("Save authorisation"))
            save.clicked.connect(lambda _c=False, aid=agent.id: self.authorise(aid))
            self.agents_layout.addWidget(save)
            self.agent_widgets[agent.id] = (poa, powers)
        self.due_label.setText(f"{ov.mediation_due:%Y-%m-%d}" if ov.mediation_due else "—")
        _clear_layout(self.consent_row)
        self.consents = {}
        for p in ov.principals:
            cb = WrapCheckBox(f"{labels.party(p)}  {p.name}")
            self.consents[p.id] = cb
            self.consent_row.addWidget(cb)
        if ov.mediation_due:
            self.ext_due.setDate(to_qdate(ov.mediation_due + dt.timedelta(days=15)))

    def submit(self) -> Callable[[], Any]:
        assert self.overview is not None
        cid, today = self.overview.id, self.ctx.today()
        inp = NoticeInput({pid: from_qdate(when.date()) if cb.isChecked() else None
                           for pid, (cb, when) in self.acks.items()})
        return lambda: self.ctx.workflow.notice.acknowledge(cid, inp, today=today)

    def done_message(self, result: Any) -> str:
        if result:
            return tr("Saved. Every party has signed the notice: the case is now notified.")
        return tr("Saved.")

    def authorise(self, agent_id: str) -> None:
        assert self.overview is not None
        poa, powers = self.agent_widgets[agent_id]
        inp = AuthorisationInput(agent_id, poa.isChecked(),
                                 frozenset(c for c, cb in powers.items() if cb.isChecked()))
        cid = self.overview.id
        self.ctx.runner.run(lambda: self.ctx.workflow.notice.authorise_agent(cid, inp),
                            on_done=self._guard(self._done), on_error=self._guard(self._failed))

    def extend(self) -> None:
        assert self.overview is not None
        self.clear_problems()
        cid, today = self.overview.id, self.ctx.today()
        inp = ExtensionInput(from_qdate(self.ext_granted.date()), from_qdate(self.ext_due.date()),
                             frozenset(p for p, cb in self.consents.items() if cb.isChecked()),
                             _val(self.ext_reason))
        self.ctx.runner.run(lambda: self.ctx.workflow.notice.extend_term(cid, inp, today=today),
                            on_done=self._guard(self._done), on_error=self._guard(self._failed))


class _RecordList(QLabel):
    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)


@register
class InvestigatePage(StepPage):
    step = Step.INVESTIGATE
    title = "Investigation records"
    intro = "Optional. Each visit or interview is one record, read back and signed."

    def build(self) -> None:
        self.records = _RecordList()
        self.body.addWidget(self.records)
        self.body.addWidget(heading(tr("New investigation record")))
        form = QFormLayout()
        self.body.addLayout(form)
        self.held_at = datetime_edit()
        self.field("held_at", self.held_at, "Time *", form)
        self.place = _text()
        self.field("place", self.place, "Place *", form)
        self.investigator = _text()
        self.field("investigator", self.investigator, "Investigator *", form)
        self.interviewee = _text()
        self.field("interviewee", self.interviewee, "Person questioned *", form)
        self.recorder = _text()
        self.field("recorder", self.recorder, "Recorder *", form)
        self.qa_layout = QVBoxLayout()
        self.body.addLayout(self.qa_layout)
        self.qa: list[tuple[QPlainTextEdit, QPlainTextEdit]] = []
        self.fields["qa"] = self.field("qa", QLabel(""), "", QVBoxLayout())
        self.qa_layout.addWidget(self.fields["qa"])
        self.add_question()
        more = QPushButton(tr("Add a question"))
        more.clicked.connect(self.add_question)
        self.body.addWidget(more)
        self.signed = WrapCheckBox(
            tr("Read back and signed by the person questioned and the recorder"))
        self.kept["signed"] = self.signed
        self.body.addWidget(self.signed)
        self.save_button("Save investigation record")

    def add_question(self) -> None:
        n = len(self.qa)
        form = QFormLayout()
        q, a = _text(True, 2), _text(True, 3)
        self.field(f"qa[{n}].q", q, "Question", form)
        self.field(f"qa[{n}].a", a, "Answer", form)
        self.qa_layout.addLayout(form)
        self.qa.append((q, a))

    def fill(self, ov: CaseOverview) -> None:
        default_to_studio_now(self.held_at, ov.time_zone)
        lines = [f"{r.held_at:%Y-%m-%d %H:%M}  {r.place}  {r.interviewee}  "
                 + (tr("signed") if r.signed_on else tr("not signed"))
                 for r in ov.investigations]
        self.records.setText("\n".join(lines) or tr("No investigation record yet."))
        if not self.recorder.text():
            self.recorder.setText(ov.mediator_name)
            self.investigator.setText(ov.mediator_name)

    def restore_defaults(self) -> None:
        for w in (self.place, self.interviewee):
            w.clear()
        for q, a in self.qa:
            q.clear()
            a.clear()
        self.signed.setChecked(False)

    def submit(self) -> Callable[[], Any]:
        assert self.overview is not None
        cid, today = self.overview.id, self.ctx.today()
        qa = tuple((q.toPlainText(), a.toPlainText()) for q, a in self.qa
                   if q.toPlainText().strip() or a.toPlainText().strip())
        inp = InvestigationInput(from_qdatetime(self.held_at.dateTime()), self.place.text(),
                                 self.investigator.text(), self.interviewee.text(),
                                 self.recorder.text(), qa, self.signed.isChecked())
        return lambda: self.ctx.workflow.records.add_investigation(cid, inp, today=today)

    def _done(self, result: Any) -> None:
        self.restore_defaults()
        super()._done(result)


@register
class MediatePage(StepPage):
    step = Step.MEDIATE
    title = "Mediation session record"
    intro = ("One record per session. A private session needs the request or consent "
             "of a party behind it.")

    def build(self) -> None:
        self.records = _RecordList()
        self.body.addWidget(self.records)
        self.body.addWidget(heading(tr("New session record")))
        form = QFormLayout()
        self.body.addLayout(form)
        self.held_at = datetime_edit()
        self.field("held_at", self.held_at, "Time *", form)
        self.place = _text()
        self.field("place", self.place, "Place *", form)
        self.subject = _text()
        self.field("subject", self.subject, "Matter *", form)
        self.participants = _text()
        self.field("participants", self.participants, "Others present", form)
        self.public = QComboBox()
        self.public.addItems([tr("Public session"), tr("Private session")])
        self.field("is_public", self.public, "Session", form)
        self.consent = _text(True, 2)
        self.field("privacy_consent", self.consent, "Who asked for or agreed to privacy", form)
        self.statements_form = QFormLayout()
        self.body.addLayout(self.statements_form)
        self.statements: dict[str, QPlainTextEdit] = {}
        form2 = QFormLayout()
        self.body.addLayout(form2)
        self.evidence = _text(True)
        self.field("evidence", self.evidence, "Evidence checked", form2)
        self.risk = _text(True)
        self.field("risk_warning", self.risk, "Risks explained", form2)
        self.result = _text(True)
        self.field("result", self.result, "Result *", form2)
        self.recorder = _text()
        self.field("recorder", self.recorder, "Recorder *", form2)
        self.signed = WrapCheckBox(tr("Read back and signed by the parties, mediator and recorder"))
        self.kept["signed"] = self.signed
        self.body.addWidget(self.signed)
        self.session_mode = QPushButton(tr("Session mode (large type for the parties)"))
        self.session_mode.setObjectName("session_mode")
        self.body.addWidget(self.session_mode)
        self.save_button("Save session record")

    def fill(self, ov: CaseOverview) -> None:
        default_to_studio_now(self.held_at, ov.time_zone)
        lines = [f"{r.held_at:%Y-%m-%d %H:%M}  {r.place}  "
                 + (tr("public") if r.is_public else tr("private")) + "  "
                 + (tr("signed") if r.signed_on else tr("not signed"))
                 for r in ov.sessions]
        self.records.setText("\n".join(lines) or tr("No session record yet."))
        if set(self.statements) != {p.id for p in ov.principals}:
            _clear_layout(self.statements_form)
            self.statements = {}
            for i, p in enumerate(ov.principals):
                edit = _text(True, 3)
                self.statements[p.id] = edit
                self.field(f"statements[{i}]", edit, "Statement", self.statements_form)
                label = self.statements_form.labelForField(self.fields[f"statements[{i}]"])
                if isinstance(label, QLabel):
                    label.setText(tr("Statement of %1").replace(
                        "%1", f"{labels.party(p)} {p.name}"))
        if not self.recorder.text():
            self.recorder.setText(ov.mediator_name)
        if not self.subject.text():
            self.subject.setText(ov.summary[:60])

    def restore_defaults(self) -> None:
        for w in (self.evidence, self.risk, self.result, self.consent, *self.statements.values()):
            w.clear()
        self.signed.setChecked(False)

    def submit(self) -> Callable[[], Any]:
        assert self.overview is not None
        cid, today = self.overview.id, self.ctx.today()
        inp = SessionInput(
            from_qdatetime(self.held_at.dateTime()), self.place.text(), self.subject.text(),
            self.participants.text(), self.public.currentIndex() == 0,
            self.consent.toPlainText(),
            tuple((pid, e.toPlainText()) for pid, e in self.statements.items()),
            self.evidence.toPlainText(), self.risk.toPlainText(), self.result.toPlainText(),
            self.recorder.text(), self.signed.isChecked())
        return lambda: self.ctx.workflow.records.add_session(cid, inp, today=today)

    def _done(self, result: Any) -> None:
        self.restore_defaults()
        super()._done(result)
