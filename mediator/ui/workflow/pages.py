"""Form pages of the case workspace: one class per lifecycle step, registered by step.

As in Picard's option pages, a page knows how to ``load()`` what is stored,
``check()`` what was typed, and ``save()`` it; the workspace only knows the
registry (:data:`PAGES`) and the contract below, never a page's insides.  A page
also hands its unsaved input to the workspace as a draft (``payload()`` /
``restore()``) so nothing typed is lost, even when a save is refused.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

import shiboken6
from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mediator.domain.findings import Step
from mediator.domain.status import CaseStatus
from mediator.domain.steps import OPTIONAL_STEPS
from mediator.errors import MediatorError, TransitionError, ValidationError
from mediator.services.workflow import Workflow
from mediator.services.workflow.dto import CaseOverview
from mediator.ui import theme
from mediator.ui.errors import show_error
from mediator.ui.theme import Role, mark

from .common import (
    Banner,
    FieldBox,
    align_form_labels,
    datetime_edit,
    from_qdate,
    from_qdatetime,
    heading,
    muted,
    to_qdate,
    tr,
)
from .read_only import set_read_only
from .skip_bar import SkipBar


@dataclass
class PageContext:
    workflow: Workflow
    runner: Any
    today: Callable[[], dt.date]
    data_root: Any = None


PAGES: dict[Step, type[StepPage]] = {}


def register(cls: type[StepPage]) -> type[StepPage]:
    """Class decorator: make ``cls`` the form page of its step."""
    PAGES[cls.step] = cls
    return cls


class StepPage(QWidget):
    """Base of the step pages.  Subclasses set ``step`` and ``title`` and build ``body``."""

    step: ClassVar[Step]
    title: ClassVar[str] = ""
    intro: ClassVar[str] = ""

    edited = Signal()  # the user changed something: autosave soon
    saved = Signal(str)  # a save went through: the workspace re-reads the case

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.overview: CaseOverview | None = None
        self.fields: dict[str, FieldBox] = {}
        self.kept: dict[str, QWidget] = {}  # widgets whose input goes into the draft
        self._loading = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        outer.addWidget(scroll)
        inner = QWidget()
        scroll.setWidget(inner)
        self.body = QVBoxLayout(inner)
        self.body.addWidget(heading(tr(self.title), inner))
        if self.intro:
            self.body.addWidget(muted(tr(self.intro), inner))
        self.banner = Banner(inner)
        self.body.addWidget(self.banner)
        self.inner = inner
        # 跳过此步: only an optional step's page has it (a required step cannot be skipped).
        self.skip_bar: SkipBar | None = None
        if self.step in OPTIONAL_STEPS:
            self.skip_bar = SkipBar(self, inner)
            self.body.addWidget(self.skip_bar)
        self.build()
        self.body.addStretch(1)
        self.body.setSpacing(theme.current().space("normal"))
        align_form_labels(inner)  # one label column for the page's groups of fields

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # another type size
            self.body.setSpacing(theme.current().space("normal"))
            align_form_labels(self.inner)

    # ------------------------------------------------------------ to override
    def build(self) -> None:
        raise NotImplementedError

    def fill(self, ov: CaseOverview) -> None:
        """Show what is stored (called by :meth:`load`)."""

    def check(self) -> list[tuple[str, str]]:
        """Problems found without asking the database: (field path, Chinese message)."""
        return []

    def submit(self) -> Callable[[], Any] | None:
        """The service call that saves the page (run on the database worker)."""
        return None

    def payload(self) -> dict[str, Any]:
        """The page's unsaved input, for the draft (plain JSON)."""
        return {name: widget_value(w) for name, w in self.kept.items()}

    def restore(self, data: dict[str, Any]) -> None:
        """Put a draft's input back into the widgets."""
        for name, w in self.kept.items():
            if name in data:
                set_widget_value(w, data[name])

    def restore_defaults(self) -> None:
        """Empty the form for a new record."""

    def done_message(self, result: Any) -> str:
        return tr("Saved.")

    # --------------------------------------------------------------- contract
    def load(self, ov: CaseOverview, draft: dict[str, Any] | None = None) -> None:
        first = self.overview is None
        self.overview = ov
        self._loading = True
        try:
            if first:
                self._default_dates(self.ctx.today())
            self.fill(ov)
            align_form_labels(self.inner)  # fill() may add rows (one per party)
            if draft:
                self.restore(draft)
                self.banner.show_info(tr("Unsaved input from before was restored."))
            if self.skip_bar is not None:
                self.skip_bar.show_case(ov)
            # An archived case is read-only: nothing on the page may change it.
            set_read_only(self.inner, ov.status is CaseStatus.ARCHIVED)
        finally:
            self._loading = False

    def _default_dates(self, today: dt.date) -> None:
        """Date boxes start on the working day (the injected "today", not the clock)."""
        for edit in self.findChildren(QDateEdit):
            edit.setDate(to_qdate(today))
        for dtedit in self.findChildren(QDateTimeEdit):
            if type(dtedit) is QDateTimeEdit:
                t = dtedit.time()
                dtedit.setDateTime(datetime_edit(dt.datetime(today.year, today.month, today.day,
                                                           t.hour(), t.minute())).dateTime())

    def save(self) -> None:
        self.clear_problems()
        problems = self.check()
        if problems:
            self.show_problems(problems)
            return
        work = self.submit()
        if work is None:
            return
        self.ctx.runner.run(work, on_done=self._guard(self._done),
                            on_error=self._guard(self._failed))

    def _done(self, result: Any) -> None:
        self.banner.show_info(self.done_message(result))
        self.saved.emit(self.step.value)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, TransitionError):
            self.banner.show_error(exc.message.split("：")[0] + "：", exc.missing or [exc.message])
        elif isinstance(exc, ValidationError):
            self.show_problems(exc.problems)
        elif isinstance(exc, MediatorError):
            self.banner.show_error(exc.message)
        else:
            show_error(self, exc)

    def _guard(self, fn: Callable[[Any], None]) -> Callable[[Any], None]:
        def call(value: Any) -> None:
            if shiboken6.isValid(self):
                fn(value)
        return call

    # ------------------------------------------------------------ field help
    def clear_problems(self) -> None:
        self.banner.clear()
        for box in self.fields.values():
            box.set_error(None)

    def show_problems(self, problems: list[tuple[str, str]]) -> None:
        unplaced = []
        shown: set[str] = set()
        for path, msg in problems:
            box = self._box_for(path)
            if box is not None and path not in shown:
                box.set_error(msg)
                shown.add(path)
            else:
                unplaced.append(msg)
        self.banner.show_error(tr("Not saved. Please correct the marked fields."), unplaced)

    def _box_for(self, path: str) -> FieldBox | None:
        if path in self.fields:
            return self.fields[path]
        head = path.split("[", maxsplit=1)[0].split(".", maxsplit=1)[0]
        return self.fields.get(head)

    def field(self, path: str, editor: QWidget, label: str, layout: Any) -> FieldBox:
        """Add ``editor`` under a label, with its error line; wire it to autosave."""
        box = FieldBox(editor)
        self.fields[path] = box
        self.kept[path] = editor
        layout.addRow(tr(label), box) if hasattr(layout, "addRow") else layout.addWidget(box)
        self.watch(editor)
        return box

    def watch(self, editor: QWidget) -> None:
        for signal in ("textChanged", "toggled", "currentIndexChanged", "dateChanged",
                       "dateTimeChanged", "valueChanged"):
            sig = getattr(editor, signal, None)
            if sig is not None and hasattr(sig, "connect"):
                sig.connect(self._changed)
                break

    def _changed(self, *_args: object) -> None:
        if not self._loading:
            self.edited.emit()

    def save_button(self, text: str = "Save") -> QPushButton:
        row = QHBoxLayout()
        button = QPushButton(tr(text))
        button.setObjectName(f"save_{self.step.value}")
        mark(button, Role.PRIMARY)  # the step's one primary action
        button.clicked.connect(self.save)
        row.addStretch(1)
        row.addWidget(button)
        self.body.addLayout(row)
        return button


