"""Fixtures of the desktop tests: no modal dialogs, and no bug passes unnoticed.

Every error the UI shows through :func:`mediator.ui.errors.show_error` is
recorded instead of opening a dialog.  A test that expects an error takes the
``shown_errors`` fixture and empties it; any *bug* still recorded at the end
fails the test, so a crash dialog a user would have seen cannot go unnoticed.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from mediator.ui import errors


@pytest.fixture(autouse=True)
def no_dialogs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    old = errors.dialogs_enabled
    errors.dialogs_enabled = False
    errors.recorded.clear()
    yield
    errors.dialogs_enabled = old
    bugs = [e for e in errors.recorded if e.is_bug]
    errors.recorded.clear()
    if bugs:
        pytest.fail(f"unexpected crash dialog(s): {[type(b.exc).__name__ for b in bugs]}")


@pytest.fixture
def shown_errors() -> list[errors.ShownError]:
    """The errors shown so far; a test that expects a bug must clear this list."""
    return errors.recorded
