"""An organisation acts through its 法定代表人 or its 主要负责人: registration records
which, and the documents label the representative's row with that office."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from sqlalchemy import select

from mediator.services.documents import DocumentService
from mediator.store.models import Party
from tests.ui.registration.conftest import OFFSCREEN_NOISE, all_cases
from tests.ui.registration.helpers import choose, fill_dispute, save, type_into

pytestmark = OFFSCREEN_NOISE


def test_an_owners_committee_registers_its_principal_officer(qtbot, page, workspace):
    fill_dispute(qtbot, page)
    applicant, respondent = page.parties.cards()
    type_into(qtbot, applicant.name, "张三")
    choose(qtbot, respondent.kind, "单位")
    assert respondent.representative_role.isVisible()
    assert respondent.representative_role.currentText() == "法定代表人"
    type_into(qtbot, respondent.name, "怡翠花园业主委员会")
    type_into(qtbot, respondent.representative, "梁伟明")
    type_into(qtbot, respondent.representative_title, "主任")
    choose(qtbot, respondent.representative_role, "主要负责人（非法人组织）")
    with qtbot.waitSignal(page.registered, timeout=5000):
        save(qtbot, page)
    [case] = all_cases(workspace)
    with workspace.db.read() as s:
        role = s.execute(select(Party.representative_role)
                         .where(Party.name == "怡翠花园业主委员会")).scalar_one()
    assert role == "principal"
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    pdf = DocumentService(workspace).render(case.id, "registration")
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True,
                          check=True, timeout=60).stdout.decode("utf-8")
    assert "主要负责人梁伟明职务主任" in re.sub(r"\s+", "", text)
