"""After a ledger import the maintained tables still equal the rules.

The import writes its cases' Today rows (``case_due``) from the case files it
loads for the completeness check, instead of leaving them to the refresh before
the commit; the Today table and the statistics tables must still be what the
rules give for the rows written — also beside cases already there, and after a
dry run.
"""

from __future__ import annotations

import datetime as dt

from mediator.services import demo
from mediator.services.ledger_import import import_ledger
from mediator.services.workflow import Workflow
from mediator.services.workspace import Workspace
from tests.services.test_ledger_import import GUICHENG, PINGZHOU, TODAY
from tests.services.test_statistics_day import assert_maintained
from tests.services.workflow.test_case_due import by_the_rules, stale, table
from tests.services.workflow.test_today_fast import full_scan


def _equal_to_the_rules(ws: Workspace) -> None:
    assert stale(ws) == 0
    assert table(ws) == by_the_rules(ws)
    assert_maintained(ws)
    for offset in (-400, -30, 0, 30):
        day = TODAY + dt.timedelta(days=offset)
        assert Workflow(ws).deadlines.due(day, 7) == full_scan(ws, day, 7)


def test_imported_cases_are_listed_and_counted_by_the_rules(workspace: Workspace) -> None:
    demo.generate(workspace, 30, seed=3, today=TODAY)
    before = table(workspace)
    report = import_ledger(workspace, GUICHENG, partial=True, today=TODAY)
    assert report.written and report.imported
    _equal_to_the_rules(workspace)
    assert table(workspace) > before  # the new cases at 受理 have their deadlines listed
    again = import_ledger(workspace, PINGZHOU, partial=True, today=TODAY)
    assert again.written
    _equal_to_the_rules(workspace)


def test_a_dry_run_leaves_the_tables_as_they_were(workspace: Workspace) -> None:
    demo.generate(workspace, 10, seed=4, today=TODAY)
    before = table(workspace)
    report = import_ledger(workspace, GUICHENG, partial=True, dry_run=True, today=TODAY)
    assert not report.written and report.imported
    assert table(workspace) == before
    _equal_to_the_rules(workspace)
