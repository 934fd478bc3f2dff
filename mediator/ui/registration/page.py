"""受理登记 — the case registration page.

One task on one screen: the mediator types the dispute and its parties and
presses 保存登记.  Built like a Picard option page: :meth:`RegistrationPage.load`
fills it (catalogues, and a draft left from last time), :meth:`check` runs the
instant checks, :meth:`save` registers the case, :meth:`restore_defaults` empties
it.

Nothing typed may be lost: the whole form is saved as a draft
(``ws.drafts``, kind ``registration``) a couple of seconds after the last edit,
at the latest every :data:`AUTOSAVE_MAX_WAIT_S` seconds while typing goes on,
and whenever the page is hidden or the application quits.  The next time the
page opens the draft comes back with a notice.

All workspace calls run on the :class:`~mediator.ui.tasks.TaskRunner`'s worker;
their callbacks come back here on the GUI thread and are ignored if the page has
meanwhile been destroyed.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mediator.errors import ValidationError
from mediator.services.dto import CaseRef, RegistrationInput
from mediator.services.registration import REFERRAL_SOURCES
from mediator.ui import theme
from mediator.ui.errors import show_error
from mediator.ui.registration import checks
from mediator.ui.registration import problems as problems_on_page
from mediator.ui.registration.autosave import DRAFT_KEY, DRAFT_KIND, DraftKeeper, has_content
from mediator.ui.registration.banner import Banner
from mediator.ui.registration.facts import FactsGroup
from mediator.ui.registration.fields import (
    ERROR_COLOUR,
    MUTED_COLOUR,
    DateEdit,
    FieldBox,
    field_label,
    fill_catalogue,
    on_leave,
    select_code,
    set_text_colour,
    to_date,
    to_qdate,
)
from mediator.ui.registration.parties import PartiesEditor
from mediator.ui.registration.requests_list import RequestsEditor
from mediator.ui.theme import Role, mark

log = logging.getLogger(__name__)

DRAFT_VERSION = 1

class RegistrationPage(QWidget):
    """The 受理登记 form; emits :attr:`registered` (case id, 案号) after a save."""

    registered = Signal(str, str)

    def __init__(
        self,
        workspace: Any,
        runner: Any,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        draft_key: str = DRAFT_KEY,
        prefill: dict[str, Any] | None = None,
        register: Callable[[RegistrationInput], CaseRef] | None = None,
    ) -> None:
        """``draft_key``, ``prefill`` (a payload shown when there is no draft) and
        ``register`` (run on the worker) let another part reuse the form: a dispute
        found on a screening visit (mediator/ui/screening) is registered linked to it."""
        super().__init__(parent)
        self._ws = workspace
        self._prefill = prefill or {}
        self._register = register or workspace.cases.register
        self._runner = runner
        self._today = today
        self._loaded = False
        self._loading = False  # True while the form is filled by code, not by a person
        self._saving = False
        self._draft_failed = False

        self.drafts = DraftKeeper(workspace.drafts, runner, self.payload, self, key=draft_key)
        self.drafts.saved.connect(self._draft_saved)
        self.drafts.failed.connect(self._draft_not_saved)

        self._build()
        self._apply_spacing()
        self._connect()
        self._set_tab_order()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._on_quit)
        self._set_loading_state(True)

    # ============================================================== building
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)

        top = self._top = QVBoxLayout()
        title = mark(QLabel(self.tr("Register a case"), self), Role.TITLE)
        top.addWidget(title)
        note = self.tr("Fields marked * are required. What you type is kept as a draft.")
        hint = QLabel(note, self)
        hint.setWordWrap(True)
        set_text_colour(hint, MUTED_COLOUR)
        top.addWidget(hint)
        self.draft_banner = Banner(self)
        self.result_banner = Banner(self)
        top.addWidget(self.draft_banner)
        top.addWidget(self.result_banner)
        outer.addLayout(top)

        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.content = QWidget(self.scroll_area)
        self.scroll_area.setWidget(self.content)
        body = self._body = QVBoxLayout(self.content)
        self._build_basics(body)
        self._build_summary(body)
        body.addWidget(self._section_title(self.tr("Requests (numbered)")))
        self.requests = RequestsEditor(self.content)
        body.addWidget(self.requests)
        body.addWidget(self._section_title(self.tr("Parties")))
        self.parties = PartiesEditor(self._today, self.content)
        body.addWidget(self.parties)
        body.addWidget(self._section_title(self.tr("For the statistics")))
        self.facts = FactsGroup(self.parties, self.content)  # 涉及人数, 标的额, 群体性
        body.addWidget(self.facts)
        self.boxes.update(self.facts.boxes)
        body.addStretch(1)
        outer.addWidget(self.scroll_area, 1)

        bar = QFrame(self)
        bar.setFrameShape(QFrame.Shape.StyledPanel)
        bar_layout = self._bar_layout = QHBoxLayout(bar)
        self.draft_status = QLabel(bar)
        set_text_colour(self.draft_status, MUTED_COLOUR)
        bar_layout.addWidget(self.draft_status, 1)
        self.save_button = QPushButton(self.tr("Save registration"), bar)
        self.save_button.setDefault(True)
        self.save_button.setMinimumHeight(44)
        self.save_button.setMinimumWidth(180)
        mark(self.save_button, Role.PRIMARY)  # the page's one primary action
        bar_layout.addWidget(self.save_button)
        outer.addWidget(bar)

    def _apply_spacing(self) -> None:
        """Margins and gaps from the theme: they grow with the type size."""
        space = theme.current().space
        page, group, normal = space("page"), space("group"), space("normal")
        self._top.setContentsMargins(page, group, page, normal)
        self._top.setSpacing(normal)
        self._body.setContentsMargins(page, normal, page, page)
        self._body.setSpacing(normal + space("tight"))
        self._bar_layout.setContentsMargins(page, normal, page, normal)
        self._basics_grid.setHorizontalSpacing(group)
        self._basics_grid.setVerticalSpacing(normal)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # another type size
            self._apply_spacing()

    def _section_title(self, text: str) -> QLabel:
        label = mark(QLabel(text, self.content), Role.SECTION)
        label.setContentsMargins(0, 12, 0, 0)
        return label

    def _build_basics(self, body: QVBoxLayout) -> None:
        body.addWidget(self._section_title(self.tr("The dispute")))
        grid = self._basics_grid = QGridLayout()
        # The date keeps its own width; the combos take the rest (a long source such as
        # "Committee's own initiative" was cut at 特大 when the two shared it).
        grid.setColumnStretch(1, 1)
        self.dispute_type = QComboBox(self.content)
        self.source = QComboBox(self.content)
        for combo in (self.dispute_type, self.source):
            combo.setMinimumWidth(220)
        self.registered_on = DateEdit(self.content)
        self.registered_on.setCalendarPopup(True)
        self.registered_on.setDisplayFormat("yyyy-MM-dd")
        self.referral_note = QLineEdit(self.content)
        self.referral_note.setPlaceholderText(
            self.tr("Which court, police station or department referred it, and its reference")
        )
        self.boxes: dict[str, FieldBox] = {
            "dispute_type": FieldBox(self.dispute_type, self.content),
            "source": FieldBox(self.source, self.content),
            "registered_on": FieldBox(self.registered_on, self.content),
            "referral_note": FieldBox(self.referral_note, self.content),
        }
        b = self.boxes
        grid.addWidget(field_label(self.tr("Dispute type *"), self.dispute_type), 0, 0)
        grid.addWidget(b["dispute_type"], 0, 1, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(field_label(self.tr("Date registered *"), self.registered_on), 0, 2)
        grid.addWidget(b["registered_on"], 0, 3, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(field_label(self.tr("Case source *"), self.source), 1, 0)
        grid.addWidget(b["source"], 1, 1, Qt.AlignmentFlag.AlignTop)
        self.referral_label = field_label(self.tr("Referred by"), self.referral_note)
        grid.addWidget(self.referral_label, 2, 0)
        grid.addWidget(b["referral_note"], 2, 1, 1, 3)
        body.addLayout(grid)

    def _build_summary(self, body: QVBoxLayout) -> None:
        body.addWidget(self._section_title(self.tr("Brief account of the dispute *")))
        self.summary = QPlainTextEdit(self.content)
        self.summary.setTabChangesFocus(True)
        self.summary.setMinimumHeight(170)
        self.summary.setPlaceholderText(
            self.tr("Who, what happened, since when, what has been tried so far")
        )
        self.summary_count = QLabel(self.content)
        self.summary_count.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.boxes["summary"] = FieldBox(self.summary, self.content)
        body.addWidget(self.boxes["summary"])
        body.addWidget(self.summary_count)

    def _connect(self) -> None:
        for combo in (self.dispute_type, self.source):
            combo.currentIndexChanged.connect(self._edited)
            combo.currentIndexChanged.connect(self._clear_combo_error)
        self.source.currentIndexChanged.connect(self._update_referral_visibility)
        self.registered_on.dateChanged.connect(self._edited)
        self.referral_note.textChanged.connect(self._edited)
        self.summary.textChanged.connect(self._edited)
        self.summary.textChanged.connect(self._update_summary_count)
        self.requests.changed.connect(self._edited)
        self.parties.changed.connect(self._edited)
        self.facts.changed.connect(self._edited)
        self.parties.focus_wanted.connect(self._scroll_to)
        self.parties.cards_changed.connect(self._set_tab_order)
        self.requests.rows_changed.connect(self._set_tab_order)
        self.save_button.clicked.connect(self.save)
        on_leave(self.summary, lambda: self._check_basic("summary"))
        on_leave(self.referral_note, lambda: self._check_basic("referral_note"))
        self.summary.textChanged.connect(lambda: self._recheck_if_flagged("summary"))
        self.referral_note.textChanged.connect(lambda _t: self._recheck_if_flagged("referral_note"))

    # ========================================================== Picard API
    def load(self) -> None:
        """Fetch the catalogues and any draft on the worker, then fill the form."""
        ws = self._ws

        def fetch() -> tuple[list, list, list[str], dict[str, Any] | None]:
            return (
                ws.catalogue.dispute_types(),
                ws.catalogue.case_sources(),
                ws.catalogue.ethnicities(),
                ws.drafts.load(DRAFT_KIND, self.drafts.key),
            )

        self._loaded = True
        self._set_loading_state(True)
        self._runner.run(fetch, on_done=self._guard(self._fill), on_error=self._guard(self._fail))

    def check(self) -> bool:
        """The instant (GUI-thread) checks of every field, shown beside them."""
        self.clear_errors()
        problems = self._local_problems()
        self.show_problems(problems)
        return not problems

    def save(self) -> None:
        """Register the case on the worker; the button stays disabled meanwhile."""
        if self._saving or not self._loaded:
            return
        self.clear_errors()
        self.result_banner.clear()
        local = self._local_problems()
        warnings = self.warnings()  # shown under their fields; never block saving
        registration = self.registration_input()
        self.flush_draft()  # the latest typing is on disk before anything else happens
        self._set_saving(True)
        ws = self._ws

        def work() -> list[tuple[str, str]] | CaseRef:
            problems = ws.cases.validate(registration)
            if problems or local:
                return problems
            return self._register(registration)

        def done(result: list[tuple[str, str]] | CaseRef) -> None:
            self._set_saving(False)
            if isinstance(result, CaseRef):
                self._registered(result, warnings)
            else:
                self.show_problems(checks.merge_problems(local, result))

        def failed(exc: BaseException) -> None:
            self._set_saving(False)
            if isinstance(exc, ValidationError):
                self.show_problems(checks.merge_problems(local, exc.problems))
            else:
                show_error(self, exc)

        self._runner.run(work, on_done=self._guard(done), on_error=self._guard(failed))

    def restore_defaults(self) -> None:
        """An empty form (dispute, date today, one applicant and one respondent), or
        the prefill the page was made with."""
        self._apply_payload(self._prefill)
        self.clear_errors()

    def discard_draft(self) -> None:
        """Throw away the restored draft and start with an empty form."""
        self.drafts.discard()
        self.draft_banner.clear()
        self.restore_defaults()
        self.draft_status.setText(self.tr("Draft discarded."))

    # ============================================================ form data
    def registration_input(self) -> RegistrationInput:
        """What the form says, as the service's input (parties in card order)."""
        source = str(self.source.currentData() or "")
        return RegistrationInput(
            dispute_type=str(self.dispute_type.currentData() or ""),
            source=source,
            summary=self.summary.toPlainText(),
            parties=self.parties.to_inputs(),
            requests=[text for _row, text in self.requests.requests()],
            registered_on=to_date(self.registered_on.date()),
            referral_note=self.referral_note.text() if source in REFERRAL_SOURCES else "",
            facts=self.facts.facts(),
        )

    def payload(self) -> dict[str, Any]:
        """Everything typed, as the JSON-able draft (hidden fields included)."""
        return {
            "version": DRAFT_VERSION,
            "dispute_type": self.dispute_type.currentData() or "",
            "source": self.source.currentData() or "",
            "registered_on": to_date(self.registered_on.date()).isoformat(),
            "referral_note": self.referral_note.text(),
            "summary": self.summary.toPlainText(),
            "requests": self.requests.values(),
            "parties": self.parties.to_payload(),
            "facts": self.facts.payload(),
        }

    def _apply_payload(self, data: dict[str, Any]) -> None:
        self._loading = True
        try:
            select_code(self.dispute_type, str(data.get("dispute_type", "")))
            select_code(self.source, str(data.get("source", "")))
            try:
                day = dt.date.fromisoformat(str(data.get("registered_on", "")))
            except ValueError:
                day = self._today()
            self.registered_on.setMaximumDate(to_qdate(self._today()))
            self.registered_on.setDate(to_qdate(day))
            self.referral_note.setText(str(data.get("referral_note", "")))
            self.summary.setPlainText(str(data.get("summary", "")))
            requests = data.get("requests")
            self.requests.set_values([str(r) for r in requests] if isinstance(requests, list)
                                     else [""])
            parties = data.get("parties")
            self.parties.load_payload([p for p in parties if isinstance(p, dict)]
                                      if isinstance(parties, list) else [])
            self.facts.apply_payload(data.get("facts"))  # after the parties it follows
            self._update_referral_visibility()
            self._update_summary_count()
        finally:
            self._loading = False

    # ============================================================ autosave
    def _edited(self, *_args: object) -> None:
        if self._loading:
            return
        if self.result_banner.kind() == "success":
            self.result_banner.clear()
        self.drafts.edited()

    def flush_draft(self) -> None:
        """Save the draft now if anything changed since the last save."""
        if not self._loading:
            self.drafts.flush()

    def has_unsaved_draft(self) -> bool:
        return self.drafts.is_dirty()

    def _draft_saved(self) -> None:
        self._draft_failed = False
        set_text_colour(self.draft_status, MUTED_COLOUR)
        stamp = dt.datetime.now().strftime("%H:%M:%S")
        self.draft_status.setText(self.tr("Draft kept automatically at %1").replace("%1", stamp))

    def _draft_not_saved(self, exc: BaseException) -> None:
        self.draft_status.setText(self.tr("The draft could not be saved!"))
        set_text_colour(self.draft_status, ERROR_COLOUR)
        if not self._draft_failed:  # say it once, not every two seconds
            self._draft_failed = True
            show_error(self, exc)

    def _on_quit(self) -> None:
        if shiboken6.isValid(self):
            self.flush_draft()

    # ============================================================== events
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.load()

    def hideEvent(self, event: QHideEvent) -> None:
        self.flush_draft()
        super().hideEvent(event)

    # =========================================================== callbacks
    def _guard(self, fn: Callable[[Any], None]) -> Callable[[Any], None]:
        """Drop a late callback for a page that was closed in the meantime."""

        def call(value: Any) -> None:
            if shiboken6.isValid(self):
                fn(value)

        return call

    def _fill(self, fetched: tuple[list, list, list[str], dict[str, Any] | None]) -> None:
        dispute_types, sources, ethnicities, draft = fetched
        self._loading = True
        try:
            fill_catalogue(self.dispute_type, dispute_types, self.tr("(choose the type)"))
            fill_catalogue(self.source, sources, self.tr("(choose the source)"))
            self.parties.set_ethnicities(list(ethnicities))
        finally:
            self._loading = False
        self._apply_payload(draft or self._prefill)
        self.drafts.forget()
        self.drafts.enabled = True
        self._set_loading_state(False)
        if draft and has_content(draft):
            self.draft_banner.show_message(
                "info",
                self.tr("The unfinished registration from last time was restored."),
                [(self.tr("Discard it and start afresh"), self.discard_draft)],
            )
        else:
            self.draft_banner.clear()
        self.dispute_type.setFocus()

    def _fail(self, exc: BaseException) -> None:
        self._loaded = False  # showing the page again retries
        self.drafts.enabled = False  # never overwrite a draft we could not read
        show_error(self, exc)

    def warnings(self) -> list[str]:
        """Gaps the documents will show (an organisation's address or credit code),
        each put under its field and returned as "Party 2: …" lines."""
        return [f"{card.title.text()}: {message}"
                for card in self.parties.cards() for _key, message in card.warnings()]

    def _registered(self, ref: CaseRef, warnings: list[str] | None = None) -> None:
        self.drafts.discard()
        self.draft_banner.clear()
        self.restore_defaults()
        text = self.tr("Registered. Case number: %1").replace("%1", ref.case_no)
        if warnings:  # registered all the same: the studio may not know them yet
            text += "\n" + self.tr("Still to complete (correct the party later):") + "\n"
            text += "\n".join(f"• {line}" for line in warnings)
        self.result_banner.show_message("success", text)
        self.draft_status.setText("")
        self.scroll_area.verticalScrollBar().setValue(0)
        self.registered.emit(ref.id, ref.case_no)

    # ================================================================ errors
    def clear_errors(self) -> None:
        for box in self.boxes.values():
            box.set_error(None)
        for box in self.requests.boxes():
            box.set_error(None)
        for label in (self.requests.section_error, self.parties.section_error):
            label.clear()
            label.hide()
        for card in self.parties.cards():
            card.clear_errors()
        if self.result_banner.kind() == "error":
            self.result_banner.clear()

    def _local_problems(self) -> list[tuple[str, str]]:
        problems: list[tuple[str, str]] = []
        for key in ("summary", "referral_note"):
            message = self._basic_problem(key)
            if message:
                problems.append((key, message))
        for row, text in enumerate(self.requests.values()):
            message = checks.check_text(text, label=checks.LABEL_REQUEST,
                                        max_len=checks.SUMMARY_MAX)
            if message and text.strip():
                index = [r for r, _t in self.requests.requests()].index(row)
                problems.append((f"requests[{index}]", message))
        for i, card in enumerate(self.parties.cards()):
            problems.extend((f"parties[{i}].{key}", msg) for key, msg in card.check())
        return problems + self.facts.problems()

    def _basic_problem(self, key: str) -> str | None:
        if key == "summary":
            text = self.summary.toPlainText()
            if not text.strip():
                return None  # "required" is the service's message, on 保存
            return checks.check_text(text, label=checks.LABEL_SUMMARY,
                                     max_len=checks.SUMMARY_MAX, multiline=True)
        if key == "referral_note" and self.source.currentData() in REFERRAL_SOURCES:
            return checks.check_text(self.referral_note.text(), label=checks.LABEL_REFERRAL,
                                     max_len=checks.REFERRAL_MAX, multiline=True)
        return None

    def _check_basic(self, key: str) -> None:
        self.boxes[key].set_error(self._basic_problem(key))

    def _recheck_if_flagged(self, key: str) -> None:
        if self.boxes[key].error():
            self._check_basic(key)

    def _clear_combo_error(self) -> None:
        for key, combo in (("dispute_type", self.dispute_type), ("source", self.source)):
            if combo.currentData():
                self.boxes[key].set_error(None)

    def show_problems(self, problems: list[tuple[str, str]]) -> None:
        """Put each (path, message) beside its field; focus the first one on the page."""
        if not problems:
            return
        targets: list[QWidget] = []
        unplaced: list[str] = []
        for path, message in problems:
            target = problems_on_page.place(path, message, self.boxes, self.requests,
                                            self.parties)
            if target is None:
                unplaced.append(message)
            else:
                targets.append(target)
        count = len(problems)
        text = self.tr("%1 item(s) need correcting; see the red messages below.").replace(
            "%1", str(count)
        )
        if unplaced:
            text += "\n" + "\n".join(unplaced)
        self.result_banner.show_message("error", text)
        if targets:
            first = min(targets, key=self._page_position)
            self.scroll_area.ensureWidgetVisible(first, 40, 120)
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _set_tab_order(self) -> None:
        """Tab walks the page in reading order, whatever was added or moved since."""
        order = [self.dispute_type, self.registered_on, self.source, self.referral_note,
                 self.summary, *self.requests.focus_order(), *self.parties.focus_order(),
                 *self.facts.focus_order(), self.save_button]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    def _scroll_to(self, widget: QWidget) -> None:
        # The layout has not placed a brand-new card yet: scroll once it has.
        def scroll() -> None:
            if shiboken6.isValid(widget):
                self.scroll_area.ensureWidgetVisible(widget, 40, 200)

        QTimer.singleShot(0, self, scroll)  # dropped if the page is gone by then

    def _page_position(self, widget: QWidget) -> tuple[int, int]:
        point = widget.mapTo(self.content, widget.rect().topLeft())
        return point.y(), point.x()

    # ============================================================== states
    def _set_loading_state(self, loading: bool) -> None:
        self.content.setEnabled(not loading)
        self.save_button.setEnabled(not loading and not self._saving)

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.content.setEnabled(not saving)
        self.save_button.setEnabled(not saving)
        self.save_button.setText(self.tr("Saving…") if saving else self.tr("Save registration"))

    def _update_referral_visibility(self) -> None:
        visible = self.source.currentData() in REFERRAL_SOURCES
        self.referral_label.setVisible(visible)
        self.boxes["referral_note"].setVisible(visible)

    def _update_summary_count(self) -> None:
        count = len(self.summary.toPlainText())
        self.summary_count.setText(
            self.tr("%1 of at most %2 characters")
            .replace("%1", str(count)).replace("%2", str(checks.SUMMARY_MAX))
        )
        colour = ERROR_COLOUR if count > checks.SUMMARY_MAX else MUTED_COLOUR
        set_text_colour(self.summary_count, colour)
