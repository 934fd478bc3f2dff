"""结果: the agreement (written or oral) with the clause library, terminology check and
signatures, or the end of mediation with its reason and the routes explained."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mediator.domain.findings import Step
from mediator.domain.money import parse_amount
from mediator.domain.status import CaseStatus
from mediator.domain.term_parties import obligor_mention
from mediator.errors import ValidationError
from mediator.services.workflow.dto import (
    LEGAL_ROUTES_ZH,
    AgreementInput,
    CaseOverview,
    ObligationInput,
    SignatureInput,
    TerminationInput,
    TermWarningView,
)
from mediator.ui import labels
from mediator.ui.theme import Role, current, mark

from .closing_facts import ClosingFacts
from .common import (
    WrapCheckBox,
    add_choice,
    date_edit,
    from_qdate,
    full_choice_label,
    heading,
    muted,
    to_qdate,
    tr,
    yuan,
)
from .forms_intake import _clear_layout, _text
from .outcome_terms import facts_from_registration, placeholder_problems, term_parties
from .pages import StepPage, register

KINDS = ("written", "oral", "failed")


class _ObligationRow(QWidget):
    """One performance item: what, by whom (义务人), how much, by when.

    Until the mediator picks the obligor himself (``chosen``), it follows the party
    the item's text names, or the party its term names: never simply the first."""

    def __init__(self, parties: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chosen = False
        # Three lines: what is to be done, by whom, how much and by when.  On one line
        # at 特大 the amount and the text got 60-110 px each, and a party's long name in
        # the combo made the form wider than the step page.
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, current().space("group"))  # apart from the next
        self.description = QLineEdit()
        self.description.setPlaceholderText(tr("What is to be done"))
        self.obligor = QComboBox()
        # The combo does not ask for its longest name's width (a 60-character
        # organisation), nor cut it: its items are short (role and the name's start)
        # and the chosen party's whole name is shown beneath.
        self.obligor.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.obligor.setMinimumContentsLength(8)
        for pid, label in parties:
            add_choice(self.obligor, label, pid)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(tr("Amount (yuan)"))
        self.due = date_edit(dt.date.today() + dt.timedelta(days=14))
        grid.addWidget(self.description, 0, 0, 1, 2)
        grid.addWidget(self.obligor, 1, 0, 1, 2)
        grid.addWidget(full_choice_label(self.obligor, self), 2, 0, 1, 2)
        grid.addWidget(self.amount, 3, 0)
        grid.addWidget(self.due, 3, 1)
        grid.setColumnStretch(0, 1)
        self.obligor.activated.connect(self._picked)  # the user's choice, not ours

    def _picked(self, *_a: object) -> None:
        self.chosen = True

    def suggest(self, party_id: str | None) -> None:
        """Show ``party_id`` as the obligor unless the mediator chose one himself."""
        idx = self.obligor.findData(party_id) if party_id else -1
        if not self.chosen and idx >= 0:
            self.obligor.setCurrentIndex(idx)