# ------------------------------------------------------------------ widget state
def widget_value(w: QWidget) -> Any:
    if isinstance(w, QLineEdit):
        return w.text()
    if isinstance(w, QPlainTextEdit):
        return w.toPlainText()
    if isinstance(w, QCheckBox):
        return w.isChecked()
    if isinstance(w, QComboBox):
        return w.currentIndex()
    if isinstance(w, QDateTimeEdit) and not isinstance(w, QDateEdit):
        return from_qdatetime(w.dateTime()).isoformat()
    if isinstance(w, QDateEdit):
        return from_qdate(w.date()).isoformat()
    return None


def set_widget_value(w: QWidget, value: Any) -> None:
    if value is None:
        return
    if isinstance(w, QLineEdit):
        w.setText(str(value))
    elif isinstance(w, QPlainTextEdit):
        w.setPlainText(str(value))
    elif isinstance(w, QCheckBox):
        w.setChecked(bool(value))
    elif isinstance(w, QComboBox):
        w.setCurrentIndex(int(value))
    elif isinstance(w, QDateTimeEdit) and not isinstance(w, QDateEdit):
        w.setDateTime(datetime_edit(dt.datetime.fromisoformat(value)).dateTime())
    elif isinstance(w, QDateEdit):
        w.setDate(to_qdate(dt.date.fromisoformat(value)))
