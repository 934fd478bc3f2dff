"""定稿 — finalising an agreement, step by step, with the draft always in view.

Proofread (terminology warnings acknowledged one by one) → each party signs on
the pad (or chooses 按指印 for the paper copy) → the mediator signs → the 记录人
signs when the agreement names a separate recorder (the 记录人 line is printed only
then, and an unsigned line on a final agreement would be a defect) → the studio
head approves and the seal is applied → the studio key signs the PDF.  The
other way, 纸质签署: print the copies, have them signed on paper, scan the
signed original back and mark it received.

Every step is one call of :class:`~mediator.services.documents.AgreementSigning`
on the task runner; a refusal (no seal, a missing signature, an unprintable
character) is shown in the dialog in plain words, the step stays where it was.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mediator.documents.model import Signature
from mediator.errors import MediatorError
from mediator.safe_input import read_capped
from mediator.services.documents import AgreementSigning, FinaliseState, ProofreadReport
from mediator.services.documents.finalise import MAX_SCAN_BYTES
from mediator.services.workspace import Workspace
from mediator.ui import labels, theme
from mediator.ui.documents.preview import PdfPreview, ask_and_print
from mediator.ui.documents.seal_dialog import SealImportDialog
from mediator.ui.documents.signature_pad import SignaturePad, SignaturePadDialog
from mediator.ui.errors import show_error
from mediator.ui.screen_fit import fit_to_screen, scrolling
from mediator.ui.tasks import TaskRunner
from mediator.ui.theme import Role, mark

STEPS = ("proofread", "sign_parties", "sign_mediator", "sign_recorder", "approve", "done")
PAGE_PAPER = "paper"


def _heading(text: str) -> QLabel:
    label = mark(QLabel(text), Role.SECTION)
    label.setWordWrap(True)
    return label


class FinaliseAgreementDialog(QDialog):
    """Walks one agreement from draft to a final, digitally signed PDF."""

    finalised = Signal(str)  # agreement id, once final (signed or original received)

    def __init__(self, workspace: Workspace, runner: TaskRunner, agreement_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = workspace
        self._runner = runner
        self._id = agreement_id
        self._signing = AgreementSigning(workspace)
        self.state: FinaliseState | None = None
        self.report: ProofreadReport | None = None
        self._current_party: str | None = None
        self.setWindowTitle(self.tr("Finalise the agreement"))
        fit_to_screen(self, 1180, 780)  # at most the screen: the buttons stay on it

        self.rail = QLabel()
        self.rail.setTextFormat(Qt.TextFormat.RichText)
        self.rail.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        mark(self.message, Role.ERROR)
        self.message.setAccessibleName(self.tr("Problem"))
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        for name, build in (("proofread", self._build_proofread),
                            ("sign_parties", self._build_parties),
                            ("sign_mediator", self._build_mediator),
                            ("sign_recorder", self._build_recorder),
                            ("approve", self._build_approve),
                            ("done", self._build_done),
                            (PAGE_PAPER, self._build_paper)):
            page = build()
            self.pages[name] = page
            self.stack.addWidget(page)
        self.preview = PdfPreview()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.rail)
        left_layout.addWidget(scrolling(self.stack), 1)
        left_layout.addWidget(self.message)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self.refresh()

    # ------------------------------------------------------------------ pages
    def _build_proofread(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.addWidget(_heading(self.tr("Step 1: proofread the agreement")))
        intro = QLabel(self.tr(
            "Words that are often confused in agreements are listed below. Read each note, "
            "correct the agreement if the other word was meant, or tick it to confirm the "
            "word is right."))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.issues = QListWidget()
        self.issues.setWordWrap(True)
        self.issues.setAccessibleName(self.tr("Terminology notes"))
        lay.addWidget(self.issues, 1)
        self.no_issues = QLabel(self.tr("No terminology notes: the wording looks right."))
        lay.addWidget(self.no_issues)
        # Words the mediator confirmed on the outcome form are not asked again here.
        self.confirmed_note = QLabel()
        self.confirmed_note.setWordWrap(True)
        lay.addWidget(self.confirmed_note)
        self.confirm_proofread = QPushButton(self.tr("Confirm the proofreading"))
        mark(self.confirm_proofread, Role.PRIMARY)  # each wizard page: one primary action
        self.confirm_proofread.clicked.connect(self._on_confirm_proofread)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.confirm_proofread)
        lay.addLayout(row)
        return page

    def _build_parties(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.addWidget(_heading(self.tr("Step 2: the parties sign")))
        self.signers = QListWidget()
        self.signers.setMaximumHeight(130)
        # A party's name may be 60 characters: the row wraps rather than eliding it.
        self.signers.setWordWrap(True)
        self.signers.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.signers.setAccessibleName(self.tr("Parties"))
        self.signers.currentRowChanged.connect(self._on_signer_selected)
        lay.addWidget(self.signers)
        self.party_prompt = QLabel()
        self.party_prompt.setWordWrap(True)
        lay.addWidget(self.party_prompt)
        self.party_pad = SignaturePad()
        lay.addWidget(self.party_pad, 1)
        row = QHBoxLayout()
        clear = QPushButton(self.tr("Clear"))
        clear.clicked.connect(self.party_pad.clear)
        full = QPushButton(self.tr("Full screen"))
        full.setToolTip(self.tr("Show the pad on the whole screen, for a tablet"))
        full.clicked.connect(lambda: self._full_screen(self.party_pad, self.party_prompt.text()))
        self.thumb_button = QPushButton(self.tr("Thumbprint on paper"))
        self.thumb_button.setToolTip(self.tr(
            "The party will press a thumbprint on the printed copy instead of signing here"))
        self.thumb_button.clicked.connect(self._on_thumbprint)
        self.party_sign_button = QPushButton(self.tr("Save signature"))
        mark(self.party_sign_button, Role.PRIMARY)
        self.party_sign_button.setDefault(True)
        self.party_sign_button.clicked.connect(self._on_party_sign)
        for b in (clear, full, self.thumb_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.party_sign_button)
        lay.addLayout(row)
        paper = QPushButton(self.tr("Sign on paper instead…"))
        paper.clicked.connect(lambda: self._show_page(PAGE_PAPER))
        lay.addWidget(paper, 0, Qt.AlignmentFlag.AlignLeft)
        return page

    def _pad_page(self, heading: str, full_title: str, save: Callable[[], None]
                  ) -> tuple[QWidget, QLabel, SignaturePad, QPushButton]:
        """A page where one person signs on the pad: heading, prompt, pad, buttons."""
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.addWidget(_heading(heading))
        prompt = QLabel()
        prompt.setWordWrap(True)
        lay.addWidget(prompt)
        pad = SignaturePad()
        lay.addWidget(pad, 1)
        row = QHBoxLayout()
        clear = QPushButton(self.tr("Clear"))
        clear.clicked.connect(pad.clear)
        full = QPushButton(self.tr("Full screen"))
        full.clicked.connect(lambda: self._full_screen(pad, full_title))
        sign = mark(QPushButton(self.tr("Save signature")), Role.PRIMARY)
        sign.clicked.connect(save)
        row.addWidget(clear)
        row.addWidget(full)
        row.addStretch(1)
        row.addWidget(sign)
        lay.addLayout(row)
        return page, prompt, pad, sign

    def _build_mediator(self) -> QWidget:
        page, self.mediator_prompt, self.mediator_pad, self.mediator_sign_button = \
            self._pad_page(self.tr("Step 3: the mediator signs"),
                           self.tr("Mediator's signature"), self._on_mediator_sign)
        self.mediator_prompt.setText(self.tr("Every party has signed. The mediator signs now."))
        return page

    def _build_recorder(self) -> QWidget:
        page, self.recorder_prompt, self.recorder_pad, self.recorder_sign_button = \
            self._pad_page(self.tr("Step 4: the recorder signs"),
                           self.tr("Recorder's signature"), self._on_recorder_sign)
        self.recorder_sign_button.setDefault(True)
        self.recorder_paper_button = QPushButton(self.tr("The recorder signs the printed copies"))
        self.recorder_paper_button.setToolTip(self.tr(
            "The recorder's line is printed empty and signed by hand on every copy"))
        self.recorder_paper_button.clicked.connect(self._on_recorder_on_paper)
        layout = page.layout()
        assert layout is not None
        layout.addWidget(self.recorder_paper_button)
        return page

    def _build_approve(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        self.approve_heading = _heading(self.tr("Step 4: the studio head approves and seals"))
        lay.addWidget(self.approve_heading)
        self.approve_info = QLabel()
        self.approve_info.setWordWrap(True)
        lay.addWidget(self.approve_info)
        self.import_seal_button = QPushButton(self.tr("Import the seal…"))
        self.import_seal_button.clicked.connect(self._on_import_seal)
        lay.addWidget(self.import_seal_button, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addStretch(1)
        self.approve_button = QPushButton(self.tr("Approve, seal and sign digitally"))
        mark(self.approve_button, Role.PRIMARY)
        self.approve_button.setDefault(True)
        self.approve_button.clicked.connect(self._on_approve)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.approve_button)
        lay.addLayout(row)
        return page

    def _build_done(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.addWidget(_heading(self.tr("The agreement is final")))
        self.done_info = QLabel()
        self.done_info.setWordWrap(True)
        lay.addWidget(self.done_info)
        lay.addStretch(1)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.clicked.connect(self._on_print)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.print_button)
        lay.addLayout(row)
        return page

    def _build_paper(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.addWidget(_heading(self.tr("Signing on paper")))
        info = QLabel(self.tr(
            "1. Print the copies (one for each party and one for the committee) and have "
            "them signed or thumbprinted and sealed.\n2. Scan the signed original and mark "
            "it received. The agreement takes effect on the day of the last signature or "
            "the seal; the 30 days for judicial confirmation start then."))
        info.setWordWrap(True)
        lay.addWidget(info)
        self.print_unsigned_button = QPushButton(self.tr("Print copies for signing…"))
        self.print_unsigned_button.clicked.connect(self._on_print_unsigned)
        lay.addWidget(self.print_unsigned_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.effective_date = QDateEdit(QDate.currentDate())
        self.effective_date.setCalendarPopup(True)
        self.effective_date.setMaximumDate(QDate.currentDate())
        self.effective_date.setDisplayFormat("yyyy-MM-dd")
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Signed and sealed on:")))
        row.addWidget(self.effective_date)
        row.addStretch(1)
        lay.addLayout(row)
        self.receive_button = QPushButton(self.tr("Original received: choose the scan…"))
        mark(self.receive_button, Role.PRIMARY)
        self.receive_button.clicked.connect(self._on_receive)
        lay.addWidget(self.receive_button, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addStretch(1)
        back = QPushButton(self.tr("Back to signing on screen"))
        back.clicked.connect(self.refresh)
        lay.addWidget(back, 0, Qt.AlignmentFlag.AlignLeft)
        return page

    # ------------------------------------------------------------------ flow
    def _call(self, fn: Callable[[], Any], then: Callable[[Any], None] | None = None) -> None:
        """Run a service call on the worker; refusals appear in the dialog."""
        self.message.clear()
        self.setEnabled(False)

        def done(result: Any) -> None:
            if not shiboken6.isValid(self):
                return  # closed with its case while the worker was busy
            self.setEnabled(True)
            if then is not None:
                then(result)

        def failed(exc: BaseException) -> None:
            if not shiboken6.isValid(self):
                return
            self.setEnabled(True)
            if isinstance(exc, MediatorError):
                self.message.setText(exc.message)
            else:
                show_error(self, exc)

        self._runner.run(fn, done, failed)

    def refresh(self) -> None:
        """Reload the state, the proofreading notes and the preview; show the next step."""
        def load() -> tuple[FinaliseState, ProofreadReport | None, bytes]:
            state = self._signing.state(self._id)
            report = self._signing.proofread(self._id) if not state.final else None
            return state, report, self._signing.preview(self._id)

        self._call(load, self._loaded)

    def _loaded(self, result: tuple[FinaliseState, ProofreadReport | None, bytes]) -> None:
        self.state, self.report, pdf = result
        self.preview.set_pdf(pdf)
        if self.state.text_changed:
            self.message.setText(self.tr(
                "The agreement was changed after signatures were collected; those "
                "signatures no longer count. Proofread and sign again."))
        self._fill_proofread()
        self._fill_signers()
        self._fill_approve()
        self._fill_done()
        self._fill_recorder()
        self._show_page(self._next_page(self.state))

    @staticmethod
    def _next_page(state: FinaliseState) -> str:
        """The service's next step (the recorder's signature before the approval when
        the agreement names a separate 记录人); approving and finalising are one page."""
        return state.step if state.step != "finalise" else "approve"

    def _show_page(self, name: str) -> None:
        self.stack.setCurrentWidget(self.pages[name])
        steps = [s for s in STEPS
                 if s != "sign_recorder" or (self.state is not None and self.state.recorder)]
        titles = {"proofread": self.tr("Proofread"), "sign_parties": self.tr("Parties sign"),
                  "sign_mediator": self.tr("Mediator signs"),
                  "sign_recorder": self.tr("Recorder signs"),
                  "approve": self.tr("Head approves and seals"), "done": self.tr("Signed")}
        labels = [titles[s] for s in steps]
        current = steps.index(name) if name in steps else 1
        parts = []
        colours = theme.current().palette
        for i, label in enumerate(labels):
            text = f"{i + 1}. {label}"
            if i == current:
                text = f"<b style='color:{colours.accent}'>{text}</b>"
            elif i < current:
                text = f"<span style='color:{colours.success}'>✓ {text}</span>"
            parts.append(text)
        self.rail.setText(" › ".join(parts))

    # proofread
    def _fill_proofread(self) -> None:
        self.issues.clear()
        report = self.report
        if report is None:
            return
        where_labels = {"facts": self.tr("Facts"), "performance": self.tr("Performance")}
        for issue in report.issues:
            where = self.tr("Term %1").replace("%1", str(issue.index)) \
                if issue.where == "term" else where_labels.get(issue.where, issue.where)
            text = (f"{where}：“{issue.matched}” — {issue.excerpt}\n"
                    f"{labels.term_advice(issue.code, issue.advice)}")
            item = QListWidgetItem(text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, issue.code)
            self.issues.addItem(item)
        self.issues.setVisible(bool(report.issues))
        self.no_issues.setVisible(not report.issues)
        self.confirmed_note.setText(self.tr(
            "%1 wording notes were already confirmed on the outcome form and are not asked "
            "again.").replace("%1", str(len(report.confirmed))) if report.confirmed else "")
        self.confirmed_note.setVisible(bool(report.confirmed))
        if report.undrawable:
            self.message.setText(self.tr(
                "These characters cannot be printed with the bundled fonts: %1. "
                "Change them in the agreement first.").replace("%1", report.undrawable_text))

    def acknowledged(self) -> set[str]:
        codes = set()
        for i in range(self.issues.count()):
            item = self.issues.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                codes.add(str(item.data(Qt.ItemDataRole.UserRole)))
        return codes

    def _on_confirm_proofread(self) -> None:
        report = self.report
        if report is not None:
            all_codes = {i.code for i in report.issues}
            # A code counts as confirmed only when every one of its notes is ticked.
            unticked = {str(self.issues.item(i).data(Qt.ItemDataRole.UserRole))
                        for i in range(self.issues.count())
                        if self.issues.item(i).checkState() != Qt.CheckState.Checked}
            codes = all_codes - unticked
        else:
            codes = set()
        self._call(lambda: self._signing.confirm_proofread(self._id, codes),
                   lambda _: self.refresh())

    # parties
    def _fill_signers(self) -> None:
        state = self.state
        if state is None:
            return
        self.signers.blockSignals(True)
        self.signers.clear()
        next_row = -1
        for row, s in enumerate(state.signers):
            mark = self.tr("thumbprint on paper") if s.thumbprint else (
                self.tr("signed") if s.signed else self.tr("waiting"))
            item = QListWidgetItem(f"{s.position}. {s.role} {s.name}  —  {mark}")
            item.setData(Qt.ItemDataRole.UserRole, s.party_id)
            self.signers.addItem(item)
            if next_row < 0 and not s.signed:
                next_row = row
        self.signers.blockSignals(False)
        self.signers.setCurrentRow(next_row if next_row >= 0 else 0)
        self._on_signer_selected(self.signers.currentRow())

    def _on_signer_selected(self, row: int) -> None:
        if self.state is None or not 0 <= row < len(self.state.signers):
            return
        s = self.state.signers[row]
        self._current_party = s.party_id
        if s.organisation:
            prompt = self.tr("%1 %2: the representative signs here; the company seal goes on "
                             "the paper copy.")
        else:
            prompt = self.tr("%1 %2, please sign in the box below.")
        self.party_prompt.setText(prompt.replace("%1", s.role).replace("%2", s.name))
        self.party_pad.clear()

    def _full_screen(self, pad: SignaturePad, who: str) -> None:
        dialog = SignaturePadDialog(who, pad.strokes(), self)
        dialog.setWindowState(Qt.WindowState.WindowFullScreen)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            pad.set_strokes(dialog.strokes())

    def _on_party_sign(self) -> None:
        party = self._current_party
        if party is None:
            return
        if self.party_pad.is_empty():
            self.message.setText(self.tr("The pad is empty: sign first, or choose "
                                         "thumbprint on paper."))
            return
        sig = self.party_pad.signature()
        self._call(lambda: self._signing.sign_party(self._id, party, sig),
                   lambda _: self.refresh())

    def _on_thumbprint(self) -> None:
        party = self._current_party
        if party is None:
            return
        self._call(lambda: self._signing.sign_party(self._id, party, Signature(thumbprint=True)),
                   lambda _: self.refresh())

    # mediator
    def _on_mediator_sign(self) -> None:
        if self.mediator_pad.is_empty():
            self.message.setText(self.tr("The pad is empty: the mediator signs first."))
            return
        sig = self.mediator_pad.signature()
        self._call(lambda: self._signing.sign_mediator(self._id, sig), lambda _: self.refresh())

    # recorder
    def _fill_recorder(self) -> None:
        state = self.state
        if state is None:
            return
        # The approval is the fifth step when the recorder signs as the fourth.
        self.approve_heading.setText(
            self.tr("Step 5: the studio head approves and seals") if state.recorder
            else self.tr("Step 4: the studio head approves and seals"))
        if not state.recorder:
            return
        self.recorder_prompt.setText(self.tr(
            "The mediator has signed. The recorder, %1, signs in the box below.").replace(
            "%1", state.recorder))
        self.recorder_pad.clear()

    def _on_recorder_on_paper(self) -> None:
        self._call(lambda: self._signing.recorder_signs_on_paper(self._id),
                   lambda _: self.refresh())

    def _on_recorder_sign(self) -> None:
        if self.recorder_pad.is_empty():
            self.message.setText(self.tr("The pad is empty: the recorder signs first."))
            return
        sig = self.recorder_pad.signature()
        self._call(lambda: self._signing.sign_recorder(self._id, sig), lambda _: self.refresh())

    # approve
    def _fill_approve(self) -> None:
        state = self.state
        if state is None:
            return
        lines = []
        if state.has_seal:
            lines.append(self.tr("The committee seal will be placed over the committee's "
                                 "name, then the studio's digital signature is added. After "
                                 "that the agreement cannot be changed; a change needs an "
                                 "addendum."))
        else:
            lines.append(self.tr("No committee seal has been imported: the agreement cannot "
                                 "be finalised. The studio head imports the seal first."))
        if not state.is_head:
            lines.append(self.tr("Only the studio head can approve and seal the agreement."))
        self.approve_info.setText("\n\n".join(lines))
        self.import_seal_button.setVisible(state.is_head)
        self.approve_button.setEnabled(state.is_head)

    def _on_import_seal(self) -> None:
        dialog = SealImportDialog(self._ws, self._runner, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def _on_approve(self) -> None:
        def work() -> Any:
            state = self._signing.state(self._id)
            if not state.approved:
                self._signing.approve(self._id)
            return self._signing.finalise(self._id)

        def done(_: Any) -> None:
            self.finalised.emit(self._id)
            self.refresh()

        self._call(work, done)

    # done
    def _fill_done(self) -> None:
        state = self.state
        if state is None or not state.final:
            return
        effective = state.effective_on
        deadline = state.confirmation_deadline
        if state.signed_blob:
            first = self.tr("Signed by every party, the mediator and sealed; digitally signed "
                            "with the studio's key.")
        else:
            first = self.tr("The original signed on paper was received and stored.")
        text = first
        if effective and deadline:
            text += "\n" + self.tr("In force since %1. The parties may apply jointly for "
                                   "judicial confirmation until %2.").replace(
                "%1", effective.isoformat()).replace("%2", deadline.isoformat())
        self.done_info.setText(text)

    def _on_print(self) -> None:
        if self.state is None:
            return
        ask_and_print(self.preview.data, self.state.copies, self)

    # paper
    def _on_print_unsigned(self) -> None:
        state = self.state
        copies = state.copies if state else 1
        def ask(pdf: bytes) -> None:
            ask_and_print(pdf, copies, self)

        self._call(lambda: self._signing.print_unsigned(self._id), ask)

    def _on_receive(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the scan of the signed original"), "",
            self.tr("Scans (*.pdf *.png *.jpg *.jpeg)"))
        if name:
            on = self.effective_date.date()
            self.receive_scan(Path(name), dt.date(on.year(), on.month(), on.day()))

    def receive_scan(self, path: Path, on: dt.date) -> None:
        """Store ``path`` as the signed original (the scan chooser's second half)."""
        mime = {"pdf": "application/pdf", "png": "image/png", "jpg": "image/jpeg",
                "jpeg": "image/jpeg"}.get(path.suffix.lower().lstrip("."),
                                          "application/octet-stream")

        def work() -> str:
            data = read_capped(path, MAX_SCAN_BYTES, "扫描件")  # a FIFO or 2 GB: refused
            return self._signing.receive_original(self._id, data, filename=path.name, mime=mime,
                                                  effective_on=on)

        def done(_: Any) -> None:
            self.finalised.emit(self._id)
            self.refresh()

        self._call(work, done)