@register
class OutcomePage(StepPage):
    step = Step.OUTCOME
    finalise_requested = Signal(str)  # agreement id: open the finalisation (documents)
    title = "Outcome"
    intro = ("A written agreement, an oral agreement registered by the mediator, or the end "
             "of mediation with its reason and the legal routes the parties were told of.")

    def build(self) -> None:
        form = QFormLayout()
        self.body.addLayout(form)
        self.kind = QComboBox()
        self.kind.addItems([tr("Written agreement"), tr("Oral agreement"),
                            tr("Mediation failed or ended")])
        self.field("kind", self.kind, "Outcome", form)
        self.kind.currentIndexChanged.connect(self._show_kind)
        # 本案统计情况: people, amount, what it prevented, the grade (saved with the page).
        self.case_facts = ClosingFacts(self.ctx.workflow, self.ctx.runner)
        self.fields |= self.case_facts.boxes  # a refused save's messages go beside them
        self.body.addWidget(self.case_facts)

        self.agreement_box = QWidget()
        a = QVBoxLayout(self.agreement_box)
        a.setContentsMargins(0, 0, 0, 0)
        af = QFormLayout()
        a.addLayout(af)
        self.reached_on = date_edit()
        self.field("reached_on", self.reached_on, "Agreed on *", af)
        self.facts = _text(True, 4)
        self.field("facts", self.facts, "Main facts and disputed matters *", af)
        a.addWidget(heading(tr("Terms agreed")))
        # The library's name above its combo and button: on one line at 特大 (English)
        # the three asked 760 px, wider than the step page at 1366×768.
        a.addWidget(QLabel(tr("Clause library")))
        clause_row = QHBoxLayout()
        self.clauses = QComboBox()
        self.clauses.setObjectName("clauses")
        clause_row.addWidget(self.clauses, 1)
        insert = QPushButton(tr("Insert clause"))
        insert.setObjectName("insert_clause")
        insert.clicked.connect(self.insert_clause)
        clause_row.addWidget(insert)
        a.addLayout(clause_row)
        self.terms_layout = QFormLayout()
        a.addLayout(self.terms_layout)
        self.terms: list[QPlainTextEdit] = []
        add_term = QPushButton(tr("Add a term"))
        add_term.clicked.connect(lambda: self.add_term(""))
        a.addWidget(add_term)
        pf = QFormLayout()
        a.addLayout(pf)
        self.method = _text(True, 2)
        self.field("performance_method", self.method, "How and by when it is performed *", pf)
        self.amount = QLineEdit()
        self.field("amount", self.amount, "Amount involved (yuan)", pf)
        # A separate 记录人 signs the agreement too.  No placeholder: the label already
        # says to leave it empty, and the hint was longer than the field at 特大.
        self.recorder = QLineEdit()
        self.field("recorder", self.recorder, "Recorder, if not the mediator", pf)
        self.copies = QLabel()
        self.copies.setWordWrap(True)  # one line asked 520 px at 特大: wider than the page
        pf.addRow(tr("Copies"), self.copies)
        a.addWidget(heading(tr("Performance items")))
        self.obligations_layout = QVBoxLayout()
        a.addLayout(self.obligations_layout)
        self.obligation_rows: list[_ObligationRow] = []
        self.fields["obligations"] = self.field("obligations", QLabel(""), "", a)
        add_ob = QPushButton(tr("Add a performance item"))
        add_ob.clicked.connect(self.add_obligation)
        a.addWidget(add_ob)
        buttons = QHBoxLayout()
        self.save_draft = QPushButton(tr("Save agreement draft"))
        self.save_draft.setObjectName("save_outcome")
        self.save_draft.clicked.connect(self.save)
        self.check_button = QPushButton(tr("Check wording"))
        self.check_button.setObjectName("check_terms")
        self.check_button.clicked.connect(self.check_wording)
        buttons.addStretch(1)
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.save_draft)
        a.addLayout(buttons)
        self.warnings_box = QGroupBox(tr("Wording check"))
        self.warnings_layout = QVBoxLayout(self.warnings_box)
        self.warning_checks: dict[tuple[str, int], QCheckBox] = {}  # (rule, term index)
        self._checked_terms: list[str] = []  # the terms' text as the check saw it
        self.warnings_box.hide()
        a.addWidget(self.warnings_box)

        sig = QGroupBox(tr("Signatures"))
        self.sig_layout = QVBoxLayout(sig)
        self.finalise_button = QPushButton(tr("Sign on screen and finalise…"))
        mark(self.finalise_button, Role.PRIMARY)  # 定稿: the step's one primary action
        self.finalise_button.setObjectName("finalise_on_screen")
        self.finalise_button.setToolTip(tr("Proofread, the parties and the mediator sign on "
                                           "screen, the head approves and seals: the signed PDF"))
        self.finalise_button.clicked.connect(self._finalise_clicked)
        self.sig_layout.addWidget(self.finalise_button)
        self.sig_layout.addWidget(muted(tr("Signed on paper instead? Tick who signed:")))
        self.signers: dict[str, QCheckBox] = {}
        self.signer_rows = QVBoxLayout()
        self.sig_layout.addLayout(self.signer_rows)
        self.mediator_signed = WrapCheckBox(tr("Mediator signed"))
        self.recorder_signed = WrapCheckBox(tr("Recorder signed"))
        self.sealed = WrapCheckBox(tr("Committee seal applied"))
        for cb in (self.mediator_signed, self.recorder_signed, self.sealed):
            self.sig_layout.addWidget(cb)
        sf = QFormLayout()
        self.completed_on = date_edit()
        self.field("completed_on", self.completed_on, "Signed and sealed on", sf)
        self.sig_layout.addLayout(sf)
        record = QPushButton(tr("Record signatures"))
        record.setObjectName("record_signatures")
        record.clicked.connect(self.record_signatures)
        self.sig_layout.addWidget(record)
        a.addWidget(sig)
        self.conclude_button = QPushButton(tr("Mediation succeeded: conclude with this agreement"))
        self.conclude_button.setObjectName("conclude")
        self.conclude_button.clicked.connect(self.conclude)
        a.addWidget(self.conclude_button)
        self.body.addWidget(self.agreement_box)

        self.failed_box = QGroupBox(tr("End of mediation"))
        ff = QFormLayout(self.failed_box)
        self.ended_on = date_edit()
        self.field("termination.on", self.ended_on, "Ended on *", ff)
        self.reason = _text(True, 3)
        self.field("termination.reason", self.reason, "Reason *", ff)
        routes = QWidget()
        rl = QVBoxLayout(routes)
        rl.setContentsMargins(0, 0, 0, 0)
        self.routes: list[QCheckBox] = []
        for r in LEGAL_ROUTES_ZH:
            cb = WrapCheckBox(labels.legal_route(r))
            cb.setProperty("route", r)  # recorded in Chinese whatever the desk's language
            self.routes.append(cb)
            self.kept[f"route.{r}"] = cb
            rl.addWidget(cb)
        self.other_route = QLineEdit()
        self.other_route.setPlaceholderText(tr("Other route"))
        rl.addWidget(self.other_route)
        self.field("termination.routes", routes, "Routes explained *", ff)
        end = QPushButton(tr("End mediation"))
        end.setObjectName("terminate")
        end.clicked.connect(self.terminate)
        ff.addRow("", end)
        self.body.addWidget(self.failed_box)
        self._show_kind()

    # ------------------------------------------------------------------ layout
    def _show_kind(self, *_a: object) -> None:
        failed = KINDS[self.kind.currentIndex()] == "failed"
        self.agreement_box.setVisible(not failed)
        self.failed_box.setVisible(failed)

    def add_term(self, text: str) -> QPlainTextEdit:
        edit = _text(True, 2)
        assert isinstance(edit, QPlainTextEdit)
        edit.setPlainText(text)
        n = len(self.terms)
        self.terms.append(edit)
        self.field(f"terms[{n}]", edit, "Term", self.terms_layout)
        label = self.terms_layout.labelForField(self.fields[f"terms[{n}]"])
        if isinstance(label, QLabel):
            label.setText(tr("Term %1").replace("%1", str(n + 1)))
        self.fields.setdefault("terms", self.fields[f"terms[{n}]"])
        edit.textChanged.connect(self._suggest_obligors)
        return edit

    def add_obligation(self) -> _ObligationRow:
        ov = self.overview
        parties = [(p.id, f"{labels.party(p)} {p.name}")
                   for p in ov.principals] if ov else []
        row = _ObligationRow(parties)
        row.due.setDate(to_qdate(self.ctx.today() + dt.timedelta(days=14)))
        n = len(self.obligation_rows)
        self.obligation_rows.append(row)
        self.obligations_layout.addWidget(row)
        for name in ("description", "amount"):
            self.watch(getattr(row, name))
        self.fields[f"obligations[{n}]"] = self.fields["obligations"]
        row.description.textChanged.connect(self._suggest_obligors)
        self._suggest_obligors()
        return row

    def _suggest_obligors(self, *_a: object) -> None:
        """Each performance item's obligor follows the party its own text names, else
        the party its term (the one in the same place) names, else the last term that
        names one; a choice the mediator made himself stays."""
        parties = term_parties(self.overview)
        named = [obligor_mention(t.toPlainText(), parties) for t in self.terms]
        latest = next((pid for pid in reversed(named) if pid), None)
        for i, row in enumerate(self.obligation_rows):
            own = obligor_mention(row.description.text(), parties)
            row.suggest(own or (named[i] if i < len(named) and named[i] else latest))

    def insert_clause(self) -> None:
        text = self.clauses.currentData()
        if not text:
            return
        empty = next((t for t in self.terms if not t.toPlainText().strip()), None)
        (empty or self.add_term("")).setPlainText(text)

    # -------------------------------------------------------------------- load
    def fill(self, ov: CaseOverview) -> None:
        self.case_facts.set_read_only(ov.status is CaseStatus.ARCHIVED)
        if not self.case_facts.dirty or self.case_facts.case_id != ov.id:
            self.case_facts.load(ov.id)  # unsaved answers stay while another part saves
        self.clauses.clear()
        self.clauses.addItem(tr("Choose a clause…"), "")
        for code, title, text in self.ctx.workflow.agreement.clauses(ov.dispute_type,
                                                                      term_parties(ov)):
            self.clauses.addItem(labels.clause_title(code, title), text)
        n = len(ov.principals)
        self.copies.setText(tr("%1 copies: one per party and one for the committee")
                            .replace("%1", str(n + 1)))
        _clear_layout(self.signer_rows)
        self.signers = {}
        for p in ov.principals:
            cb = WrapCheckBox(tr("%1 signed, sealed or thumbprinted")
                              .replace("%1", f"{labels.party(p)} {p.name}"))
            self.signers[p.id] = cb
            self.signer_rows.addWidget(cb)
        a = ov.agreement
        if a is not None and not self.terms:
            self.kind.setCurrentIndex(KINDS.index(a.kind) if a.kind in KINDS else 0)
            if a.reached_on:
                self.reached_on.setDate(to_qdate(a.reached_on))
            self.facts.setPlainText(a.facts)
            for t in a.terms:
                self.add_term(t)
            self.method.setPlainText(a.performance_method)
            self.recorder.setText(a.recorder)
            self.amount.setText(yuan(a.amount_fen).replace(",", "") if a.amount_fen else "")
            for ob in a.obligations:
                row = self.add_obligation()
                row.description.setText(ob.description)
                idx = row.obligor.findData(ob.obligor_id)
                row.obligor.setCurrentIndex(max(idx, 0))
                row.chosen = idx >= 0  # as saved: the text no longer moves it
                row.amount.setText(yuan(ob.amount_fen).replace(",", "") if ob.amount_fen else "")
                if ob.due:
                    row.due.setDate(to_qdate(ob.due))
        # Only a separate 记录人 has a line to sign (none named: nothing to tick).
        self.recorder_signed.setVisible(bool(a and a.recorder.strip()))
        if a is not None:
            for pid, signer in self.signers.items():
                signer.setChecked(pid in a.signed_by)
            self.mediator_signed.setChecked(a.mediator_signed)
            self.recorder_signed.setChecked(a.recorder_signed)
            self.sealed.setChecked(a.sealed)
            if a.completed_on:
                self.completed_on.setDate(to_qdate(a.completed_on))
        if not self.facts.toPlainText().strip():  # the registered facts, to edit here
            self.facts.setPlainText(facts_from_registration(ov))
        if not self.terms:
            self.add_term("")
        if not self.obligation_rows:
            self.add_obligation()
        if ov.terminated_on:
            self.kind.setCurrentIndex(2)
            self.ended_on.setDate(to_qdate(ov.terminated_on))
            self.reason.setPlainText(ov.termination_reason)
        editable = ov.status in (CaseStatus.REGISTERED, CaseStatus.NOTIFIED,
                                 CaseStatus.INVESTIGATING, CaseStatus.MEDIATING)
        self.finalise_button.setEnabled(a is not None and not a.sealed)
        self.agreement_box.setEnabled(editable)
        self.failed_box.setEnabled(editable)
        self.kind.setEnabled(editable)
        self._show_kind()

    def payload(self) -> dict[str, Any]:
        data = super().payload()
        data["term_texts"] = [t.toPlainText() for t in self.terms]
        return data

    def restore(self, data: dict[str, Any]) -> None:
        super().restore(data)
        texts = data.get("term_texts") or []
        while len(self.terms) < len(texts):
            self.add_term("")
        for edit, text in zip(self.terms, texts, strict=False):
            edit.setPlainText(text)

    # ------------------------------------------------------------------ saving
    def check(self) -> list[tuple[str, str]]:
        problems = placeholder_problems([
            ("facts", self.facts.toPlainText()),
            *((f"terms[{i}]", t.toPlainText()) for i, t in enumerate(self.terms)),
            ("performance_method", self.method.toPlainText()),
            *((f"obligations[{i}]", r.description.text())
              for i, r in enumerate(self.obligation_rows))]) + self.case_facts.check()
        if self.amount.text().strip():
            try:
                parse_amount(self.amount.text(), field="amount", label="协议涉及金额")
            except ValidationError as exc:
                problems.append(("amount", exc.message))
        for i, row in enumerate(self.obligation_rows):
            if row.amount.text().strip():
                try:
                    parse_amount(row.amount.text(), label="履行金额")
                except ValidationError as exc:
                    problems.append((f"obligations[{i}]", exc.message))
        return problems

    def agreement_input(self) -> AgreementInput:
        def fen(text: str) -> int:
            return parse_amount(text) if text.strip() else 0

        obligations = tuple(
            ObligationInput(r.description.text(), r.obligor.currentData(), fen(r.amount.text()),
                            from_qdate(r.due.date()))
            for r in self.obligation_rows if r.description.text().strip())
        return AgreementInput(KINDS[self.kind.currentIndex()], from_qdate(self.reached_on.date()),
                              self.facts.toPlainText(),
                              tuple(t.toPlainText() for t in self.terms),
                              self.method.toPlainText(), fen(self.amount.text()), obligations,
                              recorder=self.recorder.text())

    def submit(self) -> Callable[[], Any]:
        assert self.overview is not None
        cid, today, inp = self.overview.id, self.ctx.today(), self.agreement_input()
        wf = self.ctx.workflow
        return self._with_facts(lambda: wf.agreement.save_draft(cid, inp, today=today))

    def done_message(self, result: Any) -> str:
        return tr("Agreement draft saved.")

    def check_wording(self) -> None:
        terms = [t.toPlainText() for t in self.terms]
        wf = self.ctx.workflow
        cid = self.overview.id if self.overview else None
        self._checked_terms = terms
        self.ctx.runner.run(lambda: wf.agreement.check_terms(terms, case_id=cid),
                            on_done=self._guard(self.show_warnings),
                            on_error=self._guard(self._failed))

    def show_warnings(self, warnings: list[TermWarningView]) -> None:
        """One line per flagged word, wrapped inside the form; a word confirmed earlier
        for the same text comes ticked, and every tick is remembered at once, so the
        finalise wizard does not ask it again."""
        _clear_layout(self.warnings_layout)
        self.warning_checks = {}
        self.warnings_box.show()
        if not warnings:
            self.warnings_layout.addWidget(muted(tr("No wording problem found.")))
        for w in warnings:
            text = (tr("Term %1").replace("%1", str(w.term_index + 1))
                    + f"“{w.matched}”：{labels.term_advice(w.code, w.advice)}")
            label = QLabel(text)
            label.setWordWrap(True)
            if not w.acknowledgeable:
                self.warnings_layout.addWidget(label)
                continue
            line = QWidget()
            row = QHBoxLayout(line)
            row.setContentsMargins(0, 0, 0, 0)
            cb = WrapCheckBox(tr("Meant as written"))
            cb.setChecked(w.confirmed)
            cb.setAccessibleDescription(text)
            row.addWidget(cb, 0, Qt.AlignmentFlag.AlignTop)
            row.addWidget(label, 1)
            self.warning_checks[(w.code, w.term_index)] = cb
            cb.toggled.connect(lambda on, w=w: self._confirm(w, on))
            self.warnings_layout.addWidget(line)

    def _confirm(self, w: TermWarningView, on: bool) -> None:
        """Remember (or withdraw) the confirmation for the term's text as checked."""
        if self.overview is None or w.term_index >= len(self._checked_terms):
            return
        cid, pair = self.overview.id, [(w.code, self._checked_terms[w.term_index])]
        wf = self.ctx.workflow
        self.ctx.runner.run(
            lambda: wf.agreement.confirm_terms(cid, pair if on else [], [] if on else pair),
            on_done=lambda _r: None, on_error=self._guard(self._failed))

    def _finalise_clicked(self) -> None:
        a = self.overview.agreement if self.overview else None
        if a is not None:
            self.finalise_requested.emit(a.id)

    def record_signatures(self) -> None:
        assert self.overview is not None
        self.clear_problems()
        cid, today = self.overview.id, self.ctx.today()
        inp = SignatureInput(frozenset(p for p, cb in self.signers.items() if cb.isChecked()),
                             self.mediator_signed.isChecked(), self.recorder_signed.isChecked(),
                             self.sealed.isChecked(), from_qdate(self.completed_on.date()))
        self.ctx.runner.run(
            lambda: self.ctx.workflow.agreement.record_signatures(cid, inp, today=today),
            on_done=self._guard(self._done), on_error=self._guard(self._failed))

    def conclude(self) -> None:
        """Proofread (the words confirmed as meant), then move the case to 调解成功."""
        assert self.overview is not None
        self.clear_problems()
        cid, today = self.overview.id, self.ctx.today()
        # A word counts as meant only when every place it was flagged is ticked.
        codes = {code for code, _i in self.warning_checks}
        acknowledged = [c for c in sorted(codes) if all(
            cb.isChecked() for (code, _i), cb in self.warning_checks.items() if code == c)]
        wf = self.ctx.workflow
        a = self.overview.agreement
        proofread = bool(a and a.proofread)

        def work() -> None:
            if not proofread:
                wf.agreement.mark_proofread(cid, acknowledged)
            wf.agreement.conclude(cid, today=today)

        self._run_with_facts(work)

    def terminate(self) -> None:
        assert self.overview is not None
        self.clear_problems()
        cid, today = self.overview.id, self.ctx.today()
        routes = tuple(str(cb.property("route")) for cb in self.routes if cb.isChecked())
        if self.other_route.text().strip():
            routes += (self.other_route.text(),)
        inp = TerminationInput(from_qdate(self.ended_on.date()), self.reason.toPlainText(), routes)
        wf = self.ctx.workflow
        self._run_with_facts(lambda: wf.outcome.terminate(cid, inp, today=today))

    # ------------------------------------------------------- statistics facts
    def _with_facts(self, work: Callable[[], Any]) -> Callable[[], Any]:
        """``work`` preceded by the save of the changed statistics facts, if any."""
        facts = self.case_facts.pending()
        if facts is None:
            return work

        def both() -> Any:
            facts()
            return work()
        return both

    def _run_with_facts(self, work: Callable[[], Any]) -> None:
        """Run an action of the page (the facts checked and saved first)."""
        found = self.case_facts.check()
        if found:
            self.show_problems(found)
            return
        self.ctx.runner.run(self._with_facts(work), on_done=self._guard(self._done),
                            on_error=self._guard(self._failed))
