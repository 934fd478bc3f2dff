"""One primary action per page: the registration form's 保存登记, each step's save
(下一步/保存), the agreement step's 定稿 — one filled accent button, no second one."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractButton, QWidget

from mediator.domain.findings import Step
from mediator.ui import theme
from mediator.ui.registration import RegistrationPage
from mediator.ui.tasks import ImmediateTaskRunner
from mediator.ui.theme import ROLE_PROPERTY, Role
from mediator.ui.workflow.workspace import CaseWorkspace
from tests.ui.conftest import register_leak_case


def primaries(page: QWidget) -> list[QAbstractButton]:
    return [b for b in page.findChildren(QAbstractButton)
            if b.property(ROLE_PROPERTY) == Role.PRIMARY.value]


def test_the_registration_form_has_one_primary_action(qtbot, studio_ws) -> None:
    page = RegistrationPage(studio_ws, ImmediateTaskRunner())
    qtbot.addWidget(page)
    assert primaries(page) == [page.save_button]
    # It looks primary: the accent behind white text, as the theme says.
    pal = page.save_button.palette()
    assert pal.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Button).name() \
        == theme.current().palette.accent


def test_every_step_page_has_at_most_one_primary_action(qtbot, studio_ws) -> None:
    w = CaseWorkspace(studio_ws, ImmediateTaskRunner(), register_leak_case(studio_ws))
    qtbot.addWidget(w)
    with_one = []
    for step, page in w.pages.items():
        found = primaries(page)
        assert len(found) <= 1, (step, [b.text() for b in found])
        if found:
            with_one.append(step)
    # The steps with a save of their own, and the agreement's 定稿.
    assert {Step.ACCEPT, Step.NOTIFY, Step.MEDIATE, Step.OUTCOME, Step.ARCHIVE} <= set(with_one)
    outcome = primaries(w.pages[Step.OUTCOME])
    assert outcome == [w.pages[Step.OUTCOME].finalise_button]  # type: ignore[attr-defined]
