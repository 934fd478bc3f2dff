"""First-run set-up and autosaved drafts."""

from __future__ import annotations

import pytest

from mediator.errors import NotFoundError, ValidationError
from mediator.paths import DataDir
from mediator.services.workspace import Workspace, open_workspace


def test_first_run_has_no_studio_then_setup_sticks(blank_workspace: Workspace,
                                                   data_dir: DataDir) -> None:
    assert blank_workspace.studio.current() is None
    with pytest.raises(NotFoundError, match="首次设置"):
        blank_workspace.studio.context()
    setup = blank_workspace.studio.setup("桂城街道人民调解委员会", "桂城", "陈调解")
    assert setup.case_prefix == "桂城"
    blank_workspace.close()
    with open_workspace(data_dir) as again:
        assert again.studio.current() == setup


def test_setup_names_every_bad_field(blank_workspace: Workspace) -> None:
    with pytest.raises(ValidationError) as err:
        blank_workspace.studio.setup("", "桂城2026!", "")
    assert {f for f, _ in err.value.problems} == {"committee_name", "case_prefix",
                                                   "mediator_name"}
    assert blank_workspace.studio.current() is None


def test_preview_shows_the_scheme(blank_workspace: Workspace) -> None:
    assert blank_workspace.studio.preview_case_no("桂城", 2026) == "（2026）桂城人调字第1号"


def test_drafts_survive_reopening(workspace: Workspace, data_dir: DataDir) -> None:
    payload = {"summary": "楼上漏水", "parties": [{"name": "王𠮷"}]}
    workspace.drafts.save("registration", "new", payload)
    workspace.close()
    with open_workspace(data_dir) as again:
        assert again.drafts.load("registration", "new") == payload
        assert again.drafts.keys("registration") == ["new"]
        again.drafts.discard("registration", "new")
        assert again.drafts.load("registration", "new") is None


def test_oversized_draft_is_refused_not_truncated(workspace: Workspace) -> None:
    with pytest.raises(ValidationError, match="草稿"):
        workspace.drafts.save("registration", "new", {"summary": "漏" * 1_000_000})
    assert workspace.drafts.load("registration", "new") is None
