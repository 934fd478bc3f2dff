"""The audit log's hash chain shows tampering."""

from __future__ import annotations

from sqlalchemy import text

from mediator.services.workspace import Workspace
from mediator.store.audit import verify_chain
from tests.services.helpers import water_leak


def test_editing_or_deleting_an_event_breaks_the_chain(workspace: Workspace) -> None:
    for _ in range(3):
        workspace.cases.register(water_leak())
    with workspace.db.read() as s:
        assert verify_chain(s) is None
    with workspace.db.write() as s:
        s.execute(text("UPDATE audit_event SET action='case.delete' WHERE seq=2"))
    with workspace.db.read() as s:
        assert verify_chain(s) == 2
    with workspace.db.write() as s:
        s.execute(text("UPDATE audit_event SET action='case.register' WHERE seq=2"))
        s.execute(text("DELETE FROM audit_event WHERE seq=3"))
    with workspace.db.read() as s:
        assert verify_chain(s) == 4
